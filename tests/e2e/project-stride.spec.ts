import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

import { fillRow, openProject, openRow, row, ROWS, toExercise, type RowInput } from './stride-helpers';
import { loadStrideKey } from '../../scripts/lib/rubrics';

async function checkScore(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  const heading = page.getByRole('heading', { name: /^Your score: [\d.]+%/ });
  await expect(heading).toBeVisible();
  return Number(/([\d.]+)%/.exec((await heading.textContent()) ?? '')?.[1]);
}

test('learner decomposes, analyzes, checks, fixes a row, reloads, exports, imports elsewhere, and the CLI agrees', async ({
  page,
  browser,
}) => {
  // A long journey with a CLI run in the middle: room for a busy two-core machine.
  test.setTimeout(60_000);
  await openProject(page);
  await expect(page.getByRole('note')).toContainText('Synthetic scenario');
  await expect(page.getByRole('img', { name: /Data-flow diagram/ })).toBeVisible();

  for (const name of [
    'Imaging research archive',
    'Public pre-trained backbone',
    'Training pipeline',
    'Model registry',
    'Triage inference API',
    'Radiology worklist with AI tier',
    'Monitoring and feedback service',
  ]) {
    await page.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
  }
  await page.getByRole('checkbox', { name: /^Public model hub to research cluster/ }).check();
  await page.getByRole('checkbox', { name: /^Hospital guest Wi-Fi/ }).check();

  for (const [i, input] of ROWS.entries()) {
    await page.getByRole('button', { name: 'Add a threat' }).click();
    await expect(row(page, i + 1).getByRole('textbox', { name: 'Threat' })).toBeFocused();
    await fillRow(page, i + 1, input);
  }

  const first = await checkScore(page);
  const feedback = page.getByRole('region', { name: /^Your score/ });
  await expect(feedback.getByRole('listitem').filter({ hasText: /Threat 1/ })).toContainText('Correct');
  await expect(feedback.getByRole('listitem').filter({ hasText: /Threat 5/ })).toContainText(
    'The key files this under T (Tampering), not I',
  );
  await expect(feedback.getByText(/Hospital guest Wi-Fi is not part of this system/)).toBeVisible();
  await expect(feedback.getByRole('heading', { name: /^Hints for threats you missed/ })).toBeVisible();

  // The bar at the foot of step 2 steps through the rows the check flagged, each opened with its
  // notes unfolded and focused; the correct row 1 is not among them, the misfiled row 5 is.
  const bar = page.getByRole('group', { name: 'Feedback from your last check' });
  await expect(bar).toContainText(/Last check: [1-5] of 6 threats flagged/);
  const seen: string[] = [];
  for (let i = 0; i < 6 && !seen.includes('Threat 5'); i++) {
    const next = bar.getByRole('button', { name: /^(Go to|Next:) Threat \d+/ });
    const label = /Threat \d+/.exec((await next.textContent()) ?? '')?.[0] ?? '';
    await next.click();
    seen.push(label);
    const n = Number(label.slice('Threat '.length));
    await expect(row(page, n).getByText('What your last check said')).toBeFocused();
    await expect(row(page, n).getByRole('heading', { name: /^Threat/ })).not.toContainText('Correct');
  }
  expect(seen).toContain('Threat 5');
  expect(seen).not.toContain('Threat 1');

  // Fix the misfiled row from its feedback link, then check again.
  await feedback.getByRole('button', { name: 'Threat 5' }).click();
  await expect(row(page, 5).getByRole('textbox', { name: 'Threat' })).toBeFocused();
  await row(page, 5).getByLabel('STRIDE category').selectOption({ label: 'T: Tampering' });
  const second = await checkScore(page);
  expect(second).toBeGreaterThan(first);
  await expect(feedback.getByRole('heading', { name: /^Threats you missed/ })).toBeVisible();

  await page.reload();
  await toExercise(page);
  // A saved analysis comes back folded, one line a row; the learner opens the rows to edit them.
  await expect(row(page, 6).getByRole('button', { name: /^Threat 6\b/ })).toContainText(ROWS[5]?.threat ?? '');
  await page.getByRole('button', { name: 'Open all' }).click();
  await expect(row(page, 6).getByRole('textbox', { name: 'Threat' })).toHaveValue(ROWS[5]?.threat ?? '');
  await expect(row(page, 5).getByLabel('STRIDE category')).toHaveValue('T');
  await expect(page.getByRole('checkbox', { name: /^Hospital guest Wi-Fi/ })).toBeChecked();

  // The feedback stays with the work: back after the reload, on the rows it is about, and a second
  // look at unchanged work is not a new attempt.
  await expect(feedback.getByRole('heading', { name: /^Your score: [\d.]+% \(attempt 2\)/ })).toContainText(
    `${second.toFixed(1)}%`,
  );
  await expect(feedback).toContainText('Your work has not changed since');
  await expect(row(page, 1).getByRole('heading', { name: /^Threat 1\b/ })).toContainText('Correct');
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  await expect(page.getByText(/did not count as a new attempt \(still 2\)/)).toBeVisible();
  await expect(feedback.getByRole('heading', { name: /\(attempt 2\)/ })).toBeVisible();

  const save = async (button: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return { name: download.suggestedFilename(), file: await download.path() };
  };
  const json = await save('Download JSON');
  expect(json.name).toMatch(/^stride-medical-imaging-\d{4}-\d{2}-\d{2}\.json$/);
  const csv = await save('Download CSV');
  expect(readFileSync(csv.file, 'utf8')).toContain(
    'Imaging research archive,T - Tampering,A rogue reader at the labeling contractor flips pneumothorax labels to normal',
  );
  const md = await save('Download Markdown report');
  expect(readFileSync(md.file, 'utf8')).toMatch(/^# STRIDE-AI threat analysis/);
  const td = await save('Download Threat Dragon model');
  const model = JSON.parse(readFileSync(td.file, 'utf8')) as {
    version: string;
    detail: { diagrams: Array<{ cells: Array<{ data: { threats?: unknown[] } }> }> };
  };
  expect(model.version).toBe('2.3.0');
  expect(model.detail.diagrams[0]?.cells.flatMap((c) => c.data.threats ?? [])).toHaveLength(6);

  // An edit after the check: the feedback says it is about the work as it was.
  await row(page, 6).getByRole('textbox', { name: 'Mitigation' }).fill('Something else entirely');
  await expect(feedback.getByText(/You have changed your work since/)).toBeVisible();
  await expect(row(page, 6).getByText('What your last check said, before your later edits')).toBeVisible();

  // The command-line grader agrees with the browser on the same file.
  const copy = path.join(path.dirname(json.file), 'submission.json');
  execFileSync('cp', [json.file, copy]);
  const cli = JSON.parse(
    execFileSync(path.resolve('node_modules/.bin/tsx'), ['scripts/grade.ts', '--json', copy], { encoding: 'utf8' }),
  ) as Array<{ score: number }>;
  expect((cli[0]?.score ?? -1) * 100).toBeCloseTo(second, 1);

  // A fresh browser (no saved draft) restores the whole table from the file.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await openProject(fresh);
  await expect(row(fresh, 1)).toHaveCount(0);
  await fresh.getByLabel('Import a JSON file…').setInputFiles(json.file);
  await fresh
    .getByRole('dialog', { name: 'Replace your analysis?' })
    .getByRole('button', { name: 'Replace my analysis' })
    .click();
  await fresh.getByRole('button', { name: 'Open all' }).click();
  for (const [i, input] of ROWS.entries())
    await expect(row(fresh, i + 1).getByRole('textbox', { name: 'Threat' })).toHaveValue(input.threat);
  await expect(fresh.getByRole('checkbox', { name: /^Model registry/ })).toBeChecked();
  await context.close();
});

test('text a learner types is shown as text, never run as HTML', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await row(page, 1).getByRole('textbox', { name: 'Threat' }).fill(payload);
  await row(page, 1).getByRole('textbox', { name: 'Potential impact' }).fill('"><svg onload=alert(3)>');
  const findings = page.getByRole('table', { name: /Your threats/ });
  await expect(findings).toContainText(payload);
  await expect(findings.locator('img, script, svg')).toHaveCount(0);
  await checkScore(page);
  await page.reload();
  await toExercise(page);
  await expect(row(page, 1).getByRole('button', { name: /^Threat 1\b/ })).toContainText(payload);
  await openRow(page, 1);
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue(payload);
  expect(dialogs).toBe(0);
});

