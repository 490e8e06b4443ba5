/**
 * The room dashboard's loaded submissions (`aitm:v1:dashboard`), kept in the instructor's browser
 * until they clear them. Validated on read like any import.
 */
import type { Submission } from '../lib/share/submission';
import { DASHBOARD_LIMIT } from '../lib/workshop/dashboard-limit';
import { DASHBOARD_FAMILY } from './family-dashboard';
import { removeEntry, writeEntry } from './storage';
import { storedAtom } from './stored-atom';

export const $dashboard = storedAtom(DASHBOARD_FAMILY, 'dashboard', (): Submission[] => []);

/**
 * Adds submissions, in order, as far as the limit allows: never drops one already loaded. Says how
 * many were added, and whether storage kept them (if not, they stay on screen until reload).
 */
export function addSubmissions(submissions: readonly Submission[]): { added: number; saved: boolean } {
  const room = Math.max(0, DASHBOARD_LIMIT - $dashboard.get().length);
  const added = submissions.slice(0, room);
  if (added.length === 0) return { added: 0, saved: true };
  const next = [...$dashboard.get(), ...added];
  $dashboard.set(next);
  return { added: added.length, saved: writeEntry('dashboard', next) };
}

export function removeSubmission(index: number): Submission | undefined {
  const removed = $dashboard.get()[index];
  if (!removed) return undefined;
  const next = $dashboard.get().filter((_, i) => i !== index);
  $dashboard.set(next);
  writeEntry('dashboard', next);
  return removed;
}

export function clearDashboard(): Submission[] {
  const before = $dashboard.get();
  $dashboard.set([]);
  removeEntry('dashboard');
  return before;
}

export function restoreDashboard(submissions: Submission[]): void {
  $dashboard.set(submissions);
  writeEntry('dashboard', submissions);
}
