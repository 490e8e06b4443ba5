import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deck, Flashcard } from '../../src/lib/srs/decks';
import type { GradeName } from '../../src/lib/srs/schedule';
import {
  currentCard,
  initialSession,
  ratable,
  sessionReducer,
  type Action,
  type State,
} from '../../src/lib/srs/session';

const card = (id: string): Flashcard => ({ id, front: `front ${id}`, back: `back ${id}` });
const CARDS = ['a', 'b', 'c'].map(card);
const DECK: Deck = { id: 'concepts', title: 'Concepts', description: '', cards: CARDS };

const run = (actions: readonly Action[], from: State = initialSession()): State => actions.reduce(sessionReducer, from);
const studying = (queue: readonly Flashcard[] = CARDS) =>
  run([
    { type: 'load', deck: DECK.id },
    { type: 'start', deck: DECK, queue },
  ]);
const ids = (state: State) => state.session?.queue.map((c) => c.id);

describe('the flashcard session: loading', () => {
  it('marks the deck as loading and forgets the last finished session', () => {
    const finished: State = { ...initialSession(), finished: { deck: 'x', reviewed: 3 } };
    const state = sessionReducer(finished, { type: 'load', deck: DECK.id });
    expect(state.loading).toBe(DECK.id);
    expect(state.finished).toBeNull();
  });

  it('starts on the first card of the queue, answer hidden', () => {
    const state = studying();
    expect(state.loading).toBeNull();
    expect(currentCard(state)?.id).toBe('a');
    expect(state.session?.flipped).toBe(false);
    expect(state.session?.done).toBe(0);
  });

  it('does not start a session with nothing due', () => {
    const state = studying([]);
    expect(state.session).toBeNull();
    expect(state.loading).toBeNull();
  });

  it('ignores a deck that arrives when nothing is loading', () => {
    expect(sessionReducer(initialSession(), { type: 'start', deck: DECK, queue: CARDS }).session).toBeNull();
  });

  it('stops loading when the deck could not be loaded', () => {
    expect(run([{ type: 'load', deck: DECK.id }, { type: 'failed' }]).loading).toBeNull();
  });
});

describe('the flashcard session: flipping and rating', () => {
  it('has nothing to rate before the answer shows', () => {
    const state = studying();
    expect(ratable(state)).toBeNull();
    expect(sessionReducer(state, { type: 'rate', grade: 'good' })).toBe(state);
  });

  it('shows the answer once, and the shown card is the one to rate', () => {
    const state = run([{ type: 'flip' }, { type: 'flip' }], studying());
    expect(state.session?.flipped).toBe(true);
    expect(ratable(state)?.id).toBe('a');
  });

  it('moves to the next card, hidden, after a rating', () => {
    const state = run([{ type: 'flip' }, { type: 'rate', grade: 'good' }], studying());
    expect(ids(state)).toEqual(['b', 'c']);
    expect(state.session?.flipped).toBe(false);
    expect(state.session?.done).toBe(1);
  });

  it('rates a card once even when two ratings arrive before the next flip', () => {
    const state = run([{ type: 'flip' }, { type: 'rate', grade: 'good' }, { type: 'rate', grade: 'easy' }], studying());
    expect(ids(state)).toEqual(['b', 'c']);
    expect(state.session?.done).toBe(1);
  });

  it('brings a card rated Again back at the end, once', () => {
    const once = run([{ type: 'flip' }, { type: 'rate', grade: 'again' }], studying());
    expect(ids(once)).toEqual(['b', 'c', 'a']);
    const twice = run(
      [
        { type: 'flip' },
        { type: 'rate', grade: 'good' },
        { type: 'flip' },
        { type: 'rate', grade: 'good' },
        { type: 'flip' },
        { type: 'rate', grade: 'again' },
      ],
      once,
    );
    expect(twice.session).toBeNull();
    expect(twice.finished).toEqual({ deck: DECK.id, reviewed: 4 });
  });

  it('finishes with the number of cards reviewed after the last rating', () => {
    const state = run([{ type: 'flip' }, { type: 'rate', grade: 'hard' }], studying([card('a')]));
    expect(state.session).toBeNull();
    expect(state.finished).toEqual({ deck: DECK.id, reviewed: 1 });
  });

  it('ends early without counting the session as finished', () => {
    const state = run([{ type: 'flip' }, { type: 'rate', grade: 'good' }, { type: 'end' }], studying());
    expect(state.session).toBeNull();
    expect(state.finished).toBeNull();
  });
});

describe('the flashcard session: invariants (property)', () => {
  const grade = fc.constantFrom<GradeName>('again', 'hard', 'good', 'easy');
  const action: fc.Arbitrary<Action> = fc.oneof(
    { weight: 3, arbitrary: fc.constant({ type: 'flip' as const }) },
    { weight: 4, arbitrary: grade.map((g) => ({ type: 'rate' as const, grade: g })) },
    { weight: 1, arbitrary: fc.constant({ type: 'end' as const }) },
  );

  it('applies a rating only to a shown card, once per showing, and never more than twice a card', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }),
        fc.array(action, { maxLength: 60 }),
        (numbers, actions) => {
          let state = studying(numbers.map((n) => card(`c${n}`)));
          const ratings = new Map<string, number>();
          let rated = 0;
          for (const a of actions) {
            const before = state;
            state = sessionReducer(state, a);
            if (a.type !== 'rate' || state === before) continue;
            const shown = ratable(before);
            expect(shown).not.toBeNull();
            const id = shown?.id ?? '';
            ratings.set(id, (ratings.get(id) ?? 0) + 1);
            rated++;
            expect(ratable(state)).toBeNull();
            expect(state.session?.done ?? state.finished?.reviewed).toBe(rated);
          }
          for (const count of ratings.values()) expect(count).toBeLessThanOrEqual(2);
          expect(rated).toBeLessThanOrEqual(numbers.length * 2);
        },
      ),
      { numRuns: 300 },
    );
  });
});
