/**
 * `$progress`: every item's progress, for islands. It mirrors the `aitm:v1:progress:*` keys:
 * loads when something first listens, follows changes from this tab and other tabs (through
 * the storage door's change feed), and drops values that fail validation. Changes are made
 * with the functions in progress-actions.ts and progress-reset.ts.
 */
import { atom, onMount } from 'nanostores';
import type { ItemProgress } from '../lib/progress/record';
import { PROGRESS_FAMILY } from '../lib/progress/keys';
import { listKeys, readValue, subscribeChanges } from './storage';

const PREFIX = 'progress:';

export const $progress = atom<Readonly<Record<string, ItemProgress>>>({});

/** Reads every item's progress (corrupt values are moved aside on the way). */
export function readAllProgress(): Record<string, ItemProgress> {
  const all: Record<string, ItemProgress> = {};
  for (const key of listKeys(PREFIX)) {
    const value = readValue(PROGRESS_FAMILY, key);
    if (value) all[key.slice(PREFIX.length)] = value;
  }
  return all;
}

onMount($progress, () => {
  $progress.set(readAllProgress());
  return subscribeChanges((key) => {
    if (key === null || key.startsWith(PREFIX)) $progress.set(readAllProgress());
  });
});
