/** Test storage engines: an in-memory store that can run out of space, and "other tab" events. */
import type { ExternalListener, StorageEngine, StorageEvents } from '../../../src/stores/engine';

/** Like a browser's QuotaExceededError. */
export class QuotaError extends Error {
  override name = 'QuotaExceededError';
}

/** localStorage stand-in; writes past `quotaBytes` (keys + values, in UTF-16 units) throw. */
export function createTestEngine(options: { quotaBytes?: number } = {}): StorageEngine & {
  dump(): Record<string, string>;
  setQuota(bytes: number | undefined): void;
} {
  const data = new Map<string, string>();
  let quota = options.quotaBytes;
  const size = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem(key, value) {
      const current = data.get(key);
      const next = size() - (current === undefined ? 0 : key.length + current.length) + key.length + value.length;
      if (quota !== undefined && next > quota) throw new QuotaError('The quota has been exceeded.');
      data.set(key, value);
    },
    removeItem: (key) => void data.delete(key),
    keys: () => [...data.keys()],
    dump: () => Object.fromEntries(data),
    setQuota: (bytes) => {
      quota = bytes;
    },
  };
}

/** Stands in for other tabs: `emit` fires what a `storage` event would. */
export function createTestEvents(): StorageEvents & { emit(fullKey: string | null): void } {
  const listeners = new Set<ExternalListener>();
  return {
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(fullKey) {
      for (const listener of listeners) listener(fullKey);
    },
  };
}
