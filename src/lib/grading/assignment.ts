/**
 * Optimal assignment (the Hungarian method): pair rows of a learner's answer with expected
 * items so the total value is as high as possible, each row and each item used at most once.
 * Pairs of value 0 count as unassigned.
 */

/**
 * `value[i][j]` is what pairing item i with row j is worth (>= 0). Returns, for each item i, the
 * row it gets, or -1.
 */
export function assignMaximum(value: readonly (readonly number[])[], rowCount: number): number[] {
  const items = value.length;
  if (items === 0) return [];
  // The method assigns every "left" vertex, so pad the right side up to the number of items.
  const cols = Math.max(rowCount, items);
  const INF = Number.POSITIVE_INFINITY;
  const cost = (i: number, j: number) => -(j < rowCount ? (value[i]?.[j] ?? 0) : 0);
  // 1-based arrays, as in the classic formulation.
  const u = new Array<number>(items + 1).fill(0);
  const v = new Array<number>(cols + 1).fill(0);
  const match = new Array<number>(cols + 1).fill(0);
  const way = new Array<number>(cols + 1).fill(0);
  for (let i = 1; i <= items; i++) {
    match[0] = i;
    let j0 = 0;
    const minv = new Array<number>(cols + 1).fill(INF);
    const used = new Array<boolean>(cols + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = match[j0] as number;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const current = cost(i0 - 1, j - 1) - (u[i0] as number) - (v[j] as number);
        if (current < (minv[j] as number)) {
          minv[j] = current;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[match[j] as number] = (u[match[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else {
          minv[j] = (minv[j] as number) - delta;
        }
      }
      j0 = j1;
    } while ((match[j0] as number) !== 0);
    do {
      const j1 = way[j0] as number;
      match[j0] = match[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(items).fill(-1);
  for (let j = 1; j <= cols; j++) {
    const i = (match[j] as number) - 1;
    if (i >= 0 && j - 1 < rowCount && (value[i]?.[j - 1] ?? 0) > 0) result[i] = j - 1;
  }
  return result;
}
