import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { pagesToCheck } from './pages';

const pages = pagesToCheck();

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    for (const { path, pageType } of pages) {
      test(`${pageType} page /${path} has no axe violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
      });
    }
  });
}

test('pages with saved progress and an open dialog have no axe violations', async ({ page }) => {
  await page.goto('learn/beginner/start-here/');
  await page.goto('progress/');
  await page.getByRole('button', { name: 'Reset all progress' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
