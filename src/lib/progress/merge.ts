/**
 * Three-way merge of two edited copies of the same saved value (two tabs on one exercise): what
 * only one side changed is taken from that side, lists of rows merge row by row, and a field both
 * sides changed differently keeps this tab's version and is reported, with the other tab's value,
 * so the learner can choose. Nothing either side added is dropped.
 */

/** How to find an element of a list again: by an id field, or by its whole content. */
type Identity = (item: unknown) => string;

/** One step into a value: an object key, or a list element by identity. */
export type PathStep = { key: string } | { element: string; identity: Identity };

/** A field both sides changed: this tab's value was kept; `theirs` is the other tab's. */
export interface Conflict {
  path: PathStep[];
  theirs: unknown;
}

export interface Merged {
  value: unknown;
  conflicts: Conflict[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  const other = Object.keys(b).filter((k) => b[k] !== undefined);
  return keys.length === other.length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

/** JSON with object keys sorted, so equal values give equal strings. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Fields that name a list element in the answer formats (row id, subcategory, mitigation, technique). */
const ID_FIELDS = ['id', 'subcategory', 'mitigation', 'technique'] as const;

const unique = (keys: string[]) => new Set(keys).size === keys.length;

/**
 * How elements of these three versions of a list are told apart: a field every element has and
 * no two share, or else the element's whole content (records that are never edited, plain
 * strings). Null when even that repeats: such a list merges as one value.
 */
function identityOf(lists: unknown[][]): Identity | null {
  const items = lists.flat();
  if (items.every(isRecord)) {
    for (const field of ID_FIELDS) {
      const id: Identity = (item) => String((item as Record<string, unknown>)[field]);
      if (
        items.every((item) => typeof (item as Record<string, unknown>)[field] === 'string') &&
        lists.every((list) => unique(list.map(id)))
      )
        return id;
    }
  }
  return lists.every((list) => unique(list.map(canonical))) ? canonical : null;
}

function mergeAt(base: unknown, mine: unknown, theirs: unknown, path: PathStep[], conflicts: Conflict[]): unknown {
  if (deepEqual(mine, theirs) || deepEqual(theirs, base)) return mine;
  if (deepEqual(mine, base)) return theirs;
  if (isRecord(mine) && isRecord(theirs)) {
    const from = isRecord(base) ? base : {};
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
      const value = mergeAt(from[key], mine[key], theirs[key], [...path, { key }], conflicts);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (Array.isArray(mine) && Array.isArray(theirs)) {
    const from = Array.isArray(base) ? base : [];
    const identity = identityOf([from, mine, theirs]);
    if (identity) return mergeLists(from, mine, theirs, identity, path, conflicts);
  }
  conflicts.push({ path, theirs });
  return mine;
}

function mergeLists(
  base: unknown[],
  mine: unknown[],
  theirs: unknown[],
  identity: Identity,
  path: PathStep[],
  conflicts: Conflict[],
): unknown[] {
  const byId = (list: unknown[]) => new Map(list.map((item) => [identity(item), item]));
  const [b, m, t] = [byId(base), byId(mine), byId(theirs)];
  const merged = new Map<string, unknown>();
  for (const id of new Set([...m.keys(), ...t.keys()])) {
    const [inBase, inMine, inTheirs] = [b.get(id), m.get(id), t.get(id)];
    // Removed on one side and untouched on the other: removed. Removed on one side but edited on
    // the other: kept, since the edit is work the learner did.
    if (inMine === undefined && deepEqual(inTheirs, inBase)) continue;
    if (inTheirs === undefined && deepEqual(inMine, inBase)) continue;
    const value =
      inMine === undefined || inTheirs === undefined
        ? (inMine ?? inTheirs)
        : mergeAt(inBase, inMine, inTheirs, [...path, { element: id, identity }], conflicts);
    merged.set(id, value);
  }
  // Order: the side that reordered the list wins; the other side's new elements follow the
  // element they followed there.
  const order = (list: unknown[]) => list.map(identity);
  const baseOrder = order(base).filter((id) => m.has(id));
  const mineKept = order(mine).filter((id) => b.has(id));
  const [first, second] = deepEqual(baseOrder, mineKept) ? [theirs, mine] : [mine, theirs];
  const ids = order(first).filter((id) => merged.has(id));
  let after = -1;
  for (const id of order(second)) {
    const at = ids.indexOf(id);
    if (at >= 0) after = at;
    else if (merged.has(id)) ids.splice(++after, 0, id);
  }
  for (const id of merged.keys()) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => merged.get(id));
}

/** Merges this tab's copy (`mine`) and another tab's (`theirs`) of a value both loaded as `base`. */
export function merge3(base: unknown, mine: unknown, theirs: unknown): Merged {
  const conflicts: Conflict[] = [];
  const value = mergeAt(base, mine, theirs, [], conflicts);
  return { value, conflicts };
}

/** `value` with the element at `path` replaced by `next`; unchanged where the path no longer leads. */
export function replaceAt(value: unknown, path: PathStep[], next: unknown): unknown {
  const [step, ...rest] = path;
  if (!step) return next;
  if ('key' in step) {
    if (!isRecord(value)) return value;
    const inner = replaceAt(value[step.key], rest, next);
    return Object.fromEntries(Object.entries({ ...value, [step.key]: inner }).filter(([, v]) => v !== undefined));
  }
  if (!Array.isArray(value)) return value;
  return value.map((item) => (step.identity(item) === step.element ? replaceAt(item, rest, next) : item));
}
