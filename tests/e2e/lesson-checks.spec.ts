import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import YAML from 'yaml';
import type { QuestionData } from '../../src/lib/content/schema';
import { gradeChoice } from '../../src/lib/quiz/choice-check';
import { displayOrder, initialOrder } from '../../src/lib/quiz/questions';
import { dumpStorage, expect, test } from './fixtures';

const LESSON = 'learn/beginner/start-here/';
const QUESTIONS = YAML.parse(readFileSync('content/questions/start-here.yaml', 'utf8')) as QuestionData[];
const QUIZ_KEY = 'aitm:v1:quiz:lessons/beginner/start-here';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byId = (id: string): QuestionData => {
  const question = QUESTIONS.find((q) => q.id === id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
};

/** A check on the page, found by its prompt as a screen reader announces it. */
const checkRegion = (page: Page, question: QuestionData): Locator =>
  page.getByRole('region', { name: new RegExp(escape(question.prompt)) });

/** Moves an order question's items, with the move buttons, into the order given. */
async function arrange(region: Locator, wanted: readonly string[]): Promise<void> {
  const items = region.getByRole('list').first().getByRole('listitem');
  for (const [target, text] of wanted.entries()) {
    const texts = await items.evaluateAll((nodes) =>
      nodes.map((n) => n.querySelector('.quiz-order__text')?.textContent ?? ''),
    );
    for (let position = texts.indexOf(text); position > target; position--) {
      await region.getByRole('button', { name: `Move up: ${text}` }).click();
    }
  }
  await expect(items.first()).toContainText(wanted[0] ?? '');
}

/** Puts the learner's response into a check, right or wrong, using only what a learner can see and do. */
async function respond(region: Locator, question: QuestionData, right: boolean): Promise<void> {
  switch (question.type) {
    case 'single': {
      const index = right ? question.answer : (question.answer + 1) % question.options.length;
      await region.getByRole('radio', { name: new RegExp(`^${escape(question.options[index]?.text ?? '')}`) }).check();
      break;
    }
    case 'multiple': {
      const wrong = question.options.findIndex((_, i) => !question.answer.includes(i));
      for (const index of right ? question.answer : [wrong]) {
        await region
          .getByRole('checkbox', { name: new RegExp(`^${escape(question.options[index]?.text ?? '')}`) })
          .check();
      }
      break;
    }
    case 'order': {
      // The items start shuffled (never already in order); a wrong answer leaves them so.
      if (right) await arrange(region, question.items);
      break;
    }
    case 'classify':
      for (const item of question.items) {
        const category = right ? item.category : (item.category + 1) % question.categories.length;
        await region
          .getByRole('combobox', { name: item.text })
          .selectOption({ label: question.categories[category] ?? '' });
      }
      break;
    case 'text':
      await region
        .getByRole('textbox', { name: 'Your answer' })
        .fill(right ? question.model : 'I would need to look this up before answering it.');
      break;
  }
}

async function answer(page: Page, id: string, right: boolean): Promise<Locator> {
  const question = byId(id);
  const region = checkRegion(page, question);
  await region.scrollIntoViewIfNeeded();
  await expect(region.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
  await respond(region, question, right);
  await region.getByRole('button', { name: 'Check', exact: true }).click();
  return region;
}

test('learner answers every check, gets one wrong first, retries only the missed ones, and the Learn page shows the lesson done', async ({
  page,
}) => {
  // A long journey: ten checks, three of them twice, and two page changes.
  test.setTimeout(90_000);
  await page.goto(LESSON);
  const all = QUESTIONS.map((q) => q.id);
  const missedFirst = ['start-here-framework-question', 'start-here-four-questions-order', 'start-here-threat-shape'];

  // A wrong first try: the learner's own choice is marked, with its feedback, and the right answer is not given away.
  const single = byId('start-here-framework-question');
  if (single.type !== 'single') throw new Error('expected a single-choice question');
  let region = await answer(page, single.id, false);
  await expect(region.getByRole('status')).toContainText('Not yet. Change your answer and check again.');
  const wrongOption = single.options[(single.answer + 1) % single.options.length];
  await expect(region.getByText(wrongOption?.feedback ?? '')).toBeVisible();
  await expect(region.getByText('Correct answer')).toHaveCount(0);
  await expect(region.getByText(single.explanation)).toHaveCount(0);
  // Second try, right: the explanation and both the right answer and the learner's own are marked.
  await respond(region, single, true);
  await region.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(region.getByRole('status')).toContainText('Right after 2 tries.');
  await expect(region.getByText(single.explanation)).toBeVisible();
  await expect(region.getByRole('radio', { name: /Correct answer/ })).toBeChecked();
  await expect(region.getByRole('radio').first()).toBeDisabled();

  // An order question, wrong then right.
  region = await answer(page, 'start-here-four-questions-order', false);
  // Partial credit by pairs, and the first pair that is the wrong way round is named.
  await expect(region.getByRole('status')).toContainText(
    /\d of 6 pairs of steps are in order\. \u201c.+\u201d belongs before \u201c.+\u201d\./,
  );
  await respond(region, byId('start-here-four-questions-order'), true);
  await region.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(region.getByRole('status')).toContainText('Right after 2 tries.');

  // A text question, wrong twice, then the learner shows the answer.
  const text = byId('start-here-threat-shape');
  if (text.type !== 'text') throw new Error('expected a text question');
  region = await answer(page, text.id, false);
  await expect(region.getByRole('status')).toContainText('covers 0 of the 3 ideas');
  await expect(region.getByRole('button', { name: 'Show answer' })).toHaveCount(0);
  await region.getByRole('textbox', { name: 'Your answer' }).fill('Someone attacks the model somehow.');
  await region.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(region.getByRole('status')).toContainText('Not yet. Try again, or show the answer.');
  await region.getByRole('button', { name: 'Show answer' }).click();
  await expect(region.getByText(text.model)).toBeVisible();
  await expect(region.getByRole('status')).toContainText('Answer shown.');
  expect((await new AxeBuilder({ page }).include('.quiz-check').analyze()).violations.map((v) => v.id)).toEqual([]);

  // Everything else, right at the first try.
  for (const id of all.filter((id) => !missedFirst.includes(id))) {
    region = await answer(page, id, true);
    await expect(region.getByRole('status')).toContainText('Right at the first try.');
  }

  // The summary at the end of the lesson becomes live when the learner scrolls to it.
  const summary = page.getByRole('region', { name: 'Your checks' });
  await summary.scrollIntoViewIfNeeded();
  // The order check's first try was partly right (items left as first shown): it counts for its share of pairs.
  const orderQuestion = byId('start-here-four-questions-order');
  if (orderQuestion.type !== 'order') throw new Error('expected an order question');
  const credit = gradeChoice(orderQuestion, initialOrder(orderQuestion.id, orderQuestion.items.length)).credit ?? 0;
  const percent = Math.round(((7 + credit) / 10) * 100);
  await expect(summary).toContainText(
    `Lesson done: 7 of 10 right at the first try${credit > 0 ? ', 1 partly' : ''} (${percent}%).`,
  );
  await page.goto('learn/');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /Start here/ }) });
  await expect(card).toContainText(`Done · best ${percent}%`);

  // Back in the lesson: the answers survived the page change; retry the three missed checks.
  await page.goto(LESSON);
  await summary.scrollIntoViewIfNeeded();
  await expect(summary).toContainText('Lesson done: 7 of 10');
  await checkRegion(page, single).scrollIntoViewIfNeeded();
  await expect(checkRegion(page, single).getByRole('status')).toContainText('Right after 2 tries.');
  await summary.getByRole('button', { name: 'Retry the 3 checks I missed' }).click();
  await expect(summary).toContainText('3 checks start again. Your right answers are kept.');
  await expect(summary).toContainText('7 of 10 checks solved. Solve the rest to finish the lesson.');
  // Focus moves to the first check to redo, in page order.
  await expect(checkRegion(page, byId('start-here-four-questions-order'))).toBeFocused();
  await checkRegion(page, byId('start-here-new-assets')).scrollIntoViewIfNeeded();
  await expect(checkRegion(page, byId('start-here-new-assets')).getByRole('status')).toContainText(
    'Right at the first try.',
  );
  // One missed check answered wrong again: the summary says so instead of counting it as answered.
  const [again, ...others] = missedFirst;
  if (!again) throw new Error('no missed check');
  await answer(page, again, false);
  await expect(summary).toContainText('7 of 10 checks solved, 1 not yet right.');
  for (const id of [again, ...others]) {
    region = await answer(page, id, true);
    // Right now, but the first try was missed: retrying never turns it into a first-try success.
    await expect(region.getByRole('status')).toContainText(
      /Right (on the retry|after \d+ more tries) \(first try missed\)\./,
    );
  }
  await expect(summary).toContainText(
    `Lesson done: 7 of 10 right at the first try${credit > 0 ? ', 1 partly' : ''} (${percent}%).`,
  );
  await expect(summary.getByRole('listitem').filter({ hasText: 'first try missed' })).toHaveCount(3);
  await expect(summary.getByRole('link', { name: /^Next: STRIDE foundations/ })).toBeVisible();

  await page.reload();
  await summary.scrollIntoViewIfNeeded();
  await expect(summary).toContainText('Lesson done: 7 of 10');
  await page.goto('learn/');
  await expect(card).toContainText(`Done · best ${percent}%`);
  await page.goto('progress/');
  await expect(page.getByRole('row', { name: /Start here/ })).toContainText('Done');
});

