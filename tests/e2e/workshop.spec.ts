import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { decodeShareCode, encodeShareCode } from '../../src/lib/share/share-code';
import { createSubmission, readSubmission } from '../../src/lib/share/submission';
import { emptyStrideAnswers } from '../../src/lib/exercises/stride/answers';
import { exercise } from '../../scripts/lib/exercises';
import { dumpStorage, expect, test } from './fixtures';
import { fillRow, openProject, ROWS, toExercise, type RowInput } from './stride-helpers';

const pct = (score: number) => `${Math.round(score * 100)}%`;

/** A learner in their own browser: joins the room by its link, fills some rows, and sends a code. */
async function learnerSends(browser: Browser, roomLink: string, team: string, rows: RowInput[]): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(roomLink);
  // The room is at the top of the page, and its step timer at the start of the exercise.
  await expect(page.getByRole('region', { name: 'Workshop room', exact: true })).toContainText('demo-room');
  await toExercise(page);
  await expect(page.getByRole('region', { name: /^Workshop room / })).toBeVisible();
  for (const [i, r] of rows.entries()) {
    await page.getByRole('button', { name: 'Add a threat' }).click();
    await fillRow(page, i + 1, r);
  }
  await page.getByRole('textbox', { name: 'Team' }).fill(team);
  await page.getByRole('textbox', { name: 'Your name' }).fill(`${team} scribe`);
  await expect(page.getByRole('textbox', { name: 'Room code' })).toHaveValue('demo-room');
  await page.getByRole('button', { name: 'Send to instructor: show a QR code' }).click();
  await expect(
    page.getByRole('img', { name: 'QR code of your share code' }).or(page.getByText(/too long for one QR code/)),
  ).toBeVisible();
  const code = await page.getByRole('textbox', { name: 'Share code', exact: true }).inputValue();
  await context.close();
  return code;
}

async function openDashboard(page: Page) {
  await page.goto('workshops/dashboard/');
  await expect(page.getByRole('button', { name: 'Load the codes' })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: /^Paste share codes/ })).toBeEditable();
}

