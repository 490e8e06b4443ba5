/**
 * Every key the site writes lives under `aitm:v1:`. This registry says which keys exist and how
 * each value is validated, so storage reads, imports and exports all apply the same rules.
 * A later schema version adds a new prefix (`aitm:v2:`) and a migration with a test.
 */
import { isItemId, parseItemProgress, type ItemProgress } from './record';

export const STORAGE_PREFIX = 'aitm:v1:';

/** Where a corrupt value is moved aside: kept for the learner, outside the validated namespace. */
export const QUARANTINE_PREFIX = 'aitm:quarantine:';

/** The learner's color theme choice; absent means "follow the system". */
export type ThemePreference = 'light' | 'dark';

export function parseThemePreference(value: unknown): ThemePreference | null {
  return value === 'light' || value === 'dark' ? value : null;
}

/** A family of keys: all keys starting with `prefix` (or equal to it when `exact`), whose values are T. */
export interface KeyFamily<T = unknown> {
  /** Key after `aitm:v1:`, e.g. "progress:" or "theme". */
  readonly prefix: string;
  /** True when the key must equal `prefix` rather than start with it (absent: a prefix). */
  readonly exact?: boolean;
  /** Learner-facing name used in notices ("lesson progress"). */
  readonly label: string;
  /** True for settings kept by "reset all progress" (absent: progress, reset with the rest). */
  readonly preference?: boolean;
  /**
   * True for workshop data (a room joined, a dashboard's results): not the learner's progress, so
   * "reset all progress" keeps it, and an import replaces it only when the file holds some.
   */
  readonly workshop?: boolean;
  /** Checks the rest of the key (after the prefix); exact families have none. */
  readonly validateKey?: (rest: string) => boolean;
  /** Returns the value when valid, null when not. */
  readonly validate: (value: unknown) => T | null;
}

/** Each item's progress (`progress:<item id>`). */
export const PROGRESS_FAMILY: KeyFamily<ItemProgress> = {
  prefix: 'progress:',
  label: 'progress',
  validateKey: isItemId,
  validate: parseItemProgress,
};

/** The color theme (`theme`). */
export const THEME_FAMILY: KeyFamily<ThemePreference> = {
  prefix: 'theme',
  exact: true,
  label: 'color theme',
  preference: true,
  validate: parseThemePreference,
};

const FAMILIES: KeyFamily[] = [PROGRESS_FAMILY, THEME_FAMILY];

/**
 * Adds a family. Progress and theme are built in; other stores (drafts, answers, flashcards)
 * register theirs when their module loads, so a page pays only for the validators it uses.
 * A key whose family is not registered on a page is left alone there, neither read nor moved.
 */
export function registerFamily<T>(family: KeyFamily<T>): void {
  if (!FAMILIES.some((f) => f.prefix === family.prefix)) FAMILIES.push(family);
}

/** The family a key (without `aitm:v1:`) belongs to, or undefined when none is registered. */
export function familyOf(key: string): KeyFamily | undefined {
  return FAMILIES.find((family) => {
    if (family.exact) return key === family.prefix;
    return key.startsWith(family.prefix) && (family.validateKey?.(key.slice(family.prefix.length)) ?? true);
  });
}

/** Key of an item's progress, without the `aitm:v1:` prefix. */
export function progressKey(itemId: string): string {
  return `progress:${itemId}`;
}