test('deleting a row can be undone, and the editor works from the keyboard', async ({ page }) => {
  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toBeFocused();
  await page.keyboard.type('First threat about poisoned labels');
  await page.getByRole('button', { name: 'Add a threat' }).press('Enter');
  await expect(row(page, 2).getByRole('textbox', { name: 'Threat' })).toBeFocused();
  await page.keyboard.type('Second threat');
  await row(page, 1).getByRole('button', { name: 'Delete threat 1' }).press('Enter');
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue('Second threat');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue('First threat about poisoned labels');
  await expect(row(page, 2).getByRole('textbox', { name: 'Threat' })).toHaveValue('Second threat');
  await row(page, 2).getByRole('button', { name: 'Move threat 2 up' }).click();
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue('Second threat');
});

test('a new threat is unrated until rated, and a written threat folds to one line that opens again to edit', async ({
  page,
}) => {
  const [one, two] = ROWS as [RowInput, RowInput];
  await page.setViewportSize({ width: 1366, height: 768 });
  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  const first = row(page, 1);
  // Not "risk 4" as if rated: unrated, off the matrix and out of step 4 until rated.
  await expect(first.getByRole('button', { name: /^Threat 1\b/ })).toContainText('unrated');
  await expect(first.getByLabel('Likelihood')).toHaveValue('');
  await expect(page.getByTestId('unrated-note')).toContainText('#1');
  await fillRow(page, 1, { ...one, likelihood: '3', severity: '3' });
  await page.getByRole('button', { name: 'Add a threat' }).click();
  await row(page, 2).getByRole('textbox', { name: 'Threat' }).fill(two.threat);
  await expect(row(page, 2).getByRole('button', { name: /^Threat 2\b/ })).toContainText('unrated');
  await expect(page.getByTestId('unrated-note')).toHaveText(/until rated: #2\. /);
  await expect(
    page
      .getByRole('table', { name: /Your threats/ })
      .getByRole('row')
      .nth(2),
  ).toContainText('unrated');

  // "Done" folds the row to one line and gives focus to that line; Enter opens it again.
  await row(page, 1)
    .getByRole('button', { name: /^Done with threat 1/ })
    .click();
  const toggle = row(page, 1).getByRole('button', { name: /^Threat 1\b/ });
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toContainText('risk 9');
  await expect(toggle).toContainText(one.component);
  await expect(toggle).toContainText(one.threat);
  await expect(row(page, 1).getByRole('textbox')).toHaveCount(0);
  const folded = await row(page, 1).boundingBox();
  // Issue 19 measured 620 px a row; folded, a row is one line.
  expect(folded?.height).toBeLessThanOrEqual(64);
  await toggle.press('Enter');
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue(one.threat);

  // After a reload every written row is folded: nine rows fit in one laptop screen.
  await page.reload();
  await toExercise(page);
  await expect(page.getByText('2 threats, 0 open.')).toBeVisible();
  const heights = await page
    .locator('.threat-row')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  expect(Math.max(...heights) * 9).toBeLessThan(768);
  // The findings' "Edit threat 2" opens the folded row and puts the cursor in it.
  await page.getByRole('button', { name: 'Edit threat 2' }).click();
  await expect(row(page, 2).getByRole('textbox', { name: 'Threat' })).toBeFocused();
  await row(page, 2).getByLabel('Likelihood').selectOption('1');
  await row(page, 2).getByLabel('Severity').selectOption('2');
  await expect(row(page, 2).getByRole('button', { name: /^Threat 2\b/ })).toContainText('risk 2');
  await expect(page.getByTestId('unrated-note')).toHaveCount(0);
});

test('a bad share code or file is refused with a message, and the analysis is untouched', async ({ page }) => {
  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  await row(page, 1).getByRole('textbox', { name: 'Threat' }).fill('Keep me');
  await page.getByLabel('Or paste a share code').fill('AITM1.abc.def');
  await page.getByRole('button', { name: 'Load the code' }).click();
  await expect(page.getByRole('alert')).toContainText('That code did not load');
  await page.getByLabel('Import a JSON file…').setInputFiles({
    name: 'x.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{"format":"aitm.submission","version":1,"exercise":"stride-medical-imaging","submittedAt":"2026-11-26T00:00:00Z","answers":{"components":[],"rows":[{"__proto__":{}}]}}',
    ),
  });
  await expect(page.getByRole('alert')).toContainText('__proto__');
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue('Keep me');
});

