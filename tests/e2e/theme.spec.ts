import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

declare global {
  interface Window {
    __themeAtFirstContent?: string;
  }
}

/** Records the theme and background at the moment the first visible content is parsed. */
async function watchFirstContent(page: Page) {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('header')) {
        window.__themeAtFirstContent = `${document.documentElement.dataset['theme'] ?? 'auto'} ${getComputedStyle(document.body).backgroundColor}`;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

test('learner switches to dark theme and it persists across pages with no flash of light', async ({ page }) => {
  await watchFirstContent(page);
  await page.goto('./');
  const toggle = page.getByRole('button', { name: /^Theme:/ });
  await expect(toggle).toHaveAccessibleName('Theme: Auto');
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Theme: Light');
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Theme: Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Learn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learn' })).toBeVisible();
  expect(await page.evaluate(() => window.__themeAtFirstContent)).toBe('dark rgb(16, 19, 24)');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Learn' })).toBeVisible();
  expect(await page.evaluate(() => window.__themeAtFirstContent)).toBe('dark rgb(16, 19, 24)');
  await expect(page.getByRole('button', { name: /^Theme:/ })).toHaveAccessibleName('Theme: Dark');
});

test('the site follows the system theme until the learner picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await watchFirstContent(page);
  await page.goto('./about/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.__themeAtFirstContent)).toBe('auto rgb(16, 19, 24)');
  await page.getByRole('button', { name: 'Theme: Auto' }).click();
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.__themeAtFirstContent)).toBe('light rgb(255, 255, 255)');
});

test('a theme chosen in one tab reaches the other open tab', async ({ page, context }) => {
  await page.goto('./about/');
  const other = await context.newPage();
  await other.goto('./learn/');
  await page.getByRole('button', { name: 'Theme: Auto' }).click();
  await expect(other.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(other.getByRole('button', { name: /^Theme:/ })).toHaveAccessibleName('Theme: Light');
});
