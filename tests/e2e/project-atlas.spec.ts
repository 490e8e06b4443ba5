import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import YAML from 'yaml';
import type { RangeScenario } from '../../src/lib/content/schema';
import { topologicalSteps } from '../../src/lib/exercises/atlas/reference';
import { atlasRubricSchema, engagementOf } from '../../src/lib/exercises/atlas/rubric';
import { DEFAULT_CONFIG, runRange } from '../../src/lib/range/run';
import { runRecord } from '../../src/lib/range/record-of';
import { expect, test } from './fixtures';

const PROJECT = 'projects/atlas-fraud-simulation/';
const project = engagementOf(
  atlasRubricSchema.parse(YAML.parse(readFileSync('content/rubrics/atlas-fraud-simulation.yaml', 'utf8'))),
);
if (!project) throw new Error('Project 3 has a full engagement key');
const rubric = project;
const scenario = YAML.parse(readFileSync('content/scenarios/card-fraud-scoring.yaml', 'utf8')) as RangeScenario;
const atlas = YAML.parse(readFileSync('content/catalog/atlas.yaml', 'utf8')) as {
  techniques: Array<{ id: string; name: string; tactics: string[] }>;
  mitigations: Array<{ id: string; name: string }>;
};
const techniqueName = (id: string) => atlas.techniques.find((t) => t.id === id)?.name ?? id;
const firstTactic = (id: string) => atlas.techniques.find((t) => t.id === id)?.tactics[0] ?? '';
const roeName = (id: string) => scenario.roeChoices.find((c) => c.id === id)?.name ?? id;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function open(page: Page) {
  await page.goto(PROJECT);
  // The exercise sits below the scenario and starts when the learner scrolls to it.
  await page.getByRole('heading', { name: 'Your engagement', exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Check my engagement' })).toBeEnabled();
}

async function addTechnique(page: Page, id: string) {
  await page.getByRole('combobox', { name: 'Technique, grouped by tactic' }).selectOption(`${id}|${firstTactic(id)}`);
  await page.getByRole('button', { name: 'Add to chain' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^Step \\d+: ${escape(id)} `) })).toBeVisible();
}

/** Runs the range with one attack and the given defenses (others off); returns the report region. */
async function runAttack(page: Page, attack: string, defenses: string[]) {
  await page.getByRole('radio', { name: new RegExp(`^${escape(attack)}`) }).check();
  const panel = page.getByRole('group', { name: 'Defenses on the replica' });
  for (const box of await panel.getByRole('checkbox').all()) await box.uncheck();
  for (const d of defenses) await panel.getByRole('checkbox', { name: new RegExp(`^${escape(d)}`) }).check();
  const rows = await page
    .getByRole('table', { name: 'Your recorded runs, oldest first' })
    .getByRole('row')
    .count()
    .catch(() => 0);
  await page.getByRole('button', { name: 'Run in the range' }).click();
  const report = page.getByRole('region', { name: /^Run report:/ });
  await expect(report).toBeFocused();
  await expect(page.getByRole('table', { name: 'Your recorded runs, oldest first' }).getByRole('row')).toHaveCount(
    Math.max(rows, 1) + 1,
  );
  return report;
}

/** Imports a submission file over the current work, confirming the replacement. */
async function importWork(page: Page, name: string, json: string) {
  await page
    .getByLabel('Import a JSON file…')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(json) });
  await page
    .getByRole('dialog', { name: /^Replace your/ })
    .getByRole('button', { name: /^Replace my/ })
    .click();
}

async function score(page: Page): Promise<number> {
  const heading = page.getByRole('heading', { name: /^Your score:/ });
  await expect(heading).toBeVisible();
  return Number(/([\d.]+)%/.exec((await heading.textContent()) ?? '')?.[1]);
}

test('learner plans a kill chain, sets rules of engagement, attacks in the range, hardens and reruns, checks at 100%; the work survives reload and exports a Navigator layer', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page);

  // Step 1: the key's chain, with one step added out of order and moved into place with the buttons.
  const steps = topologicalSteps(rubric);
  const [firstStep, ...rest] = steps;
  if (!firstStep) throw new Error('empty key');
  for (const step of rest) await addTechnique(page, step.techniques[0] ?? '');
  await addTechnique(page, firstStep.techniques[0] ?? '');
  for (let i = 0; i < rest.length; i++)
    await page.getByRole('button', { name: `Move ${firstStep.techniques[0]} up` }).click();
  await expect(
    page.getByRole('heading', { name: new RegExp(`^Step 1: ${escape(firstStep.techniques[0] ?? '')} `) }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: `Move ${firstStep.techniques[0]} up` })).toBeDisabled();
  for (const [i, step] of steps.entries()) {
    await page.getByRole('textbox', { name: 'Why this step, in this system' }).nth(i).fill(step.reference);
  }

  // Step 2: every safeguard, no unsafe choice.
  for (const id of Object.keys(rubric.roe.required))
    await page.getByRole('checkbox', { name: new RegExp(`^${escape(roeName(id))}`) }).check();

  // Step 3: undefended evasion and poisoning. The first run starts the range's Web Worker.
  const worker = page.waitForEvent('worker');
  let report = await runAttack(page, 'Automated evasion', []);
  expect((await worker).url()).toMatch(/range\.worker/);
  await expect(report.getByText('The attacker succeeded.')).toBeVisible();
  await expect(report.getByRole('figure').filter({ hasText: 'Attack trajectory' })).toBeVisible();
  // The metrics chart labels its bars with their values (six: three metrics, before and after).
  await expect(
    report
      .getByRole('figure')
      .filter({ hasText: 'Model before and after' })
      .getByText(/^[01]\.\d\d$/),
  ).toHaveCount(6);
  report = await runAttack(page, 'Poisoning with a backdoor', []);
  await expect(report.getByText('The attacker succeeded.')).toBeVisible();
  // The runs table shows the figure each attack moves: for the backdoor, triggered fraud let
  // through (recall hardly moves, which is the point); for evasion, what the attacker made.
  const runs = page.getByRole('table', { name: 'Your recorded runs, oldest first' });
  const backdoorShare = /Fraud with the trigger approved: (\d+)% → (\d+)%/.exec(
    (await runs.getByRole('row').last().textContent()) ?? '',
  );
  expect(Number(backdoorShare?.[2])).toBeGreaterThan(Number(backdoorShare?.[1]) + 50);
  await expect(runs.getByRole('row').nth(1)).toContainText(/Attacker’s net gain: €[\d,]+/);
  // Every chart has a data table as its text equivalent.
  await report.getByText('Data for “Score histogram”').click();
  await expect(report.getByRole('table').filter({ hasText: 'Score band' })).toBeVisible();

  // Step 4: defenses on, the same attacks fail and are seen.
  report = await runAttack(page, 'Automated evasion', ['Adversarial input detection', 'Telemetry logging']);
  await expect(report.getByText('The attacker did not succeed.')).toBeVisible();
  await expect(report.getByText(/seen by an analyst/).first()).toBeVisible();
  report = await runAttack(page, 'Poisoning with a backdoor', ['Sanitize training data']);
  await expect(report.getByText('The attacker did not succeed.')).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  for (const d of rubric.defenses.reference) {
    await page.getByRole('combobox', { name: 'ATLAS mitigation' }).selectOption(d.mitigation);
    await page.getByRole('button', { name: 'Add mitigation' }).click();
    const group = page.getByRole('group', { name: new RegExp(`^${escape(d.mitigation)} `) });
    for (const t of d.counters) {
      // The chain names the parent technique where the key's reference counters a sub-technique.
      const inChain = steps.some((s) => s.techniques[0] === t)
        ? t
        : (steps.find((s) => s.techniques.includes(t))?.techniques[0] ?? t);
      await group.getByRole('checkbox', { name: `${inChain} ${techniqueName(inChain)}` }).check();
    }
  }
  await page.getByRole('textbox', { name: 'Hardening plan' }).fill(rubric.hardening.reference);

  await page.getByRole('button', { name: 'Check my engagement' }).click();
  expect(await score(page)).toBe(100);
  const feedback = page.getByRole('region', { name: /^Your score:/ });
  await expect(
    feedback.getByText('Your order respects every dependency between the steps.', { exact: false }),
  ).toBeVisible();

  // Reload keeps everything.
  await page.reload();
  await page.getByRole('heading', { name: 'Your engagement', exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Check my engagement' })).toBeEnabled();
  await expect(page.getByRole('heading', { name: /^Step \d+: AML\./ })).toHaveCount(steps.length);
  await expect(page.getByRole('table', { name: 'Your recorded runs, oldest first' }).getByRole('row')).toHaveCount(5);
  await expect(page.getByRole('textbox', { name: 'Hardening plan' })).toHaveValue(rubric.hardening.reference);
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${escape(roeName('kill-switch'))}`) })).toBeChecked();
  // A recorded run shows its report again (same seed, same result) without being recorded twice.
  await page.getByRole('button', { name: 'Show the report of run 1' }).click();
  const replayed = page.getByRole('region', { name: /^Run report: Automated evasion, no defenses/ });
  await expect(replayed).toBeFocused();
  await expect(replayed.getByText('The attacker succeeded.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Your recorded runs, oldest first' }).getByRole('row')).toHaveCount(5);

  // Downloads: the Navigator layer and the JSON the command-line grader scores the same.
  const downloaded = async (label: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: label }).click(),
    ]);
    return { name: download.suggestedFilename(), text: readFileSync((await download.path()) ?? '', 'utf8') };
  };
  const layer = await downloaded('Download ATLAS Navigator layer');
  expect(layer.name).toMatch(/^atlas-fraud-simulation-\d{4}-\d{2}-\d{2}\.navigator-layer\.json$/);
  const parsed = JSON.parse(layer.text) as {
    domain: string;
    versions: { layer: string };
    techniques: Array<{ techniqueID: string; tactic: string; comment: string }>;
    legendItems: unknown[];
  };
  expect(parsed.domain).toBe('atlas-atlas');
  expect(parsed.versions.layer).toMatch(/^4\./);
  expect(parsed.techniques.map((t) => t.techniqueID)).toEqual(steps.map((s) => s.techniques[0]));
  expect(parsed.techniques[0]?.comment).toContain('Step 1 of the kill chain.');
  expect(parsed.legendItems.length).toBeGreaterThan(0);
  const md = await downloaded('Download after-action report (Markdown)');
  expect(md.text).toContain('## Range runs');
  const json = await downloaded('Download JSON');
  const jsonPath = test.info().outputPath('engagement.json');
  writeFileSync(jsonPath, json.text);
  const cli = JSON.parse(
    execFileSync('npx', ['tsx', 'scripts/grade.ts', '--json', jsonPath], { encoding: 'utf8' }),
  ) as Array<{ score: number }>;
  expect(cli[0]?.score).toBe(1);
  const cliLayer = JSON.parse(
    execFileSync('npx', ['tsx', 'scripts/export.ts', '--to', 'navigator', jsonPath], { encoding: 'utf8' }),
  ) as { techniques: unknown[] };
  expect(cliLayer.techniques).toEqual(parsed.techniques);
});