test('when the answer key cannot load, the learner is told whether the site or the network failed, and the work stays', async ({
  page,
  guards,
}) => {
  guards.expectedFailures.push('/rubric.json');
  await openProject(page);
  const archive = page.getByRole('checkbox', { name: /^Imaging research archive/ });
  await archive.check();
  const check = page.getByRole('button', { name: 'Check my analysis' });

  await page.route('**/rubric.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await check.click();
  await expect(page.getByRole('alert')).toContainText('The site answered with an error (HTTP 503)');

  await page.unroute('**/rubric.json');
  await page.route('**/rubric.json', (route) => route.abort('internetdisconnected'));
  await check.click();
  await expect(page.getByRole('alert')).toContainText('could not be reached to load the answer key');
  await expect(archive).toBeChecked();

  await page.unroute('**/rubric.json');
  await check.click();
  await expect(page.getByRole('heading', { name: /^Your score: [\d.]+%/ })).toBeVisible();
});

test('"I think I covered this" shows the key’s wording of a missed threat, and the learner’s row is then read as it', async ({
  page,
}) => {
  const key = loadStrideKey('stride-medical-imaging');
  const evasion = key.threats.find((t) => t.pattern === 'adversarial-evasion' && t.component === 'inference-api');
  expect(evasion).toBeDefined();
  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  const r = row(page, 1);
  await r.getByLabel('Component').selectOption({ label: 'Triage inference API' });
  await r.getByLabel('STRIDE category').selectOption({ label: 'T: Tampering' });
  await r
    .getByRole('textbox', { name: 'Threat' })
    .fill('Someone nudges the pixels of chest films until the model stays quiet about a collapsed lung');
  await r.getByRole('textbox', { name: 'Potential impact' }).fill('The urgent study waits in the routine queue');
  await r
    .getByRole('textbox', { name: 'Mitigation' })
    .fill('Keep the parallel radiologist read and add adversarial robustness testing');
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  const report = page.getByRole('region', { name: /^Your score/ });
  // Hints first: the missed threat is a hint, its name not yet shown.
  const missed = report.getByRole('listitem').filter({ hasText: evasion?.hint ?? '' });
  await expect(missed).not.toContainText(evasion?.name ?? '');
  await missed.getByRole('button', { name: 'I think I covered this' }).click();
  const claim = missed.getByRole('group', { name: /^The key’s threat:/ });
  await expect(claim).toContainText(`The key’s threat: ${evasion?.name}.`);
  await expect(claim).toContainText(evasion?.reference.threat ?? '');
  await claim.getByLabel('Which of your threats says this?').selectOption({ index: 0 });
  await expect(claim.getByLabel('Which of your threats says this?')).toContainText('Threat 1: Someone nudges');
  await claim.getByRole('button', { name: 'Read it as Evasion with crafted inputs' }).click();
  await expect(claim.getByRole('status')).toContainText('Threat 1 is now read as Evasion with crafted inputs.');
  await expect(row(page, 1).getByRole('combobox', { name: /Reading of threat 1/ })).toHaveValue('adversarial-evasion');
  // Looking did not count as an attempt; the next check uses the reading, since the text supports it.
  await expect(report.getByRole('heading', { name: /\(attempt 1\)/ })).toBeVisible();
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  await expect(
    report.getByText(/Read as you chose: Evasion with crafted inputs, on Triage inference API\. Matches a key threat/),
  ).toBeVisible();
});

test('each row is read back as the reviewer reads it, the learner can correct the reading, and the check uses it', async ({
  page,
}) => {
  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  const r = row(page, 1);
  await r.getByLabel('Component').selectOption({ label: 'Triage inference API' });
  const threat = r.getByRole('textbox', { name: 'Threat' });
  await threat.fill('A caller with the shared key trains a surrogate model from the three-decimal scores');
  await expect(
    r.getByText('Read as: Model extraction through the inference API, on Triage inference API.'),
  ).toBeVisible();

  // Wording the library does not know: the reviewer asks, the learner answers.
  await threat.fill('Someone nudges the pixels of chest films until the model stays quiet about a collapsed lung');
  await expect(r.getByText(/^Not read as an AI threat pattern we know/)).toBeVisible();
  const pick = r.getByRole('combobox', { name: /Reading of threat 1/ });
  await pick.selectOption({ label: 'Evasion with crafted inputs' });
  await expect(r.getByText('Read as you chose: Evasion with crafted inputs, on Triage inference API.')).toBeVisible();
  await r.getByLabel('STRIDE category').selectOption({ label: 'T: Tampering' });
  await r.getByRole('textbox', { name: 'Potential impact' }).fill('The urgent study waits in the routine queue');
  await r
    .getByRole('textbox', { name: 'Mitigation' })
    .fill('Keep the parallel radiologist read and add adversarial robustness testing');

  await page.getByRole('button', { name: 'Check my analysis' }).click();
  await expect(page.getByRole('heading', { name: /^Your score:/ })).toBeVisible();
  const said = /Read as you chose: Evasion with crafted inputs, on Triage inference API\. Matches a key threat/;
  await expect(page.getByRole('region', { name: /^Your score/ }).getByText(said)).toBeVisible();
  // The same note sits on the row it is about, folded under its verdict.
  await row(page, 1).getByText('What your last check said').click();
  await expect(row(page, 1).getByText(said)).toBeVisible();

  // The choice is saved with the work.
  await page.reload();
  await toExercise(page);
  await openRow(page, 1);
  await expect(row(page, 1).getByRole('combobox', { name: /Reading of threat 1/ })).toHaveValue('adversarial-evasion');
});

test('an imported file whose rows share an id still edits and deletes one row at a time', async ({ page }) => {
  await openProject(page);
  const rowOf = (threat: string) => ({
    id: 'same',
    component: 'inference-api',
    category: 'D',
    threat,
    impact: 'Triage stops',
    likelihood: 2,
    severity: 2,
    mitigation: 'Per-client rate limits',
  });
  await page.getByLabel('Import a JSON file…').setInputFiles({
    name: 'shared-ids.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'aitm.submission',
        version: 1,
        exercise: 'stride-medical-imaging',
        submittedAt: '2026-12-06T10:00:00.000Z',
        answers: {
          components: [],
          rows: [rowOf('First flood of requests'), rowOf('Second flood of requests'), rowOf('Third flood of requests')],
        },
      }),
    ),
  });
  await page
    .getByRole('dialog', { name: 'Replace your analysis?' })
    .getByRole('button', { name: 'Replace my analysis' })
    .click();
  await page.getByRole('button', { name: 'Open all' }).click();
  await expect(row(page, 3).getByRole('textbox', { name: 'Threat' })).toHaveValue('Third flood of requests');
  await row(page, 2).getByRole('textbox', { name: 'Threat' }).fill('Edited second threat');
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue('First flood of requests');
  await expect(row(page, 3).getByRole('textbox', { name: 'Threat' })).toHaveValue('Third flood of requests');
  await row(page, 3).getByRole('button', { name: 'Delete threat 3' }).click();
  await expect(row(page, 2).getByRole('textbox', { name: 'Threat' })).toHaveValue('Edited second threat');
  await expect(row(page, 3)).toHaveCount(0);
});

