import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import YAML from 'yaml';
import type { DossierScenario } from '../../src/lib/content/schema';
import { RMF_STATUS_LABELS, RMF_STATUSES } from '../../src/lib/exercises/rmf/answers';
import { rmfRubricSchema } from '../../src/lib/exercises/rmf/rubric';
import { expect, test } from './fixtures';
import { fillRow, row, toExercise, type RowInput } from './stride-helpers';

/** Two rows for the forklift lab: one that matches a key threat, one filed under the wrong category. */
const LAB_ROWS: RowInput[] = [
  {
    component: 'Forklift camera unit',
    category: 'I: Information disclosure',
    threat: 'A visitor opens a camera unit and copies the unencrypted detector model file from its microSD card',
    impact: 'The vendor model is stolen and studied offline to craft evasions',
    likelihood: '2 Medium',
    severity: '2 Medium',
    mitigation: 'Encrypt the model file at rest with a device-bound key and use tamper-evident enclosures',
  },
  {
    component: 'Model update service',
    category: 'I: Information disclosure',
    threat: 'Whoever can write to the update bucket replaces the unsigned model file that every unit installs',
    impact: 'Every forklift runs a model that no longer sees people',
    likelihood: '2 Medium',
    severity: '3 High',
    mitigation: 'Sign model files and have units verify the signature before installing',
  },
];

async function checkScore(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  const heading = page.getByRole('heading', { name: /^Your score: [\d.]+%/ });
  await expect(heading).toBeVisible();
  return Number(/([\d.]+)%/.exec((await heading.textContent()) ?? '')?.[1]);
}