test('three learners send different work from a room; the dashboard grades them as the CLI does, counts each item, exports the same CSV, and reports a corrupted and a duplicate code', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);

  // The instructor sets up the room and its time boxes.
  await page.goto('workshops/room/');
  await page.getByRole('textbox', { name: /^Room code/ }).fill('demo-room');
  await page.getByRole('combobox', { name: 'Project' }).selectOption('stride-medical-imaging');
  await page.getByRole('spinbutton', { name: 'Decompose' }).fill('10');
  await page.getByRole('spinbutton', { name: 'Analyze' }).fill('25');
  const link = await page.getByRole('textbox', { name: 'Link for learners' }).inputValue();
  expect(link).toMatch(/\/projects\/stride-medical-imaging\/\?room=demo-room&t=10-25$/);
  const path = new URL(link).pathname.replace(/^\//, '') + new URL(link).search;

  const codes = [
    await learnerSends(browser, path, 'Team Alpha', ROWS),
    await learnerSends(browser, path, 'Team Beta', ROWS.slice(0, 3)),
    await learnerSends(browser, path, 'Team Gamma', ROWS.slice(3, 4)),
  ];
  const stride = await exercise('stride-medical-imaging');
  const reports = codes.map((code) => {
    const decoded = decodeShareCode(code);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.room).toBe('demo-room');
    return { team: decoded.value.team ?? '', report: stride.grade(decoded.value) };
  });
  const first = codes[0] ?? '';
  const corrupted = `${first.slice(0, 40)}${first.slice(60)}`;

  await openDashboard(page);
  await page.getByRole('textbox', { name: /^Paste share codes/ }).fill([...codes, corrupted, codes[1]].join('\n'));
  await page.getByRole('button', { name: 'Load the codes' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 loaded, 2 not loaded' })).toBeVisible();
  const problems = page.getByRole('listitem').filter({ hasText: /^code [45]:/ });
  await expect(problems).toHaveCount(2);
  await expect(problems.filter({ hasText: 'duplicate' })).toHaveText(/^code 5: a duplicate/);

  // Scores match the command-line grader, row by row.
  const scores = page.getByRole('table', { name: 'Scores by learner or team' });
  for (const { team, report } of reports) {
    await expect(
      scores
        .getByRole('row', { name: new RegExp(`^${team} · ${team} scribe`) })
        .getByRole('cell')
        .nth(1),
    ).toHaveText(pct(report.score));
  }
  // Per-item coverage: how many of the three covered each expected item.
  const items = page.getByRole('table', { name: /^Each expected item/ });
  for (const item of reports[0]?.report.items ?? []) {
    const covered = reports.filter((r) => r.report.items.find((i) => i.id === item.id)?.covered).length;
    await expect(
      items.getByRole('row', { name: new RegExp(`^${item.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) }),
    ).toContainText(`${covered} of 3`);
  }
  // The summary leads with what everyone missed, ties in alphabetical order.
  const missedByAll = (reports[0]?.report.items ?? [])
    .filter((i) => reports.every((r) => !r.report.items.find((x) => x.id === i.id)?.covered))
    .map((i) => i.label)
    .sort((a, b) => a.localeCompare(b));
  if (missedByAll[0]) await expect(page.getByText(`3 of 3 missed ${missedByAll[0]}`)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  // The CSV carries the same scores.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /results \(CSV\)$/ }).click(),
  ]);
  const csv = readFileSync((await download.path()) ?? '', 'utf8').split('\r\n');
  for (const { team, report } of reports)
    expect(csv.find((line) => line.includes(`,${team},`))).toContain(`,${report.score.toFixed(4)},`);

  // The results survive a reload; clearing asks first and can be undone.
  await page.reload();
  await expect(page.getByRole('table', { name: 'Scores by learner or team' }).getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Clear the dashboard' }).click();
  await page
    .getByRole('dialog', { name: 'Clear the dashboard?' })
    .getByRole('button', { name: 'Clear all results' })
    .click();
  await expect(page.getByText('No results yet.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('table', { name: 'Scores by learner or team' }).getByRole('row')).toHaveCount(4);
});

test('hostile input: a script in a name stays text, a huge paste and a progress file are refused one by one', async ({
  page,
}) => {
  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  await fillRow(page, 1, ROWS[0] as RowInput);
  const hostile = '<img src=x onerror="document.title=\'pwned\'">';
  await page.getByRole('textbox', { name: 'Team' }).fill(hostile);
  await page.getByRole('button', { name: 'Copy share code' }).click();
  const code = await page.getByRole('textbox', { name: 'Share code', exact: true }).inputValue();

  await openDashboard(page);
  const progressFile = JSON.stringify({
    format: 'aitm.progress',
    version: 1,
    exportedAt: '2026-11-26T10:00:00Z',
    entries: {},
  });
  await page
    .getByRole('textbox', { name: /^Paste share codes/ })
    .fill(`${code}\nAITM1.${'A'.repeat(5000)}.0000000\nnot-a-code`);
  await page.getByRole('button', { name: 'Load the codes' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 loaded, 2 not loaded' })).toBeVisible();
  await page
    .getByLabel('Add JSON files…')
    .setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(progressFile) });
  await expect(page.getByRole('listitem').filter({ hasText: /^progress\.json:/ })).toContainText('progress file');
  await expect(
    page.getByRole('row', { name: new RegExp(`^${hostile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }),
  ).toBeVisible();
  await expect(page.locator('.dashboard img')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
});

test('every worksheet prints to clean A4 and Letter pages: a sensible page count, no table wider than the page, no row taller than a page', async ({
  page,
}) => {
  for (const exerciseId of ['stride-medical-imaging', 'rmf-chatbot-gap', 'atlas-fraud-simulation']) {
    await page.goto(`workshops/worksheets/${exerciseId}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    for (const [format, widthMm, heightMm] of [
      ['A4', 210, 297],
      ['Letter', 215.9, 279.4],
    ] as const) {
      const pdf = await page.pdf({ format, printBackground: false });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages, `${exerciseId} ${format}`).toBeGreaterThanOrEqual(2);
      expect(pages, `${exerciseId} ${format}`).toBeLessThanOrEqual(14);
      // Lay the page out as the printer does (content box = paper minus the 14 mm margins) and measure.
      const px = (mm: number) => Math.floor(((mm - 28) / 25.4) * 96);
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: px(widthMm), height: px(heightMm) });
      const problems = await page.evaluate((pageHeight) => {
        const out: string[] = [];
        document.querySelectorAll('table').forEach((table, i) => {
          const room = table.parentElement?.clientWidth ?? 0;
          if (table.scrollWidth > room + 1) out.push(`table ${i + 1} is ${table.scrollWidth}px wide in ${room}px`);
          table.querySelectorAll('tr').forEach((tr, j) => {
            if (tr.getBoundingClientRect().height > pageHeight)
              out.push(`table ${i + 1} row ${j + 1} is taller than a page`);
          });
        });
        return out;
      }, px(heightMm));
      expect(problems, `${exerciseId} ${format}`).toEqual([]);
      await page.emulateMedia({ media: 'screen' });
    }
  }
});

/** Share codes of n distinct teams (empty analyses), as learners' "Send to instructor" makes them. */
const teamCodes = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    encodeShareCode(
      createSubmission('stride-medical-imaging', emptyStrideAnswers(), new Date('2026-12-01T10:00:00Z'), {
        team: `Team ${from + i + 1}`,
        room: 'ws-big',
      }),
    ),
  );

test('a dashboard past its limit keeps every result it had, loads what fits and lists the rest', async ({ page }) => {
  test.setTimeout(90_000);
  await openDashboard(page);
  const paste = page.getByRole('textbox', { name: /^Paste share codes/ });
  await paste.fill(teamCodes(250).join('\n'));
  await page.getByRole('button', { name: 'Load the codes' }).click();
  await expect(page.getByRole('status').filter({ hasText: '250 loaded.' })).toBeVisible();
  await expect(page.getByText('250 of 300 results loaded.')).toBeVisible();

  await paste.fill(teamCodes(100, 250).join('\n'));
  await page.getByRole('button', { name: 'Load the codes' }).click();
  await expect(page.getByRole('status').filter({ hasText: '50 loaded, 50 not loaded (listed below)' })).toBeVisible();
  const refused = page.getByRole('listitem').filter({ hasText: /the dashboard is full \(300 results\)/ });
  await expect(refused).toHaveCount(50);
  await expect(refused.first()).toHaveText(/^code 51:/);
  await expect(page.getByText('300 of 300 results loaded.')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /results \(CSV\)$/ }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(csv.filter((line) => line.startsWith('stride-medical-imaging,'))).toHaveLength(300);
  for (const team of ['Team 1', 'Team 300']) expect(csv.filter((line) => line.includes(`,${team},`))).toHaveLength(1);
  expect(csv.some((line) => line.includes(',Team 301,'))).toBe(false);
});

test('a joined room and a dashboard survive "Reset all progress" and a round trip through the progress file', async ({
  page,
}) => {
  await page.goto('projects/stride-medical-imaging/?room=ws-keep&t=10-20');
  await expect(page.getByRole('region', { name: 'Workshop room', exact: true })).toContainText('ws-keep');
  await openDashboard(page);
  await page.getByRole('textbox', { name: /^Paste share codes/ }).fill(teamCodes(2).join('\n'));
  await page.getByRole('button', { name: 'Load the codes' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 loaded.' })).toBeVisible();
  const before = await dumpStorage(page);
  expect(Object.keys(before)).toEqual(expect.arrayContaining(['aitm:v1:room', 'aitm:v1:dashboard']));

  await page.goto('progress/');
  await expect(page.getByRole('button', { name: 'Export progress' })).toBeEnabled();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown> };
  expect(Object.keys(exported.entries)).toEqual(expect.arrayContaining(['room', 'dashboard']));

  await page.getByRole('button', { name: 'Reset all progress' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
  await expect(dialog).toContainText('a workshop room you joined and a workshop dashboard’s results stay');
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await expect(dialog).toBeHidden();
  const afterReset = await dumpStorage(page);
  expect(afterReset['aitm:v1:room']).toBe(before['aitm:v1:room']);
  expect(afterReset['aitm:v1:dashboard']).toBe(before['aitm:v1:dashboard']);

  // The file restores everything; a dashboard cleared meanwhile comes back from it.
  await page.evaluate(() => localStorage.removeItem('aitm:v1:dashboard'));
  await page.getByLabel('Import progress…').setInputFiles(file);
  await page
    .getByRole('dialog', { name: 'Replace your progress with this file?' })
    .getByRole('button', { name: 'Replace my progress' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /^Imported/ })).toBeVisible();
  expect(await dumpStorage(page)).toEqual(before);
  await openDashboard(page);
  await expect(page.getByText('2 of 300 results loaded.')).toBeVisible();
});

test('time boxes stay on their own steps: a blank step shifts no other, a bad one is flagged, and a bad link still joins the room', async ({
  page,
}) => {
  await page.goto('workshops/room/');
  await page.getByRole('textbox', { name: /^Room code/ }).fill('steps-room');
  await page.getByRole('combobox', { name: 'Project' }).selectOption('stride-medical-imaging');
  await page.getByRole('spinbutton', { name: 'Analyze' }).fill('20');
  const decompose = page.getByRole('spinbutton', { name: 'Decompose' });
  await decompose.fill('500');
  await expect(decompose).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Whole minutes from 1 to 240; this step gets no time box.')).toBeVisible();
  const link = await page.getByRole('textbox', { name: 'Link for learners' }).inputValue();
  expect(link).toMatch(/\?room=steps-room&t=-20$/);

  const url = new URL(link);
  await page.goto(url.pathname.replace(/^\//, '') + url.search);
  await toExercise(page);
  const bar = page.getByRole('region', { name: 'Workshop room steps-room' });
  await expect(bar).toContainText('time boxes: Analyze 20 min');
  await expect(bar).not.toContainText('Decompose 20');

  // A link mangled in a chat: the room is joined, the good box keeps its step, the bad one is named.
  await page.goto('projects/stride-medical-imaging/?room=mangled&t=abc-20');
  await toExercise(page);
  await expect(page.getByRole('region', { name: 'Workshop room mangled' })).toContainText('time boxes: Analyze 20 min');
  await expect(
    page.getByText(/Joined room mangled\. The link’s time boxes had problems, ignored: "abc" for step 1/),
  ).toBeVisible();
});

test('the Project 1 worksheet carries the data-flow diagram, and its threat table gives the threat room and a rating one digit', async ({
  page,
}) => {
  await page.goto('workshops/worksheets/stride-medical-imaging/');
  await expect(page.getByRole('img', { name: /^Data-flow diagram:/ })).toBeVisible();
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Mitigation' }) });
  const width = async (name: string) =>
    (await table.getByRole('columnheader', { name, exact: true }).boundingBox())?.width ?? 0;
  const [threat, likelihood, mitigation] = [await width('Threat'), await width('L'), await width('Mitigation')];
  expect(threat).toBeGreaterThan(likelihood * 4);
  expect(mitigation).toBeGreaterThan(likelihood * 3);
});

test('a learner who opens a room link sees the room at the top of the project, can jump to the exercise, and can leave', async ({
  page,
}) => {
  await page.goto('projects/rmf-chatbot-gap/?room=top-room&t=10-25');
  const notice = page.getByRole('region', { name: 'Workshop room' });
  await expect(notice).toBeInViewport();
  await expect(notice).toContainText('You are working in workshop room top-room.');
  await expect(notice).toContainText('Time boxes for 2 steps (35 min in all)');
  await notice.getByRole('link', { name: 'Go to the exercise' }).click();
  await expect(page).toHaveURL(/#your-analysis$/);
  await expect(page.getByRole('heading', { name: 'Your gap analysis' })).toBeInViewport();
  // The room stays joined on the next visit without the link, until the learner leaves it.
  await page.goto('projects/atlas-fraud-simulation/');
  await expect(notice).toContainText('top-room');
  await notice.getByRole('button', { name: 'Leave the room' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(notice).toBeHidden();
});

test('the dashboard grades an incident lab result with that lab’s key, as the CLI does, without the range', async ({
  page,
}) => {
  const read = readSubmission(
    readFileSync('tests/fixtures/blind/browsing-agent-incident/sec-architect-expert.json', 'utf8'),
  );
  if (!read.ok) throw new Error(read.error);
  const submission = { ...read.value, team: 'Team Delta', room: 'incident-room' };
  const report = (await exercise('browsing-agent-incident')).grade(submission);
  const workerScripts: string[] = [];
  page.on('worker', (worker) => workerScripts.push(worker.url()));

  await openDashboard(page);
  await page.getByRole('textbox', { name: /^Paste share codes/ }).fill(encodeShareCode(submission));
  await page.getByRole('button', { name: 'Load the codes' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 loaded' })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Scores by learner or team' })
      .getByRole('row', { name: /^Team Delta/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText(pct(report.score));
  // An incident key has no runs to replay: the range's worker never starts.
  expect(workerScripts.filter((url) => url.includes('range'))).toEqual([]);
});
