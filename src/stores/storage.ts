/**
 * The only code that touches localStorage (with storage-bulk.ts for whole-set operations). Lifecycle of a value:
 * - every key lives under `aitm:v1:`, and its family (src/lib/progress/keys.ts) says how to
 *   validate it; values are read and validated on demand, never at module load or during render;
 * - a value that fails validation is moved aside under `aitm:quarantine:` (kept, not deleted),
 *   the key is cleared so the store starts fresh, and the learner gets a notice;
 * - a write that hits the quota is reported with a notice and returns false, never swallowed;
 * - changes from other tabs (the `storage` event) and from this tab reach `subscribeChanges`.
 */
import { familyOf, QUARANTINE_PREFIX, STORAGE_PREFIX, type KeyFamily } from '../lib/progress/keys';
import {
  browserStorageEvents,
  createMemoryEngine,
  isQuotaError,
  openBrowserStorage,
  type StorageEngine,
  type StorageEvents,
} from './engine';
import { notify } from './notices';

/** A stored entry: key without `aitm:v1:`, and its validated value. */
export type Entry = readonly [key: string, value: unknown];

/** Listener for changes: a key without `aitm:v1:`, or null when anything may have changed. */
export type ChangeListener = (key: string | null) => void;

let engine: StorageEngine | undefined;
let events: StorageEvents | undefined;
const listeners = new Set<ChangeListener>();
let stopExternal: (() => void) | undefined;

/** The engine in use, opened on first use (never at module load, so server rendering is safe). */
export function currentEngine(): StorageEngine {
  if (engine) return engine;
  if (typeof window === 'undefined') {
    engine = createMemoryEngine();
    return engine;
  }
  const browser = openBrowserStorage();
  if (browser) {
    engine = browser;
    events = browserStorageEvents();
  } else {
    engine = createMemoryEngine();
    notify({
      id: 'storage-unavailable',
      tone: 'warning',
      message: 'This browser blocks saving: export your work from the Progress page before you close the tab.',
    });
  }
  return engine;
}

/** Replaces the engine (unit tests use a test engine, with simulated quota and other tabs). */
export function useStorageEngine(next: StorageEngine, nextEvents?: StorageEvents): void {
  stopExternal?.();
  stopExternal = undefined;
  engine = next;
  events = nextEvents;
  if (listeners.size > 0) startExternal();
}

/** Tells subscribers that `key` (or, with null, anything) changed. */
export function emit(key: string | null): void {
  for (const listener of [...listeners]) listener(key);
}

function startExternal(): void {
  currentEngine();
  if (!events || stopExternal) return;
  stopExternal = events.listen((fullKey) => {
    if (fullKey === null) emit(null);
    else if (fullKey.startsWith(STORAGE_PREFIX)) emit(fullKey.slice(STORAGE_PREFIX.length));
  });
}

/** Subscribes to changes of stored values, from this tab or another one. */
export function subscribeChanges(listener: ChangeListener): () => void {
  listeners.add(listener);
  startExternal();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stopExternal?.();
      stopExternal = undefined;
    }
  };
}

/** Moves a bad value aside and clears its key. Returns false when even that failed. */
function quarantine(key: string, raw: string, now: Date): boolean {
  const store = currentEngine();
  const aside = `${QUARANTINE_PREFIX}${key}@${now.toISOString()}`;
  try {
    store.setItem(aside, raw);
  } catch (error) {
    // Can't keep a copy (storage full): leave the original where it is rather than lose it.
    reportWriteError(error);
    return false;
  }
  store.removeItem(STORAGE_PREFIX + key);
  notify({
    id: `storage-corrupt:${key}`,
    tone: 'warning',
    message: `Saved ${familyOf(key)?.label ?? 'data'} was unreadable and has been reset; a copy is kept under "${aside}".`,
  });
  return true;
}

export function reportWriteError(error: unknown): void {
  if (isQuotaError(error)) {
    notify({
      id: 'storage-full',
      tone: 'error',
      message: 'Not saved: browser storage is full. Export your progress and reset items you no longer need.',
    });
  } else {
    notify({
      id: 'storage-error',
      tone: 'error',
      message: 'Not saved: the browser refused. Export your progress to keep it.',
    });
  }
}

/**
 * Reads and validates one value; undefined when absent, corrupt (and moved aside) or of a family
 * this page has not registered. Stores pass their key's family, so the value comes typed.
 */
export function readValue<T>(family: KeyFamily<T> | undefined, key: string, now: Date = new Date()): T | undefined {
  const raw = currentEngine().getItem(STORAGE_PREFIX + key);
  // No family: not ours to judge on this page, since its store has not been loaded.
  if (raw === null || !family) return undefined;
  let value: T | null;
  try {
    value = family.validate(JSON.parse(raw));
  } catch {
    value = null;
  }
  if (value === null) {
    quarantine(key, raw, now);
    return undefined;
  }
  return value;
}

/** Reads a value of whichever registered family its key belongs to (bulk operations). */
export const readEntry = (key: string, now?: Date): unknown => readValue(familyOf(key), key, now);

/** Writes one value now. False (and a notice) when the browser refused. */
export function writeEntry(key: string, value: unknown): boolean {
  try {
    currentEngine().setItem(STORAGE_PREFIX + key, JSON.stringify(value));
  } catch (error) {
    reportWriteError(error);
    return false;
  }
  emit(key);
  return true;
}

export function removeEntry(key: string): void {
  currentEngine().removeItem(STORAGE_PREFIX + key);
  emit(key);
}

/** Keys (without `aitm:v1:`) currently stored, optionally only those starting with `prefix`. */
export function listKeys(prefix = ''): string[] {
  return currentEngine()
    .keys()
    .filter((k) => k.startsWith(STORAGE_PREFIX + prefix))
    .map((k) => k.slice(STORAGE_PREFIX.length))
    .sort();
}

/** Every valid entry of a registered family; corrupt ones are moved aside on the way (the audit). */
export function readAllEntries(now: Date = new Date()): Entry[] {
  const entries: Entry[] = [];
  for (const key of listKeys()) {
    const value = readValue(familyOf(key), key, now);
    if (value !== undefined) entries.push([key, value]);
  }
  return entries;
}
