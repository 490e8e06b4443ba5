/**
 * The project workspace on a 1366 x 768 laptop: the scenario stays in a pane beside the exercise,
 * so the learner reads and writes without scrolling between them (issue 19 measured 11,357 px
 * between the scenario text and the first threat row). Narrower, the scenario comes first.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { openProject, row } from './stride-helpers';

/** Opens Project 2 at one subcategory's assessment, once the exercise is ready. */
async function openAssessment(page: Page, subcategory: string) {
  await page.goto('projects/rmf-chatbot-gap/');
  const group = page.getByRole('group', { name: new RegExp(`^${subcategory.replace('.', '\\.')}`) });
  await group.scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Check my analysis' })).toBeEnabled();
  return group;
}

test.use({ viewport: { width: 1366, height: 768 } });

test('Project 1: the scenario pane stays beside the threat being written, and its links move the pane, not the page', async ({
  page,
}) => {
  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  const threat = row(page, 1).getByRole('textbox', { name: 'Threat' });
  await expect(threat).toBeFocused();
  await expect(threat).toBeInViewport();
  const pane = page.getByRole('region', { name: 'Scenario' });
  await expect(pane.getByRole('heading', { name: /^The system:/ })).toBeInViewport();

  // The read-back has loaded, so nothing in the row moves any more.
  await expect(row(page, 1).getByLabel(/^Not what you mean\?/)).toBeEnabled();
  // From the keyboard (a pointer click would first let the test runner nudge the page).
  const before = await page.evaluate(() => window.scrollY);
  const sections = pane.getByRole('navigation', { name: 'Scenario sections' });
  await sections.getByRole('link', { name: 'Diagram' }).focus();
  await page.keyboard.press('Enter');
  await expect(pane.getByRole('img', { name: /Data-flow diagram/ })).toBeInViewport();
  await sections.getByRole('link', { name: 'Model card' }).focus();
  await page.keyboard.press('Enter');
  await expect(pane.getByRole('heading', { name: 'Model card' })).toBeInViewport();
  await expect(threat).toBeInViewport();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(5);

  // Side by side: the pane and the row do not overlap, and the pane fills the screen's height.
  const paneBox = await pane.boundingBox();
  const rowBox = await row(page, 1).boundingBox();
  expect(paneBox && rowBox && paneBox.x + paneBox.width <= rowBox.x).toBe(true);
  expect(paneBox?.height).toBeGreaterThan(700);
});

test('Project 2: a fact read from an assessment opens in the dossier pane, with the assessment still in view', async ({
  page,
}) => {
  const group = await openAssessment(page, 'GOVERN 1.1');
  await group.getByRole('radio', { name: 'Partial', exact: true }).check();
  await group.getByText(/^Evidence:/).click();
  const read = group.getByRole('link', { name: '(read)' }).first();
  await read.scrollIntoViewIfNeeded();
  const fact = (await read.getAttribute('href')) ?? '';
  await read.click();
  const pane = page.getByRole('region', { name: 'Scenario' });
  await expect(pane.locator(fact)).toBeInViewport();
  await expect(group.getByRole('radio', { name: 'Partial', exact: true })).toBeInViewport();
});