test('a keyboard user answers a check without a mouse', async ({ page }) => {
  await page.goto(LESSON);
  const question = byId('start-here-probabilistic');
  if (question.type !== 'single') throw new Error('expected a single-choice question');
  const region = checkRegion(page, question);
  await region.scrollIntoViewIfNeeded();
  const first = region.getByRole('radio').first();
  await expect(first).toBeEnabled();
  // Everyone sees the same fixed shuffle (lettered A, B, C…; the letter is not part of the name).
  const shown = displayOrder(question);
  await expect(first).toHaveAccessibleName(new RegExp(`^${escape(question.options[shown[0] ?? 0]?.text ?? '')}`));
  await first.focus();
  await page.keyboard.press('Space');
  // Options are shown in a fixed shuffle: find where the right one is displayed.
  const shownAt = displayOrder(question).indexOf(question.answer);
  for (let i = 0; i < shownAt; i++) await page.keyboard.press('ArrowDown');
  await expect(region.getByRole('radio').nth(shownAt)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(region.getByRole('button', { name: 'Check', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(region.getByRole('status')).toContainText('Right at the first try.');
});

test('a half-typed text answer survives a reload, and a check asks for input before grading', async ({ page }) => {
  await page.goto(LESSON);
  const question = byId('start-here-threat-shape');
  const region = checkRegion(page, question);
  await region.scrollIntoViewIfNeeded();
  await expect(region.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
  await region.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(region.getByRole('status')).toContainText('Write a sentence or two first.');
  const typed = '<img src=x onerror="document.title=1"> the asset, the attacker';
  await region.getByRole('textbox', { name: 'Your answer' }).fill(typed);
  await page.reload();
  await region.scrollIntoViewIfNeeded();
  await expect(region.getByRole('textbox', { name: 'Your answer' })).toHaveValue(typed);
  await expect(page.locator('.quiz-check img')).toHaveCount(0);
  const classify = checkRegion(page, byId('start-here-inference-leaks'));
  await classify.scrollIntoViewIfNeeded();
  await classify.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(classify.getByRole('status')).toContainText('Place every item first (3 left).');
});

test('corrupt saved answers are moved aside with a notice, and the checks start fresh', async ({ page }) => {
  await page.goto(LESSON);
  await page.evaluate(
    (key) => localStorage.setItem(key, '{"checks":{"start-here-editions":{"response":"<b>x</b>","tries":-4}}}'),
    QUIZ_KEY,
  );
  await page.reload();
  const question = byId('start-here-editions');
  const region = checkRegion(page, question);
  await region.scrollIntoViewIfNeeded();
  await expect(page.getByText(/lesson check answers/)).toBeVisible();
  await expect(region.getByRole('checkbox').first()).toBeEnabled();
  const stored = await dumpStorage(page);
  expect(stored[QUIZ_KEY]).toBeUndefined();
  expect(Object.keys(stored).some((key) => key.startsWith('aitm:quarantine:quiz:lessons/beginner/start-here@'))).toBe(
    true,
  );
  await answer(page, question.id, true);
  await expect(region.getByRole('status')).toContainText('Right at the first try.');
});

test('an answer given in one tab shows in the other open tab', async ({ page, context }) => {
  await page.goto(LESSON);
  const other = await context.newPage();
  await other.goto(LESSON);
  const question = byId('start-here-black-box-mistake');
  await answer(page, question.id, true);
  const mirrored = checkRegion(other, question);
  await mirrored.scrollIntoViewIfNeeded();
  await expect(mirrored.getByRole('status')).toContainText('Right at the first try.');
});

test('an order question accepts the stated alternative and shows which steps may swap', async ({ page }) => {
  await page.goto('learn/intermediate/owasp-top-10s/');
  const questions = YAML.parse(readFileSync('content/questions/owasp-top-10s.yaml', 'utf8')) as QuestionData[];
  const question = questions.find((q) => q.id === 'owasp-top-10s-workflow');
  if (question?.type !== 'order' || !question.either?.[0]) throw new Error('expected an order question with a swap');
  const [a, b] = question.either[0];
  const swapped = [...question.items];
  [swapped[a], swapped[b]] = [question.items[b] ?? '', question.items[a] ?? ''];
  const region = checkRegion(page, question);
  await region.scrollIntoViewIfNeeded();
  await expect(region.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
  await arrange(region, swapped);
  await region.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(region.getByRole('status')).toContainText('Right at the first try.');
  await expect(region.getByText(`Steps ${a + 1} and ${b + 1} may go either way.`)).toBeVisible();
});
