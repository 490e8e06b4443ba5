/**
 * The storage the stores write to: localStorage in the browser, an in-memory engine during
 * server rendering, and test engines (tests/unit/helpers) that simulate a full disk or other tabs.
 */

/** The few operations the stores need. `setItem` throws when the storage is full. */
export interface StorageEngine {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

/** Notifies of changes made by other tabs; `null` means "everything may have changed". */
export type ExternalListener = (fullKey: string | null) => void;

export interface StorageEvents {
  listen(listener: ExternalListener): () => void;
}

/** True for the various ways browsers report a full storage. */
export function isQuotaError(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

/** An engine over a Map: for server rendering, and for browsers that refuse storage. */
export function createMemoryEngine(): StorageEngine {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
    keys: () => [...data.keys()],
  };
}

function wrap(storage: Storage): StorageEngine {
  return {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
    keys: () => Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k !== null),
  };
}

/** localStorage, or null when the browser refuses it (storage disabled, some private modes). */
export function openBrowserStorage(): StorageEngine | null {
  try {
    const storage = window.localStorage;
    // Reading the length throws where storage is disabled; writes report their own errors.
    void storage.length;
    return wrap(storage);
  } catch {
    return null;
  }
}

/** Changes made in other tabs, from the `storage` event. */
export function browserStorageEvents(): StorageEvents {
  return {
    listen(listener) {
      const handler = (event: StorageEvent) => {
        if (event.storageArea !== window.localStorage) return;
        listener(event.key);
      };
      window.addEventListener('storage', handler);
      return () => window.removeEventListener('storage', handler);
    },
  };
}
