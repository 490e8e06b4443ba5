import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { dumpStorage, expect, test } from './fixtures';

const LESSON = 'learn/beginner/start-here/';
const LESSON_TITLE = /Start here/;

/** Opens the Progress page and waits until its controls are live. */
async function openProgress(page: Page) {
  await page.goto('progress/');
  await expect(page.getByRole('button', { name: 'Export progress' })).toBeEnabled();
}

test('learner exports progress, resets everything, and gets it all back by importing the file', async ({ page }) => {
  await page.goto(LESSON);
  await page.getByRole('button', { name: 'Theme: Auto' }).click();
  await openProgress(page);
  const lessonRow = page.getByRole('row', { name: LESSON_TITLE });
  await expect(lessonRow.getByText('In progress')).toBeVisible();
  const before = await dumpStorage(page);
  expect(Object.keys(before).sort()).toEqual(['aitm:v1:progress:lessons/beginner/start-here', 'aitm:v1:theme']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ai-threat-modeling-lab-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; entries: Record<string, unknown> };
  expect(exported.format).toBe('aitm.progress');

  await page.getByRole('button', { name: 'Reset all progress' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await expect(dialog).toBeHidden();
  await expect(lessonRow.getByText('Not started')).toBeVisible();
  expect(Object.keys(await dumpStorage(page))).toEqual(['aitm:v1:theme']);

  await page.getByLabel('Import progress…').setInputFiles(file);
  const confirm = page.getByRole('dialog', { name: 'Replace your progress with this file?' });
  await expect(confirm).toContainText('holds 2 saved entries');
  await confirm.getByRole('button', { name: 'Replace my progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 saved entries' })).toBeVisible();
  await expect(lessonRow.getByText('In progress')).toBeVisible();
  expect(await dumpStorage(page)).toEqual(before);
  await page.reload();
  await expect(page.getByRole('row', { name: LESSON_TITLE }).getByText('In progress')).toBeVisible();
});

const hostile: Array<[string, string, RegExp]> = [
  ['bad JSON', '{"format": "aitm.progress", ', /not valid JSON/],
  [
    'the wrong format',
    JSON.stringify({ format: 'aitm.submission', version: 1, exercise: 'x' }),
    /exercise submission, not a progress file/,
  ],
  [
    'a __proto__ key',
    '{"format":"aitm.progress","version":1,"exportedAt":"2026-11-26T00:00:00Z","entries":{"__proto__":{"admin":true}}}',
    /key named "__proto__"/,
  ],
  [
    'a constructor key',
    '{"format":"aitm.progress","version":1,"exportedAt":"2026-11-26T00:00:00Z","entries":{"constructor":{"prototype":{}}}}',
    /key named "(constructor|prototype)"/,
  ],
  [
    'an invalid entry',
    '{"format":"aitm.progress","version":1,"exportedAt":"2026-11-26T00:00:00Z","entries":{"progress:lessons/x":{"status":"<img src=x onerror=alert(1)>"}}}',
    /invalid progress value/,
  ],
];

for (const [what, content, message] of hostile) {
  test(`an import file with ${what} is rejected with a message and changes nothing`, async ({ page }) => {
    await page.goto(LESSON);
    await openProgress(page);
    const before = await dumpStorage(page);
    await page
      .getByLabel('Import progress…')
      .setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await dumpStorage(page)).toEqual(before);
  });
}

test('an import file over the 32 MB limit is refused before it is read', async ({ page }, testInfo) => {
  await openProgress(page);
  const before = await dumpStorage(page);
  // A file on disk (sparse, so nothing is written): the browser reads its size, never its bytes.
  const huge = testInfo.outputPath('huge.json');
  writeFileSync(huge, '');
  truncateSync(huge, 33_000_000);
  await page.getByLabel('Import progress…').setInputFiles(huge);
  await expect(page.getByRole('alert')).toContainText(
    'huge.json is 33.0 MB; progress files are at most 32.0 MB. Nothing was changed.',
  );
  expect(await dumpStorage(page)).toEqual(before);
});