test('Project 2: evidence is cited from the dossier card itself, for the assessment being worked on, and uncited the same way', async ({
  page,
}) => {
  const group = await openAssessment(page, 'GOVERN 1.1');
  const pane = page.getByRole('region', { name: 'Scenario' });
  // Nothing to cite for before an assessment has a status.
  await expect(pane.getByRole('button', { name: /^Cite for/ })).toHaveCount(0);
  await group.getByRole('radio', { name: 'Partial', exact: true }).check();
  const cite = pane.getByRole('button', { name: /^Cite for GOVERN 1\.1: / }).first();
  const name = (await cite.getAttribute('aria-label')) ?? '';
  const title = name.replace(/^Cite for GOVERN 1\.1: /, '');
  await cite.focus();
  await page.keyboard.press('Enter');
  await expect(group.getByText('Evidence: 1 fact cited')).toBeVisible();
  await expect(group.getByRole('listitem').filter({ hasText: title })).toBeVisible();
  const cited = pane.getByRole('button', { name: `Cited for GOVERN 1.1: ${title}` });
  await expect(cited).toHaveAttribute('aria-pressed', 'true');
  await expect(group).toBeInViewport();

  // Working on another assessment turns the cards to it.
  const next = page.getByRole('group', { name: /^GOVERN 1\.2/ });
  await next.getByRole('radio', { name: 'Missing', exact: true }).check();
  await expect(pane.getByRole('button', { name: `Cite for GOVERN 1.2: ${title}` })).toBeVisible();
  await group.getByRole('radio', { name: 'Partial', exact: true }).focus();
  await cited.focus();
  await page.keyboard.press('Enter');
  await expect(group.getByText('Evidence: no facts cited yet')).toBeVisible();
});

test('under 1200 px the scenario comes first and the exercise follows, full width', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openProject(page);
  const pane = await page.getByRole('region', { name: 'Scenario' }).boundingBox();
  const work = await page.getByRole('heading', { name: 'Your analysis', exact: true }).boundingBox();
  expect(pane && work && pane.y + pane.height <= work.y).toBe(true);
  expect(work?.x).toBeLessThan(100);
});

test('on a phone the diagram opens full screen, zooms in and out, and goes back in place when closed', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openProject(page);
  const open = page.getByRole('button', { name: 'Open the diagram full screen' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Data-flow diagram, full screen' });
  const diagram = dialog.getByRole('img', { name: /Data-flow diagram/ });
  await expect(diagram).toBeVisible();
  const fitted = (await diagram.boundingBox())?.width ?? 0;
  expect(fitted).toBeLessThanOrEqual(390);
  await dialog.getByRole('button', { name: 'Zoom in' }).click();
  await dialog.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await diagram.boundingBox())?.width ?? 0).toBeGreaterThan(fitted * 1.5);
  await expect(dialog.getByRole('status')).toHaveText(/^\d+ %$/);
  await page.keyboard.press('-');
  await expect.poll(async () => (await diagram.boundingBox())?.width ?? 0).toBeLessThan(fitted * 1.5);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  // One diagram on the page, back in its figure at its normal size.
  await expect(page.getByRole('img', { name: /Data-flow diagram/ })).toHaveCount(1);
  await expect(page.locator('figure.dfd').getByRole('img', { name: /Data-flow diagram/ })).toBeVisible();
});

test('on a phone, a fact read from an assessment opens the scenario as a sheet at that fact; closing it returns to the same place', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const group = await openAssessment(page, 'GOVERN 1.1');
  await group.getByRole('radio', { name: 'Partial', exact: true }).check();
  await group.getByText(/^Evidence:/).click();
  const read = group.getByRole('link', { name: '(read)' }).first();
  await read.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  // Issue 19 measured a 6,762 px jump up to the dossier; now the page stays and a sheet opens.
  await read.focus();
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Scenario' });
  await expect(sheet).toBeVisible();
  const fact = sheet.locator('.is-target');
  await expect(fact).toBeFocused();
  await expect(fact).toBeInViewport();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(5);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(read).toBeFocused();
  await expect(group).toBeInViewport();
  // The dossier is back in the page, once.
  await expect(page.getByRole('region', { name: 'Scenario' }).locator('.is-target')).toHaveCount(1);

  // Past the scenario, a "Scenario" button opens the whole of it.
  const open = page.getByRole('button', { name: 'Scenario' });
  await expect(open).toBeVisible();
  await open.click();
  await expect(sheet.getByRole('heading', { name: 'Scenario' })).toBeFocused();
  await expect(sheet.getByRole('navigation', { name: 'Scenario sections' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.help}`)).toEqual([]);
  }
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
  await expect(open).toBeFocused();

  // With the scenario itself in view, there is no button to open it.
  await page.getByRole('region', { name: 'Scenario' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect(open).toBeHidden();
});
