/**
 * The room dashboard's loaded submissions (`aitm:v1:dashboard`), kept in the instructor's browser
 * until they clear them. Validated on read like any import.
 */
import { registerFamily, type KeyFamily } from '../lib/progress/keys';
import { validateSubmission, type Submission } from '../lib/share/submission';
import { removeEntry, writeEntry } from './storage';
import { storedAtom } from './stored-atom';

export const DASHBOARD_LIMIT = 300;

function parseDashboard(value: unknown): Submission[] | null {
  if (!Array.isArray(value) || value.length > DASHBOARD_LIMIT) return null;
  const out: Submission[] = [];
  for (const item of value) {
    const result = validateSubmission(item);
    if (!result.ok) return null;
    out.push(result.value);
  }
  return out;
}

const DASHBOARD_FAMILY: KeyFamily<Submission[]> = {
  prefix: 'dashboard',
  exact: true,
  label: 'workshop dashboard',
  validate: parseDashboard,
};
registerFamily(DASHBOARD_FAMILY);

export const $dashboard = storedAtom(DASHBOARD_FAMILY, 'dashboard', (): Submission[] => []);

/** Adds submissions; false when storage refused them (they stay on screen until reload). */
export function addSubmissions(submissions: readonly Submission[]): boolean {
  const next = [...$dashboard.get(), ...submissions].slice(-DASHBOARD_LIMIT);
  $dashboard.set(next);
  return writeEntry('dashboard', next);
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