const DRAFT_KEY = 'aitm:v1:draft:projects/stride-medical-imaging';
const savedDraft = (page: Page) => page.evaluate((key) => localStorage.getItem(key) ?? '', DRAFT_KEY);

test('two tabs on one analysis: edits made in both within one save delay are all kept', async ({ page, context }) => {
  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  await row(page, 1).getByRole('textbox', { name: 'Threat' }).fill('Labels flipped at the contractor');
  await expect.poll(() => savedDraft(page)).toContain('Labels flipped at the contractor');

  const other = await context.newPage();
  await openProject(other);
  await openRow(other, 1);
  await expect(row(other, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue('Labels flipped at the contractor');
  // Tab B adds a row and tab A edits its row before either tab's save has run.
  await other.getByRole('button', { name: 'Add a threat' }).click();
  await row(other, 2).getByRole('textbox', { name: 'Threat' }).fill('Pickle checkpoint runs code on load');
  await row(page, 1)
    .getByRole('textbox', { name: 'Threat' })
    .fill('Labels flipped at the contractor by a rogue reader');

  // Each row's line shows its threat whether the row is open (tab B's new row) or folded (the
  // same row in tab A, which did not write it).
  const line = (tab: Page, n: number) => row(tab, n).getByRole('button', { name: new RegExp(`^Threat ${n}\\b`) });
  for (const tab of [page, other]) {
    await expect(line(tab, 1)).toContainText('Labels flipped at the contractor by a rogue reader');
    await expect(line(tab, 2)).toContainText('Pickle checkpoint runs code on load');
  }
  await other.close();
  await page.reload();
  await toExercise(page);
  await expect(line(page, 2)).toContainText('Pickle checkpoint runs code on load');
  await openRow(page, 1);
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue(
    'Labels flipped at the contractor by a rogue reader',
  );
});

test('storage cleared by another tab: the page says so and restores what it still holds', async ({ page, context }) => {
  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  await row(page, 1).getByRole('textbox', { name: 'Threat' }).fill('Anyone with the static key can call the API');
  await expect.poll(() => savedDraft(page)).toContain('static key');

  const other = await context.newPage();
  await other.goto('');
  await other.evaluate(() => localStorage.clear());
  await other.close();

  const notice = page.getByText(/Your saved work on this exercise was removed from this browser/);
  await expect(notice).toBeVisible();
  await expect(row(page, 1)).toHaveCount(0);
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue(
    'Anyone with the static key can call the API',
  );
  await expect(notice).toBeHidden();
  await page.reload();
  await toExercise(page);
  await openRow(page, 1);
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue(
    'Anyone with the static key can call the API',
  );

  // Cleared by the browser while the tab was in the background (no storage event reaches this
  // tab): noticed when the learner comes back to it.
  await expect.poll(() => savedDraft(page)).toContain('static key');
  await page.evaluate(() => {
    localStorage.clear();
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(notice).toBeVisible();
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect.poll(() => savedDraft(page)).toContain('static key');
});

test('an analysis past the old 1 MB limit (100 rows of 4,000-character fields) imports, is checked without freezing the page, and its backup imports again', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // Varied words (the grader caches a word it has seen), in a fixed pseudo-random order.
  const vocabulary =
    'a rogue labeler flips pneumothorax labels to normal through the shared contractor account so the next model misses collapsed lungs while pickle checkpoints run code on load and anyone with the static key floods the inference api without rate limits or audit logs of model versions'.split(
      ' ',
    );
  let seed = 7;
  const text = Array.from({ length: 900 }, () => {
    seed = (seed * 48271) % 2147483647;
    return vocabulary[seed % vocabulary.length];
  }).join(' ');
  const components = ['imaging-archive', 'training-pipeline', 'inference-api', 'worklist'];
  // Half the editor's 200-row limit keeps the journey quick; tests/unit/limits.test.ts fills every limit.
  const rows = Array.from({ length: 100 }, (_, i) => ({
    id: `row-${i}`,
    component: components[i % components.length],
    category: 'T',
    threat: `${i} ${text}`.slice(0, 4000),
    impact: text.slice(0, 4000),
    likelihood: 2,
    severity: 3,
    mitigation: text.slice(0, 4000),
  }));
  const file = JSON.stringify({
    format: 'aitm.submission',
    version: 1,
    exercise: 'stride-medical-imaging',
    submittedAt: '2026-12-06T10:00:00.000Z',
    answers: { components, rows },
  });
  expect(file.length).toBeGreaterThan(1_000_000);

  await openProject(page);
  await page
    .getByLabel('Import a JSON file…')
    .setInputFiles({ name: 'largest.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page
    .getByRole('dialog', { name: 'Replace your analysis?' })
    .getByRole('button', { name: 'Replace my analysis' })
    .click();
  await openRow(page, 100);
  await expect(row(page, 100).getByRole('textbox', { name: 'Threat' })).toHaveValue(rows[99]?.threat ?? '');

  // The longest main-thread task while checking stays short: no freeze. A loaded CI machine
  // stretches every task (a 140 ms task once took 1.5 s there), so the limit scales with a
  // yardstick measured in the same page just before: splitting the file's text into words three
  // times, about as much work as the longest task of a check (both 90-160 ms unloaded). That the
  // grader reads only 1,500 characters of a field is proved by the note below and, at the editors'
  // full limits, by tests/unit/limits.test.ts.
  const yardstick = await page.evaluate((text) => {
    const start = performance.now();
    const counts = new Map<string, number>();
    for (let i = 0; i < 3; i += 1)
      for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) counts.set(word, (counts.get(word) ?? 0) + 1);
    return performance.now() - start;
  }, file);
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  await expect(page.getByRole('heading', { name: /^Your score: [\d.]+%/ })).toBeVisible({ timeout: 20_000 });
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  // Imported rows come back folded to one line, so the check re-renders 99 lines and one open
  // row, not 100 editors: the longest task measured about 200 ms unloaded (450 ms while every row
  // was an editor). The limit catches a freeze like the 2.6 s one issue 15 measured.
  expect(longest).toBeLessThan(Math.max(1_000, 6 * yardstick));
  await expect(
    page.getByText(/300 fields are longer than 1,500 characters: only the first 1,500 of each were read/),
  ).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const backup = await download.path();
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await openProject(fresh);
  await fresh.getByLabel('Import a JSON file…').setInputFiles(backup);
  await fresh
    .getByRole('dialog', { name: 'Replace your analysis?' })
    .getByRole('button', { name: 'Replace my analysis' })
    .click();
  await openRow(fresh, 100);
  await expect(row(fresh, 100).getByRole('textbox', { name: 'Threat' })).toHaveValue(rows[99]?.threat ?? '');
  await context.close();
});

test('a file saved as UTF-16 by a Windows editor imports as it does in the command-line tools', async ({ page }) => {
  const file = JSON.stringify({
    format: 'aitm.submission',
    version: 1,
    exercise: 'stride-medical-imaging',
    submittedAt: '2026-12-06T10:00:00.000Z',
    answers: { components: ['inference-api'], rows: [{ ...ROWS_AS_ANSWERS[0] }] },
  });
  await openProject(page);
  await page.getByLabel('Import a JSON file…').setInputFiles({
    name: 'notepad.json',
    mimeType: 'application/json',
    buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file, 'utf16le')]),
  });
  await page
    .getByRole('dialog', { name: 'Replace your analysis?' })
    .getByRole('button', { name: 'Replace my analysis' })
    .click();
  await openRow(page, 1);
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue(
    'Schlüssel für alle: één gedeelde sleutel',
  );
});

const ROWS_AS_ANSWERS = [
  {
    component: 'inference-api',
    category: 'S',
    threat: 'Schlüssel für alle: één gedeelde sleutel',
    impact: 'Anyone can call the API',
    likelihood: 2,
    severity: 2,
    mitigation: 'Mutual TLS',
  },
];

test('the threat editor offers the components chosen in step 1, decoys included, and every candidate before any is chosen', async ({
  page,
}) => {
  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  const component = row(page, 1).getByLabel('Component');
  // Nothing chosen yet: every candidate, so the list gives nothing away.
  const candidates = await page.getByRole('group', { name: 'Components of the system' }).getByRole('checkbox').count();
  expect(candidates).toBeGreaterThan(7);
  await expect(component.getByRole('option')).toHaveCount(candidates);
  await page.getByRole('checkbox', { name: /^Model registry/ }).check();
  await page.getByRole('checkbox', { name: /^Hospital guest Wi-Fi/ }).check();
  // The two chosen (in step 1's shuffled order), and the row's current component (the first
  // candidate), which it still names.
  const chosen = ['Hospital guest Wi-Fi', 'Model registry'];
  const current = (await component.locator('option:checked').textContent()) ?? '';
  await expect
    .poll(async () => (await component.getByRole('option').allTextContents()).sort())
    .toEqual([...new Set([...chosen, current])].sort());
  // Once the row names a chosen component, the list is the chosen ones only.
  await component.selectOption({ label: 'Hospital guest Wi-Fi' });
  await expect.poll(async () => (await component.getByRole('option').allTextContents()).sort()).toEqual(chosen);
  // A decoy gets guiding questions like any candidate.
  await expect(row(page, 1).getByText(/^Ask: Who could pretend to be this component/)).toBeVisible();
});
