import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pagesToCheck } from './pages';
import { openProject } from './stride-helpers';

const pages = pagesToCheck();

/** Axe over the whole page as it stands, in the light theme and then the dark one. */
async function expectNoViolationsInBothThemes(page: Page) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(
      results.violations.map(
        (v) => `${scheme} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      ),
    ).toEqual([]);
  }
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    for (const { path, pageType } of pages) {
      test(`${pageType} page /${path} has no axe violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        ).toEqual([]);
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

test('the project exercise with rows, a report and the reference solution open has no axe violations', async ({
  page,
}) => {
  await openProject(page);
  await page.getByRole('checkbox', { name: /^Model registry/ }).check();
  await page.getByRole('button', { name: 'Add a threat' }).click();
  await page
    .getByRole('group', { name: /^Threat 1\b/ })
    .getByRole('textbox', { name: 'Threat' })
    .fill('Someone swaps the production model in the registry');
  // A second row, folded to its one line, so both states of a row are checked.
  await page.getByRole('button', { name: 'Add a threat' }).click();
  const second = page.getByRole('group', { name: /^Threat 2\b/ });
  await second.getByRole('textbox', { name: 'Threat' }).fill('A flood of requests to the inference API');
  await second.getByRole('button', { name: /^Done with threat 2/ }).click();
  await expect(second.getByRole('button', { name: /^Threat 2\b/ })).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  await page.getByRole('button', { name: 'I think I covered this' }).first().click();
  await expect(page.getByRole('group', { name: /^The key’s threat:/ })).toBeVisible();
  await page.getByRole('button', { name: 'Show the reference solution' }).click();
  await expect(page.getByRole('heading', { name: 'Reference solution' })).toBeVisible();
  await expectNoViolationsInBothThemes(page);
});

test('the cyber range with a run report, charts and a graded check has no axe violations, light or dark', async ({
  page,
}) => {
  // Two full axe passes over the project's largest page, plus a run in the range.
  test.setTimeout(90_000);
  await page.goto('projects/atlas-fraud-simulation/');
  await page.getByRole('heading', { name: 'Your engagement', exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Check my engagement' })).toBeEnabled();
  await page.getByRole('combobox', { name: 'Technique, grouped by tactic' }).selectOption('AML.T0040|AML.TA0000');
  await page.getByRole('button', { name: 'Add to chain' }).click();
  await page.getByRole('button', { name: 'Run in the range' }).click();
  await expect(page.getByRole('region', { name: /^Run report:/ })).toBeFocused();
  await page.getByText('Data for “Attack trajectory”').click();
  await page.getByRole('button', { name: 'Check my engagement' }).click();
  await expect(page.getByRole('heading', { name: /^Your score:/ })).toBeVisible();
  await expectNoViolationsInBothThemes(page);
});

test('an incident lab with its write-up, a chain and a graded check, and its worksheet, have no axe violations, light or dark', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('labs/multimodal-claims-incident/');
  await page.getByRole('heading', { name: 'Your analysis', exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Check my analysis' })).toBeEnabled();
  await page.getByRole('combobox', { name: 'Technique, grouped by tactic' }).selectOption('AML.T0003|AML.TA0002');
  await page.getByRole('button', { name: 'Add to chain' }).click();
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  await expect(page.getByRole('heading', { name: /^Your score:/ })).toBeVisible();
  await expectNoViolationsInBothThemes(page);
  await page.goto('workshops/worksheets/multimodal-claims-incident/');
  await expect(page.getByRole('heading', { name: 'The incident write-up' })).toBeVisible();
  await expectNoViolationsInBothThemes(page);
});

test('highlighted code blocks use classes, not inline styles: colored under the CSP, legible in both themes', async ({
  page,
}) => {
  // The fixtures fail this test on any CSP violation, such as a blocked inline style.
  await page.goto('learn/advanced/threat-modeling-as-code/');
  const block = page.locator('pre[class*="language-"]').first();
  await expect(block).toBeVisible();
  const token = block.locator('.token.string, .token.keyword, .token.atrule').first();
  await expect(token).toBeVisible();
  const plain = await block.evaluate((el) => getComputedStyle(el).color);
  expect(await token.evaluate((el) => getComputedStyle(el).color)).not.toBe(plain);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('pre').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.length}`)).toEqual([]);
  }
});
