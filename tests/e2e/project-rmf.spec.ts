import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import YAML from 'yaml';
import type { DossierScenario } from '../../src/lib/content/schema';
import { rmfRubricSchema } from '../../src/lib/exercises/rmf/rubric';
import { RMF_STATUS_LABELS, RMF_STATUSES } from '../../src/lib/exercises/rmf/answers';
import { expect, test } from './fixtures';

const PROJECT = 'projects/rmf-chatbot-gap/';
const rubric = rmfRubricSchema.parse(YAML.parse(readFileSync('content/rubrics/rmf-chatbot-gap.yaml', 'utf8')));
const scenario = YAML.parse(readFileSync('content/scenarios/retail-support-chatbot.yaml', 'utf8')) as DossierScenario;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const factTitle = (id: string) => scenario.dossier.find((f) => f.id === id)?.title ?? id;

/** The fieldset of one subcategory, named by its legend. */
const assessmentOf = (page: Page, id: string) => page.getByRole('group', { name: new RegExp(`^${escape(id)} `) });

async function open(page: Page) {
  await page.goto(PROJECT);
  // The exercise sits below the dossier and starts when the learner scrolls to it.
  await page.getByRole('heading', { name: 'Your gap analysis' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Check my analysis' })).toBeEnabled();
}

async function score(page: Page): Promise<number> {
  const heading = page.getByRole('heading', { name: /^Your score:/ });
  await expect(heading).toBeVisible();
  return Number(/([\d.]+)%/.exec((await heading.textContent()) ?? '')?.[1]);
}

test('learner maps, assesses with evidence, ranks, reports, checks, fixes a status, and the score rises; the work survives reload, prints, exports and imports', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page);

  // Step 1: the contexts that matter.
  for (const id of rubric.contexts.relevant) {
    const name = scenario.contexts.find((c) => c.id === id)?.name ?? id;
    await page.getByRole('checkbox', { name: new RegExp(`^${escape(name)}`) }).check();
  }

  // Step 2: every subcategory, with the key's evidence; one status deliberately wrong.
  const wrongOne = rubric.assessments[0];
  if (!wrongOne) throw new Error('empty key');
  const wrongStatus = RMF_STATUSES.find(
    (s) => s !== wrongOne.status && !wrongOne.alternatives.some((a) => a.status === s),
  );
  if (!wrongStatus) throw new Error('no wrong status left');
  for (const key of rubric.assessments) {
    const group = assessmentOf(page, key.subcategory);
    await group
      .getByRole('radio', { name: RMF_STATUS_LABELS[key === wrongOne ? wrongStatus : key.status], exact: true })
      .check();
    await group.getByText(/^Evidence:/).click();
    for (const fact of key.evidence)
      await group.getByRole('checkbox', { name: new RegExp(`^${escape(factTitle(fact))}`) }).check();
    await group.getByText(/^Evidence:/).click();
  }
  await expect(page.getByText(`${rubric.assessments.length} of ${rubric.assessments.length} assessed.`)).toBeVisible();

  // Step 3: the top three, in order.
  for (const [i, p] of rubric.priorities.top.entries()) {
    await page.getByRole('button', { name: `Add a priority (${i} of 3)` }).click();
    const slot = page.getByRole('group', { name: new RegExp(`^${['First', 'Second', 'Third'][i]} priority`) });
    await slot.getByLabel('Gap (subcategory)').selectOption(p.subcategory);
    await slot.getByLabel('What is missing, and what it could cost').fill(p.reference.gap);
    await slot.getByLabel('Mitigation').fill(p.reference.mitigation);
    await slot.getByLabel('Owner (a role)').fill(p.reference.owner);
    await slot.getByLabel('Due date').fill(`2027-0${i + 1}-15`);
  }

  // Step 4: the summary.
  await page.getByRole('textbox', { name: 'Executive summary' }).fill(rubric.report.reference);

  await page.getByRole('button', { name: 'Check my analysis' }).click();
  const first = await score(page);
  expect(first).toBeLessThan(100);
  const report = page.getByRole('region', { name: /^Your score:/ });
  await expect(
    report
      .getByRole('listitem')
      .filter({ hasText: `${wrongOne.subcategory}` })
      // The first hint says why, by what the given status means, without the key's answer.
      .filter({ hasText: /means the outcome is|means nothing works|means some part|needs something/ }),
  ).toBeVisible();
  await expect(report.getByText('3 of 3 match the key’s top three; order agrees.')).toBeVisible();
  await expect(report.getByRole('link', { name: /^Lesson: / }).first()).toBeVisible();

  // The verdict also sits on the assessment it is about, and says when the work has moved on.
  // The bar at the foot of step 2 takes the learner to it, its notes unfolded and focused.
  const wrongGroup = assessmentOf(page, wrongOne.subcategory);
  const bar = page.getByRole('group', { name: 'Feedback from your last check' });
  await expect(bar).toContainText(/Last check: 1 of \d+ assessments flagged/);
  await bar.getByRole('button', { name: `Go to ${wrongOne.subcategory} (Wrong)` }).click();
  await expect(wrongGroup.getByText('What your last check said')).toBeFocused();
  await expect(wrongGroup).toBeInViewport();
  await expect(
    wrongGroup
      .getByRole('listitem')
      .filter({ hasText: /means the outcome is|means nothing works|means some part|needs something/ }),
  ).toBeVisible();
  await expect(wrongGroup.locator('legend')).toContainText('Wrong');

  // Fix the one status; the score rises.
  await wrongGroup.getByRole('radio', { name: RMF_STATUS_LABELS[wrongOne.status], exact: true }).check();
  await expect(wrongGroup.locator('legend')).toContainText('Last check: Wrong');
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  await expect.poll(() => score(page)).toBeGreaterThan(first);
  expect(await score(page)).toBe(100);
  await expect(bar).toContainText('Last check: nothing to fix');

  // Reload keeps everything.
  await page.reload();
  await page.getByRole('heading', { name: 'Your gap analysis' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Check my analysis' })).toBeEnabled();
  await expect(
    assessmentOf(page, wrongOne.subcategory).getByRole('radio', {
      name: RMF_STATUS_LABELS[wrongOne.status],
      exact: true,
    }),
  ).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Executive summary' })).toHaveValue(rubric.report.reference);
  // The feedback came back with the work, without a new attempt.
  await expect(page.getByRole('heading', { name: /^Your score: 100\.0% \(attempt 2\)/ })).toBeVisible();
  await expect(assessmentOf(page, wrongOne.subcategory).locator('legend')).toContainText('Correct');
  await expect(page.getByRole('group', { name: /^Third priority/ }).getByLabel('Owner (a role)')).toHaveValue(
    rubric.priorities.top[2]?.reference.owner ?? '',
  );

  // The printable stakeholder report.
  await page.getByRole('button', { name: 'Preview the stakeholder report' }).click();
  const printable = page.getByRole('region', { name: /^AI RMF gap analysis:/ });
  await expect(printable).toBeFocused();
  await expect(printable.getByRole('listitem').first()).toContainText(rubric.priorities.top[0]?.subcategory ?? '');
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  await expect(printable.getByRole('heading', { name: /^AI RMF gap analysis:/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^The dossier/ })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // Downloads: the risk register, the report, and the JSON that restores the work.
  const downloaded = async (label: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: label }).click(),
    ]);
    return { name: download.suggestedFilename(), text: readFileSync((await download.path()) ?? '', 'utf8') };
  };
  const csv = await downloaded('Download risk register (CSV)');
  expect(csv.name).toMatch(/^rmf-chatbot-gap-\d{4}-\d{2}-\d{2}\.risk-register\.csv$/);
  expect(csv.text.split('\r\n')[1]).toMatch(new RegExp(`^1,${escape(rubric.priorities.top[0]?.subcategory ?? '')},`));
  const md = await downloaded('Download report (Markdown)');
  expect(md.text).toContain('## Top three gaps');
  const json = await downloaded('Download JSON');
  const jsonPath = test.info().outputPath('analysis.json');
  writeFileSync(jsonPath, json.text);
  // The command-line grader agrees with the browser.
  const cli = JSON.parse(
    execFileSync('npx', ['tsx', 'scripts/grade.ts', '--json', jsonPath], { encoding: 'utf8' }),
  ) as Array<{ score: number }>;
  expect(cli[0]?.score).toBe(1);

  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('dialog', { name: 'Start over?' }).getByRole('button', { name: 'Clear my analysis' }).click();
  await expect(page.getByRole('textbox', { name: 'Executive summary' })).toHaveValue('');
  await page.getByLabel('Import a JSON file…').setInputFiles(jsonPath);
  await page
    .getByRole('dialog', { name: 'Replace your analysis?' })
    .getByRole('button', { name: 'Replace my analysis' })
    .click();
  await expect(page.getByRole('textbox', { name: 'Executive summary' })).toHaveValue(rubric.report.reference);
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  await expect.poll(() => score(page)).toBe(100);
});

test('an unknown subcategory gets the catalog’s explanation, and a real one can be added and removed with undo', async ({
  page,
}) => {
  await open(page);
  const field = page.getByRole('combobox', { name: 'Assess another subcategory (optional)' });
  await field.fill(['MEASURE', '2.14'].join(' '));
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('does not exist; MEASURE 2 has 2.1–2.13.');
  await field.fill('govern 4.1');
  await field.press('Enter');
  const added = assessmentOf(page, 'GOVERN 4.1');
  await expect(added.getByRole('radio', { name: 'Missing', exact: true })).toBeChecked();
  await added.getByRole('button', { name: 'Remove GOVERN 4.1' }).click();
  await expect(added).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(assessmentOf(page, 'GOVERN 4.1')).toBeVisible();
});

test('text typed into the analysis is shown as text, never run as HTML', async ({ page }) => {
  await open(page);
  const hostile = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
  await page.getByRole('textbox', { name: 'Executive summary' }).fill(hostile);
  await page.getByRole('button', { name: 'Preview the stakeholder report' }).click();
  const printable = page.getByRole('region', { name: /^AI RMF gap analysis:/ });
  await expect(printable.getByText(hostile)).toBeVisible();
  await expect(printable.locator('img')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
});
