/**
 * The color theme the learner picked. "system" (no stored value) follows the operating system;
 * the inline script in each page applies a stored choice before first paint, so there is no
 * flash of the wrong theme.
 */
import { THEME_FAMILY } from '../lib/progress/keys';
import { readValue, removeEntry, writeEntry } from './storage';

export type ThemeChoice = 'system' | 'light' | 'dark';

/** Storage key (after `aitm:v1:`). */
export const THEME_KEY = 'theme';

export function readTheme(): ThemeChoice {
  return readValue(THEME_FAMILY, THEME_KEY) ?? 'system';
}

/** Saves the choice; false when the browser refused (the page still applies it). */
export function saveTheme(choice: ThemeChoice): boolean {
  if (choice === 'system') {
    removeEntry(THEME_KEY);
    return true;
  }
  return writeEntry(THEME_KEY, choice);
}

/** The order the toggle steps through. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return choice === 'system' ? 'light' : choice === 'light' ? 'dark' : 'system';
}
