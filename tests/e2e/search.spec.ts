import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test('learner presses / anywhere, sees results as they type, grouped with lessons first, and opens one from the keyboard', async ({
  page,
}) => {
  const searchCode: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) searchCode.push(request.url());
  });
  await page.goto('about/');
  expect(searchCode, 'search code loads only when the learner searches').toEqual([]);

  // Typing straight after "/", before the dialog's code has loaded, loses no letter.
  await page.locator('body').press('/');
  await page.keyboard.type('poisoning');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const box = dialog.getByRole('searchbox', { name: 'Search the lab' });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('poisoning');
  await expect(dialog.getByRole('status')).toHaveText(/\d+ pages match “poisoning”/);
  // Lessons come before reference pages for the same term.
  const groups = dialog.getByRole('heading', { level: 2 });
  await expect(groups.first()).toHaveText('Lessons');
  const names = await groups.allTextContents();
  expect(names.indexOf('Lessons')).toBeLessThan(names.indexOf('Reference'));
  await expect(dialog.locator('mark').first()).toHaveText(/poison/i);
  expect(searchCode.length).toBeGreaterThan(0);

  // The axe check runs on the open dialog, in both themes.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.help}`)).toEqual([]);
  }

  await box.press('ArrowDown');
  const first = dialog.getByRole('region', { name: 'Lessons' }).getByRole('link').first();
  await expect(first).toBeFocused();
  const title = (await first.textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('Escape closes the search dialog; Enter in its box opens the search page with the query', async ({ page }) => {
  await page.goto('about/');
  await page.locator('body').press('/');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog.getByRole('searchbox', { name: 'Search the lab' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.locator('body').press('/');
  const box = dialog.getByRole('searchbox', { name: 'Search the lab' });
  await box.fill('Shostack');
  await expect(dialog.getByRole('link', { name: /Start here/ })).toBeVisible();
  await box.press('Enter');
  await expect(page).toHaveURL(/search\/\?q=Shostack$/);
  await expect(page.getByRole('status')).toHaveText(/1 page matches “Shostack”|\d+ pages match “Shostack”/);
  await expect(page.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible();
  const result = page.getByRole('link', { name: /Start here/ });
  await expect(page.locator('mark').first()).toHaveText(/Shostack/i);
  await result.click();
  await expect(page.getByRole('heading', { level: 1, name: /Start here/ })).toBeVisible();
});

test('without the dialog, the header box still searches: type and press Enter', async ({ page }) => {
  await page.goto('about/');
  const box = page.getByRole('searchbox', { name: 'Search the site' });
  await box.fill('Shostack');
  await box.press('Enter');
  await expect(page).toHaveURL(/search\/\?q=Shostack$/);
  await expect(page.getByRole('link', { name: /Start here/ })).toBeVisible();
});

test('the search page searches as the learner types and explains an empty result', async ({ page }) => {
  await page.goto('search/');
  const box = page.getByRole('searchbox', { name: 'Search the lab' });
  await expect(box).toBeFocused();
  await box.fill('zzqxwv');
  await expect(page.getByRole('status')).toContainText('No pages match “zzqxwv”');
  await box.fill('Shostack');
  await expect(page.getByRole('link', { name: /Start here/ })).toBeVisible();
  await expect(page).toHaveURL(/\?q=Shostack$/);
});

test('typing / inside a text field types a slash instead of jumping to search', async ({ page }) => {
  await page.goto('search/');
  const box = page.getByRole('searchbox', { name: 'Search the lab' });
  await expect(box).toBeFocused();
  await box.fill('a');
  await box.press('/');
  await expect(box).toHaveValue('a/');
});