test('a corrupt saved value breaks no page: it is moved aside and the learner is told', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('aitm:v1:progress:lessons/beginner/start-here', '{"status":"done",');
      localStorage.setItem('aitm:v1:theme', '"<script>alert(1)</script>"');
    }
  });
  await page.goto('./');
  const notices = page.getByRole('region', { name: 'Notices about your saved work' });
  await expect(notices).toContainText(
    'Saved progress was unreadable and has been reset; a copy is kept under "aitm:quarantine:progress:lessons/beginner/start-here@',
  );
  await expect(notices).toContainText('Saved color theme was unreadable and has been reset');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const stored = await dumpStorage(page);
  expect(Object.keys(stored).filter((k) => k.startsWith('aitm:quarantine:'))).toHaveLength(2);
  expect(Object.keys(stored).filter((k) => k.startsWith('aitm:v1:'))).toEqual([]);

  await notices.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(notices.getByRole('button', { name: 'Dismiss' })).toHaveCount(1);

  await openProgress(page);
  await expect(page.getByRole('heading', { name: 'Damaged data kept aside' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete the kept copies' }).click();
  await expect(page.getByRole('heading', { name: 'Damaged data kept aside' })).toBeHidden();
  await page.goto(LESSON);
  await expect(page.getByRole('heading', { level: 1, name: LESSON_TITLE })).toBeVisible();
});

test('a full storage is reported, not swallowed', async ({ page }) => {
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('aitm:v1:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      original.call(this, key, value);
    };
  });
  await page.goto(LESSON);
  await expect(page.getByRole('alert')).toContainText('Not saved: browser storage is full.');
});

test('progress made in one tab shows in the other without a reload', async ({ page, context }) => {
  await openProgress(page);
  await expect(page.getByRole('row', { name: LESSON_TITLE }).getByText('Not started')).toBeVisible();
  const other = await context.newPage();
  await other.goto(LESSON);
  await expect(page.getByRole('row', { name: LESSON_TITLE }).getByText('In progress')).toBeVisible();
});

test('resetting one item asks first, and can be undone', async ({ page }) => {
  await page.goto(LESSON);
  await openProgress(page);
  const row = page.getByRole('row', { name: LESSON_TITLE });
  await row.getByRole('button', { name: /^Reset/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row.getByText('In progress')).toBeVisible();

  await row.getByRole('button', { name: /^Reset/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
  await expect(row.getByText('Not started')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row.getByText('In progress')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
});

test('the home page welcomes a returning learner and links to where they left off', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Start with “Start here/ })).toBeVisible();
  await page.goto(LESSON);
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  // In the hero itself, in place of "Start with …", which a returning learner no longer needs.
  await expect(page.getByRole('link', { name: /^Start with/ })).toBeHidden();
  await expect(page.getByRole('link', { name: /^Continue: Start here/ })).toBeInViewport();
  await page.getByRole('link', { name: /^Continue: Start here/ }).click();
  await expect(page).toHaveURL(new RegExp(`${LESSON}$`));
});

test('the Progress page shows a bar per section, and keeps every reset apart from Export and Import', async ({
  page,
}) => {
  await page.goto('progress/');
  const bars = page.getByRole('progressbar');
  // One per section (lessons, projects, labs) and one per level of lessons.
  await expect(bars).toHaveCount(6);
  for (const bar of await bars.all()) await expect(bar).toHaveJSProperty('value', 0);
  await expect(page.getByRole('progressbar', { name: /^Beginner: 0 of \d+ done$/ })).toBeVisible();
  const dangerZone = page.getByRole('region', { name: 'Start over' });
  await expect(dangerZone.getByRole('button', { name: 'Reset all progress' })).toBeVisible();
  await expect(dangerZone.getByRole('button', { name: 'Export progress' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reset all progress' })).toHaveCount(1);
});
