import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { gradeChoice } from '../../src/lib/quiz/choice-check';
import { emptyResponse, fitsQuestion, initialOrder, missingInput, type Question } from '../../src/lib/quiz/questions';
import {
  canShow,
  parseQuizRecord,
  summarize,
  withCheck,
  withResponse,
  withRetry,
  withShown,
  type QuizRecord,
} from '../../src/lib/quiz/record';
import { gradeText } from '../../src/lib/quiz/text-check';
import { progressOf } from '../../src/stores/progress-actions';
import { quizStore } from '../../src/stores/quiz';
import { resetItems } from '../../src/stores/progress-reset';
import { readEntry, useStorageEngine } from '../../src/stores/storage';
import { flushWrites } from '../../src/stores/deferred-writes';
import { currentNotices, dismissNotice } from '../../src/stores/notices';
import { createTestEngine, createTestEvents } from './helpers/storage';

const explanation = 'Because this is how it works.';
const single: Question = {
  id: 'q-single',
  type: 'single',
  prompt: 'Which one?',
  explanation,
  options: [{ text: 'Alpha' }, { text: 'Beta' }, { text: 'Gamma' }],
  answer: 1,
};
const multiple: Question = {
  id: 'q-multiple',
  type: 'multiple',
  prompt: 'Which ones?',
  explanation,
  options: [{ text: 'Alpha' }, { text: 'Beta' }, { text: 'Gamma' }, { text: 'Delta' }],
  answer: [0, 2],
};
const order: Question = {
  id: 'q-order',
  type: 'order',
  prompt: 'In order?',
  explanation,
  items: ['One', 'Two', 'Three', 'Four'],
};
const classify: Question = {
  id: 'q-classify',
  type: 'classify',
  prompt: 'Sort these.',
  explanation,
  categories: ['Tampering', 'Information disclosure'],
  items: [
    { text: 'Poisoned labels', category: 0 },
    { text: 'Membership inference', category: 1 },
    { text: 'Swapped model file', category: 0 },
  ],
};
const text: Question = {
  id: 'q-text',
  type: 'text',
  prompt: 'Explain.',
  explanation,
  concepts: [
    ['poisoning', 'poisoned', 'mislabel'],
    ['training data', 'labels'],
  ],
  model: 'An attacker poisons the training data.',
};

describe('grading checks', () => {
  it('grades a single choice and marks only the chosen option', () => {
    expect(gradeChoice(single, 1)).toMatchObject({ correct: true, marks: [null, 'right', null] });
    expect(gradeChoice(single, 2)).toMatchObject({ correct: false, marks: [null, null, 'wrong'] });
  });

  it('grades several choices: all right ones and nothing else', () => {
    expect(gradeChoice(multiple, [0, 2]).correct).toBe(true);
    const partial = gradeChoice(multiple, [0, 3]);
    expect(partial.correct).toBe(false);
    expect(partial.marks).toEqual(['right', null, null, 'wrong']);
    expect(partial.summary).toBe('You chose 1 of the 2 correct options and 1 option that does not belong.');
    expect(gradeChoice(multiple, [0, 1, 2]).correct).toBe(false);
  });

  it('grades an order by position and a classification by item', () => {
    expect(gradeChoice(order, [0, 1, 2, 3]).correct).toBe(true);
    const swapped = gradeChoice(order, [1, 0, 2, 3]);
    expect(swapped.marks).toEqual(['wrong', 'wrong', 'right', 'right']);
    expect(swapped.summary).toBe('2 of 4 items are in the right place.');
    expect(gradeChoice(classify, [0, 1, 0]).correct).toBe(true);
    expect(gradeChoice(classify, [0, 0, 0]).summary).toBe('2 of 3 items are in the right category.');
  });

  it('grades free text by concepts, tolerating typos and refusing negations', () => {
    expect(gradeText(text as Extract<Question, { type: 'text' }>, 'Someone posioned the trainig data').correct).toBe(
      true,
    );
    const half = gradeText(text as Extract<Question, { type: 'text' }>, 'The labels were changed');
    expect(half).toMatchObject({ correct: false, covered: [false, true] });
    expect(
      gradeText(text as Extract<Question, { type: 'text' }>, 'There was no poisoning of the training data').correct,
    ).toBe(false);
  });

  it('asks for input before checking', () => {
    expect(missingInput(single, -1)).toBe('Choose an answer first.');
    expect(missingInput(multiple, [])).toBe('Choose at least one answer first.');
    expect(missingInput(classify, [0, -1, -1])).toBe('Place every item first (2 left).');
    expect(missingInput(text, 'poison')).toBe('Write a sentence or two first.');
    expect(missingInput(order, emptyResponse(order))).toBeNull();
  });

  it('drops a saved response that no longer fits the question', () => {
    expect(fitsQuestion(single, 5)).toBe(false);
    expect(fitsQuestion(multiple, [0, 0])).toBe(false);
    expect(fitsQuestion(order, [0, 1, 2])).toBe(false);
    expect(fitsQuestion(classify, [0, 1, 2])).toBe(false);
    expect(fitsQuestion(text, 'x'.repeat(5000))).toBe(false);
    for (const q of [single, multiple, order, classify, text]) expect(fitsQuestion(q, emptyResponse(q))).toBe(true);
  });

  it('shuffles an order question the same way every time, never already solved (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 2, max: 8 }), (id, count) => {
        const shown = initialOrder(id, count);
        expect(initialOrder(id, count)).toEqual(shown);
        expect([...shown].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
        expect(shown.every((v, i) => v === i)).toBe(false);
      }),
    );
  });

  it('a multiple-choice verdict is right exactly when the chosen set equals the answer (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }), (chosen) => {
        const expected = chosen.length === 2 && chosen.includes(0) && chosen.includes(2);
        expect(gradeChoice(multiple, chosen).correct).toBe(expected);
      }),
    );
  });
});

