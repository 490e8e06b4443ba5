/**
 * Progress changes made by exercises: graded attempts and explicit status. Apart from
 * progress-actions.ts so the script every page runs does not carry them.
 */
import type { ItemStatus } from '../lib/progress/record';
import { withAttempt, withStatus } from '../lib/progress/updates';
import { progressOf, saveProgress } from './progress-actions';

/** The learner submitted the item for grading and got `score` (0..1). */
export function recordAttempt(itemId: string, score: number, done: boolean): boolean {
  return saveProgress(itemId, withAttempt(progressOf(itemId), score, done));
}

export function setItemStatus(itemId: string, status: ItemStatus): boolean {
  return saveProgress(itemId, withStatus(progressOf(itemId), status));
}
