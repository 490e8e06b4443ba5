/**
 * What the site remembers about one learning item (a lesson, a project, a drill...).
 * Pure data and pure updates: the stores persist it, pages display it.
 */

/** Where the learner stands on an item. A missing record means "not-started". */
export type ItemStatus = 'not-started' | 'in-progress' | 'done';

export const ITEM_STATUSES: readonly ItemStatus[] = ['not-started', 'in-progress', 'done'];

/** Progress on one item, as stored under `aitm:v1:progress:<itemId>`. */
export interface ItemProgress {
  /** Where the learner stands. */
  status: ItemStatus;
  /** Best graded score so far, 0..1, or null before any graded attempt. */
  bestScore: number | null;
  /** How many times the learner has submitted the item for grading. */
  attempts: number;
  /** ISO timestamp of the last visit, or null if never opened. */
  lastVisited: string | null;
}

/** Item ids look like `lessons/beginner/start-here`: a section, then the item's own id. */
const ITEM_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/;

export function isItemId(value: string): boolean {
  return value.length <= 200 && ITEM_ID.test(value);
}

export function emptyProgress(): ItemProgress {
  return { status: 'not-started', bestScore: null, attempts: 0, lastVisited: null };
}

function isIsoTimestamp(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

/** Validates a stored or imported record; returns null when any field is wrong. */
export function parseItemProgress(value: unknown): ItemProgress | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  const allowed = ['status', 'bestScore', 'attempts', 'lastVisited'];
  if (keys.length !== allowed.length || !keys.every((k) => allowed.includes(k))) return null;
  const { status, bestScore, attempts, lastVisited } = value as Record<string, unknown>;
  if (!ITEM_STATUSES.includes(status as ItemStatus)) return null;
  if (bestScore !== null && (typeof bestScore !== 'number' || !(bestScore >= 0 && bestScore <= 1))) {
    return null;
  }
  if (typeof attempts !== 'number' || !Number.isSafeInteger(attempts) || attempts < 0) return null;
  if (lastVisited !== null && !isIsoTimestamp(lastVisited)) return null;
  return { status: status as ItemStatus, bestScore, attempts, lastVisited };
}

/** Opening an item starts it; it never un-finishes a finished one. */
export function withVisit(record: ItemProgress, now: Date): ItemProgress {
  return {
    ...record,
    status: record.status === 'not-started' ? 'in-progress' : record.status,
    lastVisited: now.toISOString(),
  };
}

export const STATUS_LABELS: Record<ItemStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

/** Short learner-facing summary, e.g. "Done · best 85%". */
export function describeProgress(record: ItemProgress): string {
  const label = STATUS_LABELS[record.status];
  return record.bestScore === null ? label : `${label} · best ${Math.round(record.bestScore * 100)}%`;
}
