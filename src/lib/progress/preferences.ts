/**
 * Which stored keys are the learner's work and which are not. Work (progress, drafts, answers,
 * flashcards) is what "reset all progress" clears and an import replaces. Settings (the color
 * theme) and workshop data (the room joined, a dashboard's results) stay, unless an imported file
 * holds some of that family. Keys of a family this page has not registered are left alone.
 */
import { familyOf } from './keys';

/** Whether a key holds the learner's work: cleared by "reset all progress", replaced by imports. */
export function isWorkKey(key: string): boolean {
  const family = familyOf(key);
  return family !== undefined && family.preference !== true && family.workshop !== true;
}

/** Which stored keys importing a file with `fileKeys` replaces: all work, and the other families the file holds. */
export function replacedByImport(fileKeys: readonly string[]): (key: string) => boolean {
  const held = new Set(fileKeys.map((key) => familyOf(key)?.prefix));
  return (key) => isWorkKey(key) || (familyOf(key) !== undefined && held.has(familyOf(key)?.prefix));
}