test('the chain editor explains duplicates, removes with undo, and a manual evasion needs a purchase list', async ({
  page,
}) => {
  await open(page);
  await addTechnique(page, 'AML.T0040');
  await page
    .getByRole('combobox', { name: 'Technique, grouped by tactic' })
    .selectOption(`AML.T0040|${firstTactic('AML.T0040')}`);
  await page.getByRole('button', { name: 'Add to chain' }).click();
  await expect(page.getByRole('alert')).toContainText('AML.T0040 is already in your chain');

  await page.getByRole('searchbox', { name: 'Filter techniques by ID or name' }).fill('backdoor');
  await expect(
    page
      .getByRole('combobox', { name: 'Technique, grouped by tactic' })
      .getByRole('option', { name: /AML\.T0043\.004 Insert Backdoor Trigger/ }),
  ).toHaveCount(1);

  await page.getByRole('button', { name: 'Remove AML.T0040' }).click();
  await expect(page.getByText('Your chain is empty.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: /^Step 1: AML\.T0040 / })).toBeVisible();

  await page.getByRole('radio', { name: /^Manual evasion/ }).check();
  await page.getByRole('button', { name: 'Run in the range' }).click();
  await expect(page.getByRole('alert')).toContainText('Add at least one purchase');
  // A purchase that cannot pay off is flagged before it is sent.
  await page.getByRole('spinbutton', { name: 'Amount (€)' }).fill('300');
  await expect(page.getByText(/the fraud needs €400 to pay off/)).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Amount (€)' }).fill('1800');
  await page.getByRole('checkbox', { name: /^Residential proxy/ }).check();
  await page.getByRole('button', { name: 'Add this purchase to the list' }).click();
  await page.getByRole('button', { name: 'Run in the range' }).click();
  const report = page.getByRole('region', { name: /^Run report: Manual evasion/ });
  await expect(report).toBeFocused();
  await expect(report.getByText(/Scoring calls by the attacker/)).toBeVisible();
});

test('text typed into the engagement is shown as text, never run as HTML', async ({ page }) => {
  await open(page);
  await addTechnique(page, 'AML.T0040');
  const hostile = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
  await page.getByRole('textbox', { name: 'Why this step, in this system' }).fill(hostile);
  await page.getByRole('textbox', { name: 'Hardening plan' }).fill(hostile);
  await page.getByRole('button', { name: 'Check my engagement' }).click();
  await expect(page.getByRole('heading', { name: /^Your score:/ })).toBeVisible();
  await expect(page.locator('.exercise img')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
});

test('the page loads no part of the answer key before the learner checks: no key, no reference runs', async ({
  page,
}) => {
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  await open(page);
  await expect(page.getByRole('button', { name: 'Add to chain' })).toBeVisible();
  // Nothing of the key: the rubric, the reference runs' module, the grader.
  expect(loaded.filter((p) => /rubric\.json$|\/records\.[\w-]+\.js$|\/atlas\.[\w-]+\.js$/.test(p))).toEqual([]);
  await page.getByRole('button', { name: 'Check my engagement' }).click();
  await expect(page.getByRole('heading', { name: /^Your score:/ })).toBeVisible();
  expect(loaded.some((p) => p.endsWith('rubric.json'))).toBe(true);
  expect(loaded.filter((p) => /\/records\.[\w-]+\.js$/.test(p))).toEqual([]);
});

test('the check replays recorded runs in the range: a run whose figures were typed in earns nothing, and says which differ', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const real = runRecord(runRange(DEFAULT_CONFIG), new Date('2026-12-06T10:00:00Z'));
  const typed = { ...real, defenses: ['AML.M0015'], achieved: false, aucAfter: 0.99, timeToDetect: 1 };
  const file = JSON.stringify({
    format: 'aitm.submission',
    version: 1,
    exercise: 'atlas-fraud-simulation',
    submittedAt: '2026-12-06T10:00:00.000Z',
    answers: { chain: [], roe: [], runs: [real, typed], defenses: [], hardening: '' },
  });
  await open(page);
  await importWork(page, 'runs.json', file);
  await expect(page.getByRole('table', { name: 'Your recorded runs, oldest first' }).getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Check my engagement' }).click();
  const feedback = page.getByRole('region', { name: /^Your score:/ });
  await expect(
    feedback.getByText(/Run 2 \(evasion-auto, seed \d+\) does not reproduce: .*aucAfter: 0\.99 ->/),
  ).toBeVisible();
  await expect(feedback.getByText(/1 run the range reproduces, none with defenses yet/)).toBeVisible();
  // Each run carries the check's verdict in the table, until the runs change.
  const table = page.getByRole('table', { name: 'Your recorded runs, oldest first' });
  await expect(table.getByRole('columnheader', { name: 'Last check' })).toBeVisible();
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(8)).toHaveText('Correct');
  await expect(table.getByRole('row').nth(2).getByRole('cell').nth(8)).toHaveText('Wrong');
});

test('work saved before ATLAS 2026.07 that cites a removed ID still loads and grades, and one click cites the successor (with undo)', async ({
  page,
}) => {
  const file = JSON.stringify({
    format: 'aitm.submission',
    version: 1,
    exercise: 'atlas-fraud-simulation',
    submittedAt: '2026-06-01T10:00:00.000Z',
    answers: {
      chain: [
        { technique: 'AML.T0040', rationale: 'Ordinary merchant access to the scoring API.' },
        { technique: 'AML.T0058', rationale: 'A tampered model published for the processor to pull.' },
      ],
      roe: [],
      runs: [],
      defenses: [{ mitigation: 'AML.M0014', counters: ['AML.T0058'] }],
      hardening: '',
    },
  });
  await open(page);
  await importWork(page, 'june.json', file);
  const step = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Step 2: AML\.T0058 / }) });
  await expect(step.getByRole('heading', { name: 'Step 2: AML.T0058 Publish Poisoned Models' })).toBeVisible();
  await expect(step.getByRole('note')).toHaveText(
    /AML\.T0058 was removed in ATLAS 2026\.07\. Checking reads it as AML\.T0115\.001 Publish Poisoned AI Artifacts: Models; update the step to cite it\./,
  );

  await page.getByRole('button', { name: 'Check my engagement' }).click();
  const feedback = page.getByRole('region', { name: /^Your score:/ });
  await expect(
    feedback.getByText(
      /AML\.T0058 Publish Poisoned Models was removed in ATLAS 2026\.07; it was read as its successor, AML\.T0115\.001/,
    ),
  ).toBeVisible();

  await step.getByRole('button', { name: 'Cite AML.T0115.001 instead' }).click();
  await expect(page.getByRole('heading', { name: 'Step 2: AML.T0115.001 Models' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'AML.T0058 now reads AML.T0115.001' })).toBeVisible();
  // The mitigation's counter follows the step.
  await expect(page.getByRole('checkbox', { name: /^AML\.T0115\.001 Models/ })).toBeChecked();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'Step 2: AML.T0058 Publish Poisoned Models' })).toBeVisible();
  await step.getByRole('button', { name: 'Cite AML.T0115.001 instead' }).click();
  await page.reload();
  await page.getByRole('heading', { name: 'Your engagement', exact: true }).scrollIntoViewIfNeeded();
  const updated = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Step 2: AML.T0115.001 Models' }) });
  await expect(updated).toBeVisible();
  await expect(updated.getByRole('note')).toHaveCount(0);
});
