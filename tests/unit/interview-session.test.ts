import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../src/lib/interview/coverage';
import {
  clampWhole,
  completeRatings,
  elapsedAt,
  hasNext,
  initialSession,
  mockIdAt,
  pickQueue,
  remaining,
  sessionReducer,
  shuffle,
  type Action,
  type State,
} from '../../src/lib/interview/session';

const T0 = Date.parse('2026-11-26T10:00:00Z');
const COVERAGE: Coverage = {
  points: [{ label: 'A point', covered: true }],
  share: 1,
  words: 40,
  explainedLines: 3,
  keywordList: false,
  structured: true,
  summary: 'Good.',
};
const AT = '2026-11-26T10:02:00.000Z';

const run = (actions: readonly Action[], from: State = initialSession()): State => actions.reduce(sessionReducer, from);
const started = (queue: string[], mockId: string | null = null) => run([{ type: 'start', queue, mockId, now: T0 }]);
const submitted = (state: State, now = T0 + 60_000) =>
  sessionReducer(state, { type: 'submitted', coverage: COVERAGE, at: AT, now });

describe('the interview session: setup', () => {
  it('starts on the setup form with the default settings and a preselected question', () => {
    const state = initialSession('stride-nlp-system');
    expect(state.phase).toEqual({ kind: 'setup' });
    expect(state.settings).toEqual({
      mode: 'drill',
      level: 'any',
      topic: 'any',
      chosen: 'stride-nlp-system',
      count: 3,
      minutes: 4,
    });
  });

  it('clamps the question count and the minutes to whole numbers in range', () => {
    const state = run([{ type: 'configure', settings: { count: 42, minutes: 0 } }]);
    expect(state.settings.count).toBe(10);
    expect(state.settings.minutes).toBe(1);
    expect(clampWhole(Number.NaN, 1, 20)).toBe(1);
    expect(clampWhole(2.6, 1, 20)).toBe(3);
  });

  it('ignores a settings change once a session is running', () => {
    const state = sessionReducer(started(['a']), { type: 'configure', settings: { minutes: 9 } });
    expect(state.settings.minutes).toBe(4);
  });

  it('does not start without questions', () => {
    const state = started([]);
    expect(state.phase.kind).toBe('setup');
  });
});

describe('the interview session: choosing questions', () => {
  const pool = ['a', 'b', 'c', 'd', 'e'];
  const settings = initialSession().settings;

  it('asks only the chosen question in a drill with one chosen', () => {
    expect(pickQueue({ ...settings, chosen: 'c' }, pool, () => 0)).toEqual(['c']);
  });

  it('asks the whole pool, shuffled, in a drill with none chosen', () => {
    expect(pickQueue(settings, pool, () => 0)).toEqual(['b', 'c', 'd', 'e', 'a']);
  });

  it('asks `count` questions of the pool in a mock, even when one is chosen', () => {
    expect(pickQueue({ ...settings, mode: 'mock', chosen: 'c', count: 2 }, pool, () => 0.999)).toEqual(['a', 'b']);
  });

  it('shuffles into a permutation of its input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string()),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1 }),
        (items, draws) => {
          let i = 0;
          const out = shuffle(items, () => draws[i++ % draws.length] ?? 0);
          expect([...out].sort()).toEqual([...items].sort());
        },
      ),
    );
  });

  it('names a mock interview after its start time', () => {
    expect(mockIdAt(T0)).toBe(`mock-${T0.toString(36)}`);
  });
});

describe('the interview session: answering', () => {
  it('starts at the first question with an empty answer and a running timer', () => {
    const state = started(['a', 'b'], 'mock-x');
    expect(state.phase).toEqual({ kind: 'answer' });
    expect(state.position).toBe(0);
    expect(state.mockId).toBe('mock-x');
    expect(state.answer).toBe('');
    expect(state.timer).toEqual({ since: T0, before: 0 });
  });

  it('counts the seconds since the start on each tick', () => {
    const state = sessionReducer(started(['a']), { type: 'tick', now: T0 + 90_500 });
    expect(state.elapsed).toBe(90.5);
    expect(remaining(state)).toBe(4 * 60 - 90.5);
  });

  it('leaves a paused stretch out of the time', () => {
    const state = run(
      [
        { type: 'pause', now: T0 + 30_000 },
        { type: 'tick', now: T0 + 90_000 },
        { type: 'resume', now: T0 + 120_000 },
        { type: 'tick', now: T0 + 130_000 },
      ],
      started(['a']),
    );
    expect(state.elapsed).toBe(40);
  });

  it('ignores typing while paused, as the answer box is locked', () => {
    const state = run(
      [
        { type: 'type', answer: 'before' },
        { type: 'pause', now: T0 },
        { type: 'type', answer: 'during' },
      ],
      started(['a']),
    );
    expect(state.answer).toBe('before');
  });

  it('stops the timer at the moment of submitting and shows the feedback', () => {
    const state = submitted(started(['a']), T0 + 75_000);
    expect(state.phase).toEqual({ kind: 'feedback', coverage: COVERAGE, attemptAt: AT });
    expect(state.elapsed).toBe(75);
    expect(sessionReducer(state, { type: 'tick', now: T0 + 200_000 }).elapsed).toBe(75);
  });

  it('reads the time at any moment without a tick', () => {
    expect(elapsedAt(started(['a']), T0 + 12_000)).toBe(12);
    expect(elapsedAt(initialSession(), T0)).toBe(0);
  });
});