test('learner filters the lab list, does a lab (decompose, two threats, check, fix, reload, export) and sees it in progress on the list', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('labs/');
  const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  const total = await cards.count();
  expect(total).toBeGreaterThanOrEqual(5);
  const card = (name: string) => cards.filter({ has: page.getByRole('link', { name }) });
  await expect(card('Safety cameras on warehouse forklifts')).toContainText('Not started');

  // Filters: by level, then by architecture on top of it; "All" brings every lab back.
  await page.getByRole('group', { name: 'Level' }).getByText('Advanced', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Advanced' })).toBeChecked();
  for (const c of await cards.all()) {
    if (await c.isVisible()) await expect(c).toContainText('Advanced ·');
  }
  await expect(card('Safety cameras on warehouse forklifts')).toBeHidden();
  await page.getByRole('group', { name: 'Level' }).getByText('Beginner', { exact: true }).click();
  await page.getByRole('group', { name: 'Architecture' }).getByText('Edge vision model', { exact: true }).click();
  await expect(card('Safety cameras on warehouse forklifts')).toBeVisible();
  await expect(card('STRIDE on a support-ticket router')).toBeHidden();
  // The filters are radio buttons: the keyboard moves between them.
  await page.getByRole('radio', { name: 'Edge vision model' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Edge vision model' })).not.toBeChecked();
  await page.getByRole('group', { name: 'Architecture' }).getByText('All architectures', { exact: true }).click();
  await page.getByRole('group', { name: 'Level' }).getByText('All levels', { exact: true }).click();
  for (const c of await cards.all()) await expect(c).toBeVisible();

  await card('Safety cameras on warehouse forklifts').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lab: Safety cameras on warehouse forklifts');
  await expect(page.getByRole('note')).toContainText('Synthetic scenario');
  await expect(page.getByText(/Prepared by:/)).toBeVisible();
  await expect(page.getByRole('img', { name: /Data-flow diagram/ })).toBeVisible();
  await toExercise(page);

  for (const name of [
    'Forklift camera unit',
    'Model update service',
    'Clip ingest endpoint',
    'Warehouse management system',
  ])
    await page.getByRole('checkbox', { name: new RegExp(`^${name} [A-Z]`) }).check();
  for (const [i, input] of LAB_ROWS.entries()) {
    await page.getByRole('button', { name: 'Add a threat' }).click();
    await fillRow(page, i + 1, input);
  }

  const first = await checkScore(page);
  const feedback = page.getByRole('region', { name: /^Your score/ });
  await expect(feedback.getByRole('listitem').filter({ hasText: /Threat 1/ })).toContainText('Correct');
  await expect(feedback.getByRole('listitem').filter({ hasText: /Threat 2/ })).toContainText(
    'The key files this under T (Tampering), not I',
  );
  await expect(
    feedback.getByText(/Warehouse management system is not part of this system|not part of this system/).first(),
  ).toBeVisible();
  await expect(feedback.getByRole('heading', { name: /^Hints for threats you missed/ })).toBeVisible();

  await feedback.getByRole('button', { name: 'Threat 2' }).click();
  await row(page, 2).getByLabel('STRIDE category').selectOption({ label: 'T: Tampering' });
  const second = await checkScore(page);
  expect(second).toBeGreaterThan(first);

  // The work and the last check come back after a reload.
  await page.reload();
  await toExercise(page);
  await expect(row(page, 2).getByRole('button', { name: /^Threat 2\b/ })).toContainText(LAB_ROWS[1]?.threat ?? '');
  await expect(feedback.getByRole('heading', { name: /\(attempt 2\)/ })).toContainText(`${second.toFixed(1)}%`);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^forklift-safety-camera-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    exercise: string;
    answers: { rows: Array<{ category: string }> };
  };
  expect(saved.exercise).toBe('forklift-safety-camera');
  expect(saved.answers.rows.map((r) => r.category)).toEqual(['I', 'T']);

  // Back on the list, the lab shows its status and best score.
  await page.goto('labs/');
  await expect(card('Safety cameras on warehouse forklifts')).toContainText(
    `In progress · best ${Math.round(second)}%`,
  );
});

test('a lab sits on the Learn path after the lesson that prepares it, on the Progress page, and in search', async ({
  page,
}) => {
  await page.goto('learn/');
  const steps = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  const titles = (await steps.getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.trim());
  const texts = await steps.allTextContents();
  const lesson = titles.indexOf('Anatomy of an AI system: the parts to draw and where attacks land');
  const lab = titles.indexOf('Safety cameras on warehouse forklifts');
  expect(lesson).toBeGreaterThanOrEqual(0);
  expect(lab).toBeGreaterThan(lesson);
  // Nothing but labs and projects between the lesson and its lab: no other lesson.
  expect(texts.slice(lesson + 1, lab).filter((t) => t.includes('Lesson · about'))).toEqual([]);
  await expect(steps.nth(lab)).toContainText('Edge vision model');

  await page.goto('progress/');
  await expect(page.getByRole('heading', { name: 'Labs' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Lab: Safety cameras on warehouse forklifts' })).toBeVisible();

  await page.goto('search/?q=forklift');
  const labs = page.getByRole('region', { name: 'Labs' });
  await expect(labs.getByRole('link', { name: /Safety cameras on warehouse forklifts/ })).toBeVisible();
});

test('an instructor runs a lab in a room: the room page offers it, and the link opens the lab with the room and its time boxes', async ({
  page,
}) => {
  await page.goto('workshops/room/');
  await page.getByLabel('Room code (2 to 40 letters, digits or dashes)').fill('lab-room');
  await page.getByLabel('Project or lab').selectOption({ label: 'STRIDE on a support-ticket router' });
  await page.getByRole('spinbutton', { name: 'Analyze' }).fill('15');
  const link = await page.getByLabel('Link for learners').inputValue();
  expect(link).toContain('/labs/support-ticket-router/?room=lab-room');
  await page.goto(link);
  const notice = page.getByRole('region', { name: 'Workshop room' });
  await expect(notice).toContainText('You are working in workshop room lab-room.');
  await expect(notice).toContainText('Time boxes for 1 step');
  await page.goto('workshops/worksheets/support-ticket-router/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lab: STRIDE on a support-ticket router');
  await expect(page.getByRole('heading', { name: 'The facts that matter' })).toBeVisible();
});

test('a lab of the AI RMF kind: the learner maps, assesses two outcomes, checks, fixes one, reloads and exports', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const rubric = rmfRubricSchema.parse(
    YAML.parse(readFileSync('content/rubrics/credit-scoring-fairness.yaml', 'utf8')),
  );
  const scenario = YAML.parse(readFileSync('content/scenarios/credit-scoring-dossier.yaml', 'utf8')) as DossierScenario;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const assessmentOf = (id: string) => page.getByRole('group', { name: new RegExp(`^${escape(id)} `) });
  const factTitle = (id: string) => scenario.dossier.find((f) => f.id === id)?.title ?? id;

  await page.goto('labs/');
  await page.getByRole('group', { name: 'Architecture' }).getByText('Credit scoring', { exact: true }).click();
  await page.getByRole('link', { name: 'Fairness gaps in a consumer credit model' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lab: Fairness gaps in a consumer credit model');
  await page.getByRole('heading', { name: 'Your gap analysis' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Check my analysis' })).toBeEnabled();

  for (const id of rubric.contexts.relevant) {
    const name = scenario.contexts.find((c) => c.id === id)?.name ?? id;
    await page.getByRole('checkbox', { name: new RegExp(`^${escape(name)}`) }).check();
  }
  // One outcome as the key rates it, with its evidence; one with a status the key does not accept.
  const [right, wrong] = rubric.assessments;
  if (!right || !wrong) throw new Error('a lab key assesses at least six outcomes');
  const wrongStatus = RMF_STATUSES.find((s) => s !== wrong.status && !wrong.alternatives.some((a) => a.status === s));
  if (!wrongStatus) throw new Error('no wrong status left');
  for (const [key, status] of [
    [right, right.status],
    [wrong, wrongStatus],
  ] as const) {
    const group = assessmentOf(key.subcategory);
    await group.getByRole('radio', { name: RMF_STATUS_LABELS[status], exact: true }).check();
    await group.getByText(/^Evidence:/).click();
    for (const fact of key.evidence)
      await group.getByRole('checkbox', { name: new RegExp(`^${escape(factTitle(fact))}`) }).check();
    await group.getByText(/^Evidence:/).click();
  }

  await page.getByRole('button', { name: 'Check my analysis' }).click();
  const heading = page.getByRole('heading', { name: /^Your score:/ });
  await expect(heading).toBeVisible();
  const first = Number(/([\d.]+)%/.exec((await heading.textContent()) ?? '')?.[1]);
  await expect(assessmentOf(right.subcategory).locator('legend')).toContainText('Correct');
  await expect(assessmentOf(wrong.subcategory).locator('legend')).toContainText('Wrong');

  await assessmentOf(wrong.subcategory)
    .getByRole('radio', { name: RMF_STATUS_LABELS[wrong.status], exact: true })
    .check();
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  await expect
    .poll(async () => Number(/([\d.]+)%/.exec((await heading.textContent()) ?? '')?.[1]))
    .toBeGreaterThan(first);

  await page.reload();
  await page.getByRole('heading', { name: 'Your gap analysis' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Check my analysis' })).toBeEnabled();
  await expect(
    assessmentOf(wrong.subcategory).getByRole('radio', { name: RMF_STATUS_LABELS[wrong.status], exact: true }),
  ).toBeChecked();
  await expect(page.getByRole('heading', { name: /^Your score: [\d.]+% \(attempt 2\)/ })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^credit-scoring-fairness-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as { exercise: string };
  expect(saved.exercise).toBe('credit-scoring-fairness');
});

const ATLAS = YAML.parse(readFileSync('content/catalog/atlas.yaml', 'utf8')) as {
  techniques: Array<{ id: string; tactics: string[] }>;
};
const firstTactic = (id: string) => ATLAS.techniques.find((t) => t.id === id)?.tactics[0] ?? '';

/** Adds a technique to an incident lab's chain, with the evidence for it. */
async function addStep(page: Page, id: string, evidence: string) {
  await page.getByRole('combobox', { name: 'Technique, grouped by tactic' }).selectOption(`${id}|${firstTactic(id)}`);
  await page.getByRole('button', { name: 'Add to chain' }).click();
  const step = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: new RegExp(`: ${id.replace(/\./g, '\\.')} `) }) });
  await step.getByLabel('What in the write-up shows it').fill(evidence);
}

test('a lab of the ATLAS kind: the learner reads an incident write-up, tags it in order, checks, fixes, reloads and exports', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('labs/');
  await page.getByRole('group', { name: 'Architecture' }).getByText('Web-browsing agent', { exact: true }).click();
  const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  const card = cards.filter({
    has: page.getByRole('link', { name: 'A procurement agent turned by a supplier’s website' }),
  });
  await expect(card).toBeVisible();
  await expect(card).toContainText('ATLAS attack chain');
  await card.getByRole('link').first().click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Lab: A procurement agent turned by a supplier’s website',
  );
  await expect(page.getByRole('heading', { name: 'The incident write-up' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Timeline, as the responders reconstructed it' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How the check works' })).toBeVisible();
  await page.getByRole('heading', { name: 'Your analysis', exact: true }).scrollIntoViewIfNeeded();
  const check = page.getByRole('button', { name: 'Check my analysis' });
  await expect(check).toBeEnabled();
  // No range on this page: the engagement's steps are not offered.
  await expect(page.getByRole('heading', { name: /Rules of engagement|Execute red-team attacks/ })).toHaveCount(0);

  await addStep(
    page,
    'AML.T0078',
    'The routine screening after the 6 November profile update opened the landing page.',
  );
  await addStep(page, 'AML.T0012', 'The 30 October failed logins on the supplier portal.');
  await addStep(
    page,
    'AML.T0051.001',
    'The model followed the hidden footer block on the page as if it were policy P-7.',
  );
  await check.click();
  const score = page.getByRole('heading', { name: /^Your score: [\d.]+%/ });
  await expect(score).toBeVisible();
  const first = Number(/([\d.]+)%/.exec((await score.textContent()) ?? '')?.[1]);
  const feedback = page.getByRole('region', { name: /^Your score/ });
  await expect(feedback).toContainText('credential-stuffing');
  await expect(feedback).toContainText('AML.T0051.001 LLM Prompt Injection: Indirect');

  // Fix: drop the red herring (undo is offered), add how the data left.
  await page.getByRole('button', { name: 'Remove AML.T0012' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await addStep(
    page,
    'AML.T0086',
    'The browser submitted the lookup results in the /verify form, a 23.4 KB POST in the proxy log.',
  );
  await check.click();
  await expect(feedback.getByRole('heading', { name: /\(attempt 2\)/ })).toBeVisible();
  const second = Number(/([\d.]+)%/.exec((await score.textContent()) ?? '')?.[1]);
  expect(second).toBeGreaterThan(first);

  await page.reload();
  await page.getByRole('heading', { name: 'Your analysis', exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: /^Step 3: AML\.T0086 / })).toBeVisible();
  await expect(page.getByLabel('What in the write-up shows it').first()).toHaveValue(/6 November profile update/);
  await expect(feedback.getByRole('heading', { name: /\(attempt 2\)/ })).toContainText(`${second.toFixed(1)}%`);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/^browsing-agent-incident-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
    exercise: string;
    answers: { chain: Array<{ technique: string }>; runs: unknown[] };
  };
  expect(saved.exercise).toBe('browsing-agent-incident');
  expect(saved.answers.chain.map((c) => c.technique)).toEqual(['AML.T0078', 'AML.T0051.001', 'AML.T0086']);
  const [md] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download incident analysis (Markdown)' }).click(),
  ]);
  const report = readFileSync(await md.path(), 'utf8');
  expect(report).toMatch(/^# Incident analysis: /);
  expect(report).not.toContain('## Rules of engagement');

  await page.goto('labs/');
  await expect(card).toContainText(`In progress · best ${Math.round(second)}%`);
});
