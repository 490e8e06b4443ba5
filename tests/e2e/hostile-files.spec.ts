/**
 * Hostile and odd files, as a learner might receive or make them (issue 15): each is either read
 * correctly or refused with a message, in the built site, and nothing of the learner's is lost.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { checksum } from '../../src/lib/share/share-code';
import { expect, test } from './fixtures';
import { openProject, row } from './stride-helpers';

const tsx = path.resolve('node_modules/.bin/tsx');
const reference = (id: string) =>
  JSON.parse(execFileSync(tsx, ['scripts/grade.ts', '--reference', id], { encoding: 'utf8' })) as Record<
    string,
    unknown
  > & { answers: Record<string, unknown> };

async function importFile(page: Page, name: string, content: unknown) {
  await page.getByLabel('Import a JSON file…').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
  });
}

async function confirmImport(page: Page, work = 'analysis') {
  await page
    .getByRole('dialog', { name: `Replace your ${work}?` })
    .getByRole('button', { name: `Replace my ${work}` })
    .click();
}

async function download(page: Page, label: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
  return readFileSync((await file.path()) ?? '', 'utf8');
}

test('ids named "constructor" are plain ids: feedback, the risk register and the report show no built-in function', async ({
  page,
}) => {
  const submission = reference('rmf-chatbot-gap');
  const answers = submission.answers as { contexts: string[]; assessments: Array<{ evidence: string[] }> };
  answers.contexts.push('constructor');
  answers.assessments[0]?.evidence.push('constructor');
  await page.goto('projects/rmf-chatbot-gap/');
  await page.getByRole('heading', { name: 'Your gap analysis' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Check my analysis' })).toBeEnabled();
  await importFile(page, 'constructor.json', submission);
  await confirmImport(page);
  await page.getByRole('button', { name: 'Check my analysis' }).click();
  await expect(page.getByRole('heading', { name: /^Your score:/ })).toBeVisible();
  await expect(page.getByText('native code')).toHaveCount(0);
  for (const label of ['Download risk register (CSV)', 'Download report (Markdown)']) {
    const text = await download(page, label);
    expect(text.length).toBeGreaterThan(100);
    expect(text).not.toContain('native code');
    expect(text).not.toContain('function Object');
  }
});

test('a file whose date carries markup is refused, and a Markdown report shows web addresses and list marks as text', async ({
  page,
}) => {
  await openProject(page);
  const submission = reference('stride-medical-imaging');
  await importFile(page, 'date.json', { ...submission, submittedAt: '<img src=x onerror=alert(1)> 1' });
  await expect(page.getByRole('alert')).toContainText('submittedAt');

  await page.getByRole('button', { name: 'Add a threat' }).click();
  await row(page, 1)
    .getByRole('textbox', { name: 'Threat' })
    .fill('1. Anyone can fetch https://evil.example/login?next=x because the API key is shared');
  const md = await download(page, 'Download Markdown report');
  expect(md).toContain('`https://evil.example/login?next=x`');
  expect(md).toContain('1\\. Anyone can fetch');
  expect(md).not.toContain('<img');
});

test('a share code that would unpack to 700 MB is refused at once, and the analysis is untouched', async ({ page }) => {
  // 700 independent blocks of 1 MB of zeros, then an empty final block: a 930 KB code.
  const block = deflateRawSync(Buffer.alloc(1_000_000), { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const bomb = Buffer.concat([...Array.from({ length: 700 }, () => block), deflateRawSync(Buffer.alloc(0))]);
  const payload = bomb.toString('base64url');
  const code = `AITM1.${payload}.${checksum(payload)}`;
  expect(code.length).toBeLessThan(1_000_000);

  await openProject(page);
  await page.getByRole('button', { name: 'Add a threat' }).click();
  await row(page, 1).getByRole('textbox', { name: 'Threat' }).fill('Keep me');
  await page.getByLabel('Or paste a share code').fill(code);
  await page.getByRole('button', { name: 'Load the code' }).click();
  await expect(page.getByRole('alert')).toContainText('expands beyond 32.0 MB', { timeout: 3_000 });
  await expect(row(page, 1).getByRole('textbox', { name: 'Threat' })).toHaveValue('Keep me');
});

test('two defenses naming the same mitigation load as one, and one Remove removes it, undoably', async ({ page }) => {
  const submission = {
    format: 'aitm.submission',
    version: 1,
    exercise: 'atlas-fraud-simulation',
    submittedAt: '2026-12-06T10:00:00.000Z',
    answers: {
      chain: [],
      roe: [],
      runs: [],
      defenses: [
        { mitigation: 'AML.M0004', counters: ['AML.T0040'] },
        { mitigation: 'AML.M0004', counters: ['AML.T0043'], note: 'Cap scoring calls per merchant' },
      ],
      hardening: '',
    },
  };
  await page.goto('projects/atlas-fraud-simulation/');
  await page.getByRole('heading', { name: 'Your engagement', exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Check my engagement' })).toBeEnabled();
  await importFile(page, 'twice.json', submission);
  await confirmImport(page, 'engagement');
  const remove = page.getByRole('button', { name: 'Remove AML.M0004' });
  await expect(remove).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Drop AML.T0040' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Drop AML.T0043' })).toBeVisible();
  await remove.click();
  await expect(remove).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(remove).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Drop AML.T0043' })).toBeVisible();
});