describe('the interview session: feedback and what follows', () => {
  it('takes self-ratings only in the feedback, and they are complete only with all five criteria', () => {
    expect(sessionReducer(started(['a']), { type: 'rate', criterion: 'depth', score: 3 }).self).toEqual({});
    const partial = run([{ type: 'rate', criterion: 'structure', score: 4 }], submitted(started(['a'])));
    expect(completeRatings(partial.self)).toBeNull();
    const full = run(
      [
        { type: 'rate', criterion: 'accuracy', score: 3 },
        { type: 'rate', criterion: 'depth', score: 4 },
        { type: 'rate', criterion: 'practicality', score: 2 },
        { type: 'rate', criterion: 'communication', score: 4 },
      ],
      partial,
    );
    expect(completeRatings(full.self)).toEqual({
      structure: 4,
      accuracy: 3,
      depth: 4,
      practicality: 2,
      communication: 4,
    });
  });

  it('moves to the next question with a fresh answer, timer and ratings', () => {
    const feedback = run(
      [
        { type: 'type', answer: 'my answer' },
        { type: 'rate', criterion: 'depth', score: 5 },
      ],
      submitted(started(['a', 'b'])),
    );
    expect(hasNext(feedback)).toBe(true);
    const state = sessionReducer(feedback, { type: 'next', now: T0 + 300_000 });
    expect(state.phase).toEqual({ kind: 'answer' });
    expect(state.position).toBe(1);
    expect(state.answer).toBe('');
    expect(state.self).toEqual({});
    expect(state.elapsed).toBe(0);
    expect(state.timer).toEqual({ since: T0 + 300_000, before: 0 });
  });

  it('ends a drill on the setup form, keeping the settings', () => {
    const configured = run([{ type: 'configure', settings: { minutes: 7 } }]);
    const state = sessionReducer(submitted(run([{ type: 'start', queue: ['a'], mockId: null, now: T0 }], configured)), {
      type: 'next',
      now: T0,
    });
    expect(state.phase).toEqual({ kind: 'setup' });
    expect(state.settings.minutes).toBe(7);
  });

  it('ends a mock interview on its summary, and the summary returns to setup', () => {
    const summary = sessionReducer(submitted(started(['a'], 'mock-x')), { type: 'next', now: T0 });
    expect(summary.phase).toEqual({ kind: 'summary', mockId: 'mock-x' });
    expect(sessionReducer(summary, { type: 'done' }).phase).toEqual({ kind: 'setup' });
  });

  it('ignores "next" before the answer is submitted', () => {
    const state = started(['a', 'b']);
    expect(sessionReducer(state, { type: 'next', now: T0 })).toBe(state);
  });
});

describe('the interview session: invariants (property)', () => {
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({
      type: fc.constant('start' as const),
      queue: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 4 }),
      mockId: fc.constantFrom(null, 'mock-x'),
      now: fc.integer({ min: 0, max: 1e7 }),
    }),
    fc.record({
      type: fc.constantFrom('tick' as const, 'pause' as const, 'resume' as const, 'next' as const),
      now: fc.integer({ min: 0, max: 1e7 }),
    }),
    fc.record({
      type: fc.constant('submitted' as const),
      coverage: fc.constant(COVERAGE),
      at: fc.constant(AT),
      now: fc.integer({ min: 0, max: 1e7 }),
    }),
    fc.record({ type: fc.constant('type' as const), answer: fc.string() }),
    fc.record({
      type: fc.constant('rate' as const),
      criterion: fc.constantFrom('structure' as const, 'depth' as const),
      score: fc.integer({ min: 1, max: 5 }),
    }),
    fc.constant({ type: 'done' as const }),
  );

  it('never counts negative time nor moves past the end of the queue, whatever the clock does', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let state = initialSession();
        for (const a of actions) {
          state = sessionReducer(state, a);
          expect(state.elapsed).toBeGreaterThanOrEqual(0);
          if (state.phase.kind === 'answer' || state.phase.kind === 'feedback')
            expect(state.position).toBeLessThan(state.queue.length);
          if (state.phase.kind === 'answer') expect(state.paused).toBe(state.timer === null);
        }
      }),
      { numRuns: 300 },
    );
  });
});
