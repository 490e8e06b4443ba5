import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import YAML from 'yaml';
import { NEW_PER_SESSION } from '../../src/lib/srs/state';
import { expect, test } from './fixtures';

/** Cards in the "Concepts and judgement calls" deck, and how many new ones one session takes. */
const CONCEPT_CARDS = (YAML.parse(readFileSync('content/flashcards/concepts.yaml', 'utf8')) as unknown[]).length;
const SESSION = Math.min(CONCEPT_CARDS, NEW_PER_SESSION);

const STRUCTURED = [
  'First I decompose the system into its training data of labelled support emails, the model, the inference API the helpdesk calls, and the output: a category and a drafted reply.',
  'Tampering is the big one for data: an attacker who can influence feedback labels can poison the training data, and the model learns the wrong routing.',
  'Information disclosure matters because the model can leak memorised customer details from its training set into a drafted reply.',
  'For repudiation I want logs of every prompt, the model version and the outputs, so we can show which model drafted a harmful reply.',
].join('\n');

async function openDrill(page: Page, query = '') {
  await page.goto(`interview/drill/${query}`);
  await expect(page.getByRole('button', { name: /^Start the/ })).toBeEnabled();
}

test('a timed drill shows the key points covered and missed, takes a self-rating, and saves the attempt across a reload', async ({
  page,
}) => {
  await openDrill(page, '?q=stride-nlp-system');
  await expect(page.getByRole('combobox', { name: 'Question' })).toHaveValue('stride-nlp-system');
  await page.getByRole('spinbutton', { name: 'Minutes per answer' }).fill('3');
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await expect(page.getByRole('heading', { name: /adapt STRIDE to an NLP system/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Your answer/ })).toBeFocused();

  // The timer pauses: the answer box is locked while paused.
  await page.getByRole('button', { name: 'Pause the timer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paused.' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Your answer/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Resume the timer' }).click();

  await page.getByRole('textbox', { name: /^Your answer/ }).fill(STRUCTURED);
  await page.getByRole('button', { name: 'Submit my answer' }).click();
  const feedback = page.getByRole('region', { name: /^Key points:/ });
  await expect(feedback).toBeFocused();
  await expect(feedback.getByRole('heading', { name: 'Key points: 4 of 6 covered' })).toBeVisible();
  await expect(feedback.getByRole('listitem').filter({ hasText: 'Tampering includes poisoning' })).toContainText(
    'Covered',
  );
  await expect(feedback.getByRole('listitem').filter({ hasText: 'Prioritise by impact and likelihood' })).toContainText(
    'Missed',
  );
  await expect(feedback.getByRole('heading', { name: 'Model answer outline' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  // Saving ratings needs all five.
  await page.getByRole('button', { name: 'Save my ratings' }).click();
  await expect(page.getByRole('alert')).toContainText('Rate all five criteria');
  for (const [criterion, score] of [
    ['Structure', '4'],
    ['Framework accuracy', '3'],
    ['AI-specific depth', '4'],
    ['Practicality', '2'],
    ['Communication', '4'],
  ] as const) {
    await page
      .getByRole('group', { name: new RegExp(`^${criterion}:`) })
      .getByRole('radio', { name: score, exact: true })
      .check();
  }
  await page.getByRole('button', { name: 'Save my ratings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your ratings are saved' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish the drill' }).click();

  const history = page.getByRole('table', { name: /most recent attempts/ });
  await expect(history.getByRole('row').nth(1)).toContainText('4 of 6');
  await expect(history.getByRole('row').nth(1)).toContainText('3.4 / 5');
  await page.reload();
  await expect(
    page
      .getByRole('table', { name: /most recent attempts/ })
      .getByRole('row')
      .nth(1),
  ).toContainText('4 of 6');
});

test('a list of keywords is marked as mentioned but is not taken for a structured answer', async ({ page }) => {
  await openDrill(page, '?q=stride-nlp-system');
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await page
    .getByRole('textbox', { name: /^Your answer/ })
    .fill(
      'training data, inference api, output, poisoning, prompt injection, leakage, logs, model version, risk, mitigations',
    );
  await page.getByRole('button', { name: 'Submit my answer' }).click();
  const feedback = page.getByRole('region', { name: /^Key points:/ });
  await expect(feedback.getByText('This reads as a list of terms, not an answer')).toBeVisible();
  await page.getByRole('button', { name: 'Finish the drill' }).click();
  await expect(
    page
      .getByRole('table', { name: /most recent attempts/ })
      .getByRole('row')
      .nth(1)
      .getByRole('cell')
      .nth(3),
  ).toHaveText('no');
});

test('a mock interview of two questions ends with its summary and the weakest areas', async ({ page }) => {
  await openDrill(page);
  await page.getByRole('radio', { name: /^Mock interview/ }).check();
  await page.getByRole('combobox', { name: 'Topic' }).selectOption('stride-ai');
  await page.getByRole('spinbutton', { name: 'Questions' }).fill('2');
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  for (const n of [1, 2]) {
    await expect(page.getByText(`Mock interview: question ${n} of 2`)).toBeVisible();
    await page.getByRole('textbox', { name: /^Your answer/ }).fill(STRUCTURED);
    await page.getByRole('button', { name: 'Submit my answer' }).click();
    await page.getByRole('button', { name: n === 1 ? 'Next question' : 'Finish the mock interview' }).click();
  }
  const summary = page.getByRole('region', { name: 'Mock interview summary' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('2 answers');
  await expect(summary.getByRole('heading', { name: 'Work on these first' })).toBeVisible();
  await expect(summary.getByRole('listitem').filter({ hasText: 'STRIDE-AI' })).toBeVisible();
});

test('a flashcard review updates the due counts, with keyboard shortcuts, and the counts survive a reload', async ({
  page,
}) => {
  // A fixed clock: due counts depend on the time, and the test must not depend on how fast it runs.
  await page.clock.setFixedTime(new Date('2026-11-26T10:00:00Z'));
  await page.goto('interview/flashcards/');
  const deck = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Concepts and judgement calls' }) });
  const counts = deck.locator('.deck__counts');
  await expect(counts).toContainText(`0 due · ${CONCEPT_CARDS} new · 0 learned, not due`);
  await deck.getByRole('button', { name: 'Study Concepts and judgement calls' }).click();
  await expect(
    page.getByRole('heading', { name: new RegExp(`Concepts and judgement calls ${SESSION} left`) }),
  ).toBeVisible();

  // Space shows the answer, 3 rates it Good; the button shows the next interval.
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Good 3/ })).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByRole('heading', { name: new RegExp(`${SESSION - 1} left`) })).toBeVisible();
  // A card rated Again comes back at the end of the session.
  await page.getByRole('button', { name: /^Show the answer/ }).click();
  await page.getByRole('button', { name: /^Again 1/ }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`${SESSION - 1} left`) })).toBeVisible();
  await page.getByRole('button', { name: 'End the session' }).click();

  await expect(counts).toContainText(`0 due · ${CONCEPT_CARDS - 2} new · 2 learned, not due`);
  await page.reload();
  await expect(
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Concepts and judgement calls' }) })
      .locator('.deck__counts'),
  ).toContainText(`0 due · ${CONCEPT_CARDS - 2} new · 2 learned, not due`);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  // Eleven minutes later both reviewed cards are due again (Again after a minute, Good after ten).
  await page.clock.setFixedTime(new Date('2026-11-26T10:11:00Z'));
  await page.reload();
  await expect(
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Concepts and judgement calls' }) })
      .locator('.deck__counts'),
  ).toContainText(`2 due · ${CONCEPT_CARDS - 2} new · 0 learned, not due`);

  // Reset asks first and can be undone.
  await page.getByRole('button', { name: 'Reset reviews of Concepts and judgement calls' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset the deck' }).click();
  await expect(
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Concepts and judgement calls' }) })
      .locator('.deck__counts'),
  ).toContainText(`${CONCEPT_CARDS} new`);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Concepts and judgement calls' }) })
      .locator('.deck__counts'),
  ).toContainText(`${CONCEPT_CARDS - 2} new`);
});

test('flashcards of a technique ATLAS removed are retired with a note and no longer count as due', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00Z'));
  const reviewed = {
    due: '2026-06-01T00:00:00.000Z',
    stability: 3,
    difficulty: 5,
    scheduledDays: 3,
    learningSteps: 0,
    reps: 2,
    lapses: 0,
    state: 2,
    lastReview: '2026-05-29T00:00:00.000Z',
  };
  await page.addInitScript((card) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'aitm:v1:srs:atlas-techniques',
      JSON.stringify({ 'atlas-techniques:AML.T0058': card, 'atlas-techniques:AML.T0040': card }),
    );
  }, reviewed);
  await page.goto('interview/flashcards/');
  const deck = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'ATLAS techniques' }) });
  // Only the live card is due; the retired one is explained instead.
  await expect(deck.locator('.deck__counts')).toContainText('1 due ·');
  await expect(deck.getByText('Retired: a card you reviewed. They will not come due again.')).toBeVisible();
  await expect(deck.getByRole('listitem')).toHaveText([
    'AML.T0058 Publish Poisoned Models was removed in ATLAS 2026.07; it is now AML.T0115.001 Publish Poisoned AI Artifacts: Models, which has cards of its own.',
  ]);
  await deck.getByRole('button', { name: 'Study ATLAS techniques' }).click();
  await expect(page.getByRole('heading', { name: /ATLAS techniques/ })).toBeVisible();
  await expect(page.getByText('ATLAS technique AML.T0040', { exact: true })).toBeVisible();
});
