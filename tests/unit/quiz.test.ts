import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { gradeChoice } from '../../src/lib/quiz/choice-check';
import {
  displayOrder,
  emptyResponse,
  fitsQuestion,
  initialOrder,
  missingInput,
  type Question,
} from '../../src/lib/quiz/questions';
import {
  canShow,
  parseQuizRecord,
  summarize,
  withCheck,
  withResponse,
  withReset,
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

  it('grades an order by pairs, names the first pair the wrong way round, and a classification by item', () => {
    expect(gradeChoice(order, [0, 1, 2, 3])).toMatchObject({ correct: true, credit: 1 });
    const swapped = gradeChoice(order, [1, 0, 2, 3]);
    expect(swapped.marks).toEqual(['wrong', 'wrong', 'right', 'right']);
    expect(swapped.credit).toBeCloseTo(5 / 6);
    expect(swapped.summary).toBe('5 of 6 pairs of steps are in order. “One” belongs before “Two”.');
    const reversed = gradeChoice(order, [3, 2, 1, 0]);
    expect(reversed.credit).toBe(0);
    expect(reversed.summary).toBe('0 of 6 pairs of steps are in order. “Three” belongs before “Four”.');
    expect(gradeChoice(classify, [0, 1, 0]).correct).toBe(true);
    expect(gradeChoice(classify, [0, 0, 0]).summary).toBe('2 of 3 items are in the right category.');
  });

  it('accepts a stated alternative order, and marks against the accepted order nearest to the answer', () => {
    const either = { ...order, either: [[1, 2]] } as Extract<Question, { type: 'order' }>;
    expect(gradeChoice(either, [0, 2, 1, 3])).toMatchObject({
      correct: true,
      credit: 1,
      marks: ['right', 'right', 'right', 'right'],
    });
    expect(gradeChoice(either, [0, 1, 2, 3]).correct).toBe(true);
    // One is last: three pairs with One are out of order; Two and Three are free either way.
    const late = gradeChoice(either, [2, 1, 3, 0]);
    expect(late.correct).toBe(false);
    expect(late.credit).toBeCloseTo(3 / 6);
    expect(late.marks).toEqual(['wrong', 'wrong', 'wrong', 'wrong']);
    expect(late.summary).toContain('“One” belongs before “Four”');
  });

  it('order credit is the share of pairs in order: 1 only for the key, and the named pair is really inverted (property)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (shown, withEither) => {
          const items = ['s0', 's1', 's2', 's3', 's4', 's5'];
          const q = { ...order, items, ...(withEither ? { either: [[2, 3]] } : {}) } as Extract<
            Question,
            { type: 'order' }
          >;
          const verdict = gradeChoice(q, shown);
          const pos = (i: number) => shown.indexOf(i);
          let inOrder = 0;
          for (let a = 0; a < 6; a++)
            for (let b = a + 1; b < 6; b++) if (pos(a) < pos(b) || (withEither && a === 2 && b === 3)) inOrder++;
          expect(verdict.credit).toBeCloseTo(inOrder / 15);
          expect(verdict.correct).toBe(inOrder === 15);
          const named = /“(s\d)” belongs before “(s\d)”/.exec(verdict.summary);
          if (!verdict.correct) {
            expect(named).not.toBeNull();
            const [early, late] = [Number(named?.[1]?.slice(1)), Number(named?.[2]?.slice(1))];
            expect(early).toBeLessThan(late);
            expect(pos(late)).toBe(pos(early) - 1);
          }
        },
      ),
    );
  });

  it('shows options and classify items in a fixed shuffle that keeps every index, the same for everyone (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/), fc.integer({ min: 2, max: 8 }), (id, count) => {
        const q = {
          ...single,
          id,
          options: Array.from({ length: count }, (_, i) => ({ text: `Option ${i}` })),
          answer: 0,
        } as Question;
        const shown = displayOrder(q);
        expect(displayOrder(q)).toEqual(shown);
        expect([...shown].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
      }),
    );
    // Across many ids the first option lands in each place about equally often.
    const firsts = [0, 0, 0, 0];
    for (let n = 0; n < 400; n++) {
      const shown = displayOrder({
        ...single,
        id: `check-${n}`,
        options: [1, 2, 3, 4].map((i) => ({ text: `O${i}` })),
        answer: 0,
      } as Question);
      firsts[shown.indexOf(0)] = (firsts[shown.indexOf(0)] ?? 0) + 1;
    }
    for (const count of firsts) expect(count).toBeGreaterThan(70);
    expect(displayOrder(classify)).toHaveLength(3);
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
      partly: 0,
      later: 1,
      shown: 1,
      score: 0.2,
      done: false,
      missed: ['b', 'c', 'd'],
      notYet: 1,
    });
    const retried = withRetry(record, ['a', 'b', 'c', 'd', 'e']);
    expect(retried.checks['a']).toBe(record.checks['a']);
    for (const id of ['b', 'c', 'd'])
      expect(retried.checks[id]).toMatchObject({ tries: 0, last: null, outcome: null, firstTry: 'wrong' });
    // Solved right away now, a missed check still counts as solved later: the first try stays missed.
    expect(withCheck(retried.checks['b'], 1, true).outcome).toBe('later');
    expect(summarize(retried, ['a', 'b', 'c', 'd', 'e'])).toMatchObject({ first: 1, solved: 1, missed: [] });
  });

  it('keeps first-try accuracy through retries and resets (property)', () => {
    type Step = { id: 'p' | 'q' | 'r'; op: 'right' | 'wrong' | 'retry' | 'reset' | 'show' };
    const step = fc.record({
      id: fc.constantFrom<Step['id']>('p', 'q', 'r'),
      op: fc.constantFrom<Step['op']>('right', 'wrong', 'retry', 'reset', 'show'),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const ids = ['p', 'q', 'r'];
        let record: QuizRecord = { checks: {} };
        const firstTries = new Map<string, boolean>();
        for (const { id, op } of steps) {
          const state = record.checks[id];
          if (op === 'retry') record = withRetry(record, ids);
          else if (op === 'reset') record = withReset(record, id);
          else if (op === 'show') {
            const shown = withShown(state);
            if (shown) record = { checks: { ...record.checks, [id]: shown } };
          } else {
            if (!state?.outcome && !firstTries.has(id)) firstTries.set(id, op === 'right');
            record = { checks: { ...record.checks, [id]: withCheck(state, 0, op === 'right') } };
          }
          const summary = summarize(record, ids);
          // "first" only ever for a check whose very first try was right.
          for (const check of ids)
            if (record.checks[check]?.outcome === 'first') expect(firstTries.get(check)).toBe(true);
          expect(summary.first).toBeLessThanOrEqual([...firstTries.values()].filter(Boolean).length);
          expect(parseQuizRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
        }
      }),
    );
  });

  it('keeps the partial credit of a first try and counts it in the lesson score, not that of later tries', () => {
    const partly = withCheck(undefined, [1, 0, 2], false, 2 / 3);
    expect(partly.credit).toBeCloseTo(2 / 3);
    const solvedLater = withCheck(partly, [0, 1, 2], true, 1);
    expect(solvedLater).toMatchObject({ outcome: 'later', credit: partly.credit });
    expect(withCheck(withCheck(undefined, 0, false, 0), 1, false, 0.5).credit).toBeUndefined();
    expect(withCheck(undefined, 0, true, 1).credit).toBeUndefined();
    const record: QuizRecord = { checks: { a: withCheck(undefined, 1, true), b: solvedLater } };
    const summary = summarize(record, ['a', 'b']);
    expect(summary).toMatchObject({ first: 1, partly: 1, later: 1, done: true });
    expect(summary.score).toBeCloseTo((1 + 2 / 3) / 2);
    expect(parseQuizRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
    for (const credit of [0, 1, 1.5, -0.1, '0.5', null])
      expect(parseQuizRecord({ checks: { b: { ...solvedLater, credit } } })).toBeNull();
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
    // Solving the missed check again does not turn it into a first-try success.
    expect(progressOf(item)).toMatchObject({ status: 'done', bestScore: 0.5, attempts: 2 });
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
