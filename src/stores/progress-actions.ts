/**
 * What happens to an item's progress: visits, graded attempts, status changes. Plain functions
 * over the storage door (no nanostores), so the small per-page script can record a visit
 * without loading the store islands use; `$progress` (progress.ts) sees every change.
 */
import { progressKey, PROGRESS_FAMILY } from '../lib/progress/keys';
import { emptyProgress, isItemId, withVisit, type ItemProgress } from '../lib/progress/record';
import { readValue, writeEntry } from './storage';

/** The record for an item, read from storage; the empty record when there is none. */
export function progressOf(itemId: string): ItemProgress {
  return readValue(PROGRESS_FAMILY, progressKey(itemId)) ?? emptyProgress();
}

/** Writes an item's record; refuses anything that is not an item id. */
export function saveProgress(itemId: string, record: ItemProgress): boolean {
  if (!isItemId(itemId)) throw new Error(`Not an item id: ${itemId}`);
  return writeEntry(progressKey(itemId), record);
}

/** The learner opened the item. */
export function recordVisit(itemId: string, now: Date = new Date()): boolean {
  return saveProgress(itemId, withVisit(progressOf(itemId), now));
}
