/**
 * What happens to an item's progress: visits, graded attempts, status changes. Plain functions
 * over the storage door (no nanostores), so the small per-page script can record a visit
 * without loading the store islands use; `$progress` (progress.ts) sees every change.
 */
import { progressKey } from '../lib/progress/keys';
import { emptyProgress, isItemId, withAttempt, withStatus, withVisit, type ItemProgress, type ItemStatus } from '../lib/progress/record';
import { readEntry, writeEntry } from './storage';

/** The record for an item, read from storage; the empty record when there is none. */
export function progressOf(itemId: string): ItemProgress {
  return (readEntry(progressKey(itemId)) as ItemProgress | undefined) ?? emptyProgress();
}

function save(itemId: string, record: ItemProgress): boolean {
  if (!isItemId(itemId)) throw new Error(`Not an item id: ${itemId}`);
  return writeEntry(progressKey(itemId), record);
}

/** The learner opened the item. */
export function recordVisit(itemId: string, now: Date = new Date()): boolean {
  return save(itemId, withVisit(progressOf(itemId), now));
}

/** The learner submitted the item for grading and got `score` (0..1). */
export function recordAttempt(itemId: string, score: number, done: boolean): boolean {
  return save(itemId, withAttempt(progressOf(itemId), score, done));
}

export function setItemStatus(itemId: string, status: ItemStatus): boolean {
  return save(itemId, withStatus(progressOf(itemId), status));
}
