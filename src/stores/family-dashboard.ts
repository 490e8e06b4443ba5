/**
 * Registers the `dashboard` family (a workshop dashboard's loaded submissions). Its own module so
 * the Progress page exports and imports it without loading the dashboard's store.
 */
import { registerFamily, type KeyFamily } from '../lib/progress/keys';
import { validateSubmission, type Submission } from '../lib/share/submission';
import { DASHBOARD_LIMIT } from '../lib/workshop/dashboard-limit';

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

export const DASHBOARD_FAMILY: KeyFamily<Submission[]> = {
  prefix: 'dashboard',
  exact: true,
  label: 'workshop dashboard',
  workshop: true,
  validate: parseDashboard,
};
registerFamily(DASHBOARD_FAMILY);
