/**
 * Resetting progress: per item, per section, or all. Everything stored for an item goes, not
 * only its status (drafts, answers). Each returns the state before, for Undo.
 */
import { isWorkKey } from '../lib/progress/preferences';
import { isItemId } from '../lib/progress/record';
import { sectionOf } from '../lib/progress/sections';
import { removeKeys, type Snapshot } from './storage-bulk';

/** The item a stored key belongs to: `progress:lessons/x` and `draft:lessons/x#2` both give `lessons/x`. */
export function itemOfKey(key: string): string | null {
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const rest = key.slice(colon + 1).split('#', 1)[0] ?? '';
  return isItemId(rest) ? rest : null;
}

export function resetItems(itemIds: readonly string[]): Snapshot {
  const ids = new Set(itemIds);
  return removeKeys((key) => {
    const item = itemOfKey(key);
    return item !== null && ids.has(item);
  });
}

/** Everything stored for a section ("lessons", "projects"...). */
export function resetSection(section: string): Snapshot {
  return removeKeys((key) => {
    const item = itemOfKey(key);
    return item !== null && sectionOf(item) === section;
  });
}

/** All learner work; settings (the color theme) and workshop data (room, dashboard) stay. */
export function resetAll(): Snapshot {
  return removeKeys(isWorkKey);
}
