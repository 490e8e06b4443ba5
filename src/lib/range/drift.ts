/**
 * Drift monitoring: population stability (PSI) of the model's scores and of the main input
 * features, live traffic against the reference the model was validated on. Under 0.1 is stable,
 * 0.1 to 0.25 worth watching, over 0.25 a shift someone should look at.
 */
import type { Transaction } from './data';
import { psi } from './metrics';

export const DRIFT_WATCH = 0.1;
export const DRIFT_ALERT = 0.25;

export const MONITORED: { name: string; value: (t: Transaction) => number }[] = [
  { name: 'amount', value: (t) => Math.log1p(t.amount) },
  { name: 'hour', value: (t) => t.hour },
  { name: 'distance from home', value: (t) => Math.log1p(t.distanceKm) },
  { name: 'transactions in 24 h', value: (t) => t.txLast24h },
  { name: 'account age', value: (t) => Math.log1p(t.accountAgeDays) },
];

export interface DriftReading {
  /** "score" or a feature name. */
  name: string;
  psi: number;
  level: 'stable' | 'watch' | 'alert';
}

const level = (value: number): DriftReading['level'] =>
  value > DRIFT_ALERT ? 'alert' : value > DRIFT_WATCH ? 'watch' : 'stable';

/** PSI of scores and monitored features, live against reference. */
export function driftReadings(
  reference: { scores: readonly number[]; rows: readonly Transaction[] },
  live: { scores: readonly number[]; rows: readonly Transaction[] },
): DriftReading[] {
  const readings: DriftReading[] = [];
  const scorePsi = psi(reference.scores, live.scores);
  readings.push({ name: 'score', psi: scorePsi, level: level(scorePsi) });
  for (const feature of MONITORED) {
    const value = psi(reference.rows.map(feature.value), live.rows.map(feature.value));
    readings.push({ name: feature.name, psi: value, level: level(value) });
  }
  return readings;
}

/** The readings that should raise an alert. */
export function driftAlerts(readings: readonly DriftReading[]): DriftReading[] {
  return readings.filter((r) => r.level === 'alert');
}
