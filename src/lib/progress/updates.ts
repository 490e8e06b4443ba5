/**
 * Progress changes made by exercises (graded attempts, manual status). Apart from record.ts so
 * the script every page runs does not carry them.
 */
import type { ItemProgress, ItemStatus } from './record';

/** A project counts as done on the Progress page once a check scores at least this. */
export const PROJECT_DONE_AT = 0.7;

/** A graded attempt: counts it and keeps the best score. */
export function withAttempt(record: ItemProgress, score: number, done: boolean): ItemProgress {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0));
  return {
    ...record,
    attempts: record.attempts + 1,
    bestScore: record.bestScore === null ? clamped : Math.max(record.bestScore, clamped),
    status: done || record.status === 'done' ? 'done' : 'in-progress',
  };
}

export function withStatus(record: ItemProgress, status: ItemStatus): ItemProgress {
  return { ...record, status };
}