describe('the answers record', () => {
  it('counts first tries, later tries and shown answers, and names what was missed', () => {
    let record: QuizRecord = { checks: {} };
    const set = (id: string, state: QuizRecord['checks'][string] | undefined) => {
      if (state) record = { checks: { ...record.checks, [id]: state } };
    };
    set('a', withCheck(undefined, 1, true));
    set('b', withCheck(withCheck(undefined, 0, false), 1, true));
    let c = withCheck(undefined, 0, false);
    expect(canShow(c)).toBe(false);
    c = withCheck(c, 2, false);
    expect(canShow(c)).toBe(true);
    set('c', withShown(c));
    set('d', withCheck(undefined, 0, false));
    expect(summarize(record, ['a', 'b', 'c', 'd', 'e'])).toEqual({
      total: 5,
      solved: 3,
      first: 1,
      later: 1,
      shown: 1,
      score: 0.2,
      done: false,
      missed: ['b', 'c', 'd'],
    });
    const retried = withRetry(record, ['a', 'b', 'c', 'd', 'e']);
    expect(Object.keys(retried.checks)).toEqual(['a']);
  });

  it('locks a solved check and does not allow showing the answer before two tries', () => {
    const solved = withCheck(undefined, 1, true);
    expect(withResponse(solved, 2)).toBe(solved);
    expect(withCheck(solved, 2, false)).toBe(solved);
    const once = withCheck(undefined, 0, false);
    expect(withShown(once)).toBe(once);
  });

  it('accepts what it writes and rejects anything else', () => {
    const good = { checks: { 'q-one': { response: [0, 2], tries: 2, last: 'right', outcome: 'later' } } };
    expect(parseQuizRecord(good)).toEqual(good);
    expect(
      parseQuizRecord({ checks: { 'q-one': { response: 'x', tries: -1, last: null, outcome: null } } }),
    ).toBeNull();
    expect(parseQuizRecord({ checks: { 'Bad Id': { response: 0, tries: 0, last: null, outcome: null } } })).toBeNull();
    expect(
      parseQuizRecord({ checks: { 'q-one': { response: 0, tries: 0, last: null, outcome: 'perfect' } } }),
    ).toBeNull();
    expect(parseQuizRecord({ checks: {}, extra: 1 })).toBeNull();
    expect(
      parseQuizRecord(JSON.parse('{"checks":{"__proto__":{"response":0,"tries":0,"last":null,"outcome":null}}}')),
    ).toBeNull();
    expect(
      parseQuizRecord({ checks: { 'q-one': { response: 'x'.repeat(2000), tries: 0, last: null, outcome: null } } }),
    ).toBeNull();
  });
});

describe('the lesson quiz store', () => {
  beforeEach(() => {
    useStorageEngine(createTestEngine(), createTestEvents());
    for (const notice of currentNotices()) dismissNotice(notice.id);
  });

  it('saves answers and marks the lesson done with its first-try score when the last check is solved', () => {
    const item = 'lessons/beginner/quiz-store-test';
    const store = quizStore(item, ['x', 'y']);
    const unsubscribe = store.$record.listen(() => undefined);
    store.check('x', 1, true);
    expect(progressOf(item).status).not.toBe('done');
    store.check('y', 0, false);
    store.check('y', 1, true);
    expect(progressOf(item)).toMatchObject({ status: 'done', bestScore: 0.5, attempts: 1 });
    expect(readEntry(`quiz:${item}`)).toEqual(store.$record.get());
    expect(store.retryMissed()).toBe(1);
    store.check('y', 1, true);
    expect(progressOf(item)).toMatchObject({ status: 'done', bestScore: 1, attempts: 2 });
    store.respond('x', 0);
    flushWrites();
    expect((readEntry(`quiz:${item}`) as QuizRecord).checks['x']?.response).toBe(1);
    unsubscribe();
  });

  it('forgets the answers when the lesson is reset from the Progress page', () => {
    const item = 'lessons/beginner/quiz-reset-test';
    const store = quizStore(item, ['x']);
    const unsubscribe = store.$record.listen(() => undefined);
    store.check('x', 1, true);
    expect(readEntry(`quiz:${item}`)).toBeDefined();
    resetItems([item]);
    expect(readEntry(`quiz:${item}`)).toBeUndefined();
    expect(store.$record.get().checks).toEqual({});
    unsubscribe();
  });
});
