import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignMaximum } from '../../src/lib/grading/assignment';

function total(value: number[][], assignment: number[]): number {
  return assignment.reduce((sum, row, item) => sum + (row >= 0 ? (value[item]?.[row] ?? 0) : 0), 0);
}

/** Best total by trying every assignment (small inputs only). */
function bruteForce(value: number[][], rows: number): number {
  const used = new Set<number>();
  const go = (item: number): number => {
    if (item === value.length) return 0;
    let best = go(item + 1);
    for (let r = 0; r < rows; r++) {
      if (used.has(r)) continue;
      used.add(r);
      best = Math.max(best, (value[item]?.[r] ?? 0) + go(item + 1));
      used.delete(r);
    }
    return best;
  };
  return go(0);
}

describe('optimal assignment', () => {
  it('prefers the pairing with the highest total, not the greedy one', () => {
    // Greedy would give item 0 row 0 (value 10) and leave item 1 with 1; the best is 9 + 8.
    expect(
      assignMaximum(
        [
          [10, 9],
          [8, 1],
        ],
        2,
      ),
    ).toEqual([1, 0]);
  });

  it('leaves an item unassigned when no row has value for it', () => {
    expect(
      assignMaximum(
        [
          [0, 0],
          [5, 0],
        ],
        2,
      ),
    ).toEqual([-1, 0]);
    expect(assignMaximum([[3], [4], [0]], 1)).toEqual([-1, 0, -1]);
  });

  it('finds the optimum, uses each row once, for any small matrix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((items) =>
          fc.integer({ min: 0, max: 5 }).chain((rows) =>
            fc.tuple(
              fc.constant(rows),
              fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: rows, maxLength: rows }), {
                minLength: items,
                maxLength: items,
              }),
            ),
          ),
        ),
        ([rows, value]) => {
          const assignment = assignMaximum(value, rows);
          const usedRows = assignment.filter((r) => r >= 0);
          expect(new Set(usedRows).size).toBe(usedRows.length);
          expect(total(value, assignment)).toBe(bruteForce(value, rows));
        },
      ),
    );
  });
});
