import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertNever } from '../../src/lib/assert-never';
import { MAX_TEXT } from '../../src/lib/quiz/record';
import {
  chosenOptions,
  indexList,
  moveItem,
  placeItem,
  textOf,
  textResponse,
  toggleOption,
} from '../../src/lib/quiz/responses';

describe('choice responses', () => {
  it('reads no option from an unanswered single choice', () => {
    expect(chosenOptions(-1)).toEqual([]);
  });

  it('reads the option of a single choice and the options of a multiple choice', () => {
    expect(chosenOptions(2)).toEqual([2]);
    expect(chosenOptions([0, 3])).toEqual([0, 3]);
  });

  it('ticks an option into option order and unticks it again', () => {
    expect(toggleOption([3], 1, true)).toEqual([1, 3]);
    expect(toggleOption([1, 3], 3, false)).toEqual([1]);
  });

  it('keeps a multiple-choice response sorted and free of repeats, whatever is ticked (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.boolean())), (clicks) => {
        const picked = clicks.reduce<number[]>((acc, [i, on]) => toggleOption(acc, i, on), []);
        expect(picked).toEqual([...new Set(picked)].sort((a, b) => a - b));
        for (const [i] of clicks) expect(picked.includes(i)).toBe(clicks.filter(([j]) => j === i).at(-1)?.[1]);
      }),
    );
  });
});

describe('order responses', () => {
  it('swaps an item with its neighbour, leaving the input as it was', () => {
    const order = [2, 0, 1];
    expect(moveItem(order, 0, 1)).toEqual([0, 2, 1]);
    expect(order).toEqual([2, 0, 1]);
  });

  it('ignores a move past either end', () => {
    expect(moveItem([0, 1], 0, -1)).toEqual([0, 1]);
    expect(moveItem([0, 1], 1, 2)).toEqual([0, 1]);
  });

  it('always holds the same items after any moves (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.tuple(fc.nat(9), fc.boolean())), (n, moves) => {
        const start = Array.from({ length: n }, (_, i) => i);
        const end = moves.reduce((order, [from, up]) => moveItem(order, from, up ? from - 1 : from + 1), start);
        expect([...end].sort((a, b) => a - b)).toEqual(start);
      }),
    );
  });

  it('reads no items from a response that is not a list', () => {
    expect(indexList('text')).toEqual([]);
    expect(indexList(3)).toEqual([]);
  });
});

describe('classify responses', () => {
  it('places one item in a category and leaves the others', () => {
    expect(placeItem([-1, -1, 2], 1, 0)).toEqual([-1, 0, 2]);
  });
});

describe('free-text responses', () => {
  it('keeps at most the longest answer stored', () => {
    expect(textResponse('x'.repeat(MAX_TEXT + 5))).toHaveLength(MAX_TEXT);
  });

  it('reads no text from a choice response', () => {
    expect(textOf(2)).toBe('');
    expect(textOf('an answer')).toBe('an answer');
  });
});

describe('exhaustive switches', () => {
  it('throw when data the types rule out reaches the default branch', () => {
    expect(() => assertNever('essay' as never)).toThrow('Unexpected value: "essay"');
  });
});
