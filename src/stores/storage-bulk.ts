/**
 * Operations on many stored entries at once: import, reset, undo, and the corrupt copies kept
 * aside. Separate from storage.ts so pages that read and write single values do not load it.
 * Every change returns a snapshot of what was there before (raw, so even values this page
 * cannot validate survive), and `restoreSnapshot` puts it back exactly: that is Undo.
 */
import { atom, onMount } from 'nanostores';
import { QUARANTINE_PREFIX, STORAGE_PREFIX } from '../lib/progress/keys';
import { flushWrites } from './deferred-writes';
import { currentEngine, emit, listKeys, reportWriteError, type Entry } from './storage';

/** Every `aitm:v1:` key (without the prefix) with its raw stored text. */
export type Snapshot = ReadonlyArray<readonly [key: string, raw: string]>;

export function takeSnapshot(): Snapshot {
  flushWrites();
  const store = currentEngine();
  return listKeys().flatMap((key) => {
    const raw = store.getItem(STORAGE_PREFIX + key);
    return raw === null ? [] : [[key, raw] as const];
  });
}

/** Makes storage hold exactly `snapshot` (all `aitm:v1:` keys). False when the browser refused. */
export function restoreSnapshot(snapshot: Snapshot): boolean {
  const store = currentEngine();
  try {
    for (const key of listKeys()) store.removeItem(STORAGE_PREFIX + key);
    for (const [key, raw] of snapshot) store.setItem(STORAGE_PREFIX + key, raw);
    return true;
  } catch (error) {
    reportWriteError(error);
    return false;
  } finally {
    emit(null);
  }
}

/** Removes the keys `select` picks; returns the state before, for undo. */
export function removeKeys(select: (key: string) => boolean): Snapshot {
  const before = takeSnapshot();
  const store = currentEngine();
  for (const [key] of before) if (select(key)) store.removeItem(STORAGE_PREFIX + key);
  emit(null);
  return before;
}

/**
 * Removes the keys `shouldRemove` picks, then writes `entries`. All or nothing: when a write
 * fails, the previous state is put back and null is returned; otherwise the state before.
 */
export function replaceEntries(entries: readonly Entry[], shouldRemove: (key: string) => boolean): Snapshot | null {
  const before = takeSnapshot();
  const store = currentEngine();
  try {
    for (const [key] of before) if (shouldRemove(key)) store.removeItem(STORAGE_PREFIX + key);
    for (const [key, value] of entries) store.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
  } catch (error) {
    reportWriteError(error);
    restoreSnapshot(before);
    return null;
  }
  emit(null);
  return before;
}

/** Copies of corrupt values kept aside (full storage keys), oldest first. */
export function listQuarantine(): string[] {
  return currentEngine()
    .keys()
    .filter((k) => k.startsWith(QUARANTINE_PREFIX))
    .sort();
}

/** The kept copies, for the Progress page; refreshed when it mounts and after deletion. */
export const $keptAside = atom<readonly string[]>([]);

onMount($keptAside, () => {
  $keptAside.set(listQuarantine());
});

/** Deletes the kept copies, once the learner has decided they are not needed. */
export function deleteQuarantine(): void {
  const store = currentEngine();
  for (const key of listQuarantine()) store.removeItem(key);
  $keptAside.set([]);
}
