/**
 * An atom that mirrors one stored key: typed by its key family, loaded when something first
 * listens (never at module load, so server rendering is safe), and reloaded when the key changes
 * in this tab or another. Writes stay with the store that owns the key.
 */
import { atom, onMount, type WritableAtom } from 'nanostores';
import type { KeyFamily } from '../lib/progress/keys';
import { readValue, subscribeChanges } from './storage';

export function storedAtom<T>(family: KeyFamily<T>, key: string, fallback: () => T): WritableAtom<T> {
  const $value = atom<T>(fallback());
  const load = () => $value.set(readValue(family, key) ?? fallback());
  onMount($value, () => {
    load();
    return subscribeChanges((changed) => {
      if (changed === null || changed === key) load();
    });
  });
  return $value;
}
