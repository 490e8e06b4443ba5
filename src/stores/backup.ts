/**
 * Export and import of everything the site stores for the learner, as one JSON file.
 * Import replaces the learner's work with the file's (settings and workshop data too, family by
 * family, when the file has them; what the file does not cover stays)
 * and returns the state before, so the page can offer Undo.
 */
import './families';
import { replacedByImport } from '../lib/progress/preferences';
import {
  buildProgressFile,
  progressFileName,
  readProgressFile,
  serialiseProgressFile,
  type ProgressImport,
} from '../lib/share/progress-file';
import type { Result } from '../lib/share/safe-json';
import { readAllEntries } from './storage';
import { replaceEntries, type Snapshot } from './storage-bulk';

/** The download: file name and JSON text of every valid stored entry. */
export function exportLearnerData(now: Date = new Date()): { fileName: string; text: string } {
  return { fileName: progressFileName(now), text: serialiseProgressFile(buildProgressFile(readAllEntries(now), now)) };
}

/** Validates a file without changing anything. */
export function checkImport(text: string): Result<ProgressImport> {
  return readProgressFile(text);
}

/** Applies a checked file. Returns the state before, or an error when storage refused. */
export function applyImport(file: ProgressImport): Result<Snapshot> {
  const before = replaceEntries(file.entries, replacedByImport(file.entries.map(([key]) => key)));
  if (before === null) {
    return { ok: false, error: 'Your browser refused to store the imported progress; nothing was changed.' };
  }
  return { ok: true, value: before };
}
