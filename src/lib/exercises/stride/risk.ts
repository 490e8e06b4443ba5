/**
 * The risk rules of a STRIDE-AI table, shared by the editor, the findings, the exports and the
 * grader: risk = likelihood x severity (1 to 9), its bands, and which rows count as the highest.
 */
import type { StrideRow } from './answers';

export type RiskBand = 'high' | 'medium' | 'low';

type Rated = Pick<StrideRow, 'likelihood' | 'severity'>;

/** Whether both ratings are given. */
export const isRated = (row: Rated): boolean => row.likelihood !== null && row.severity !== null;

/** Likelihood x severity, 1 to 9; 0 for a row not yet rated, so it sorts last and is never a highest risk. */
export const riskOf = (row: Rated): number => (row.likelihood ?? 0) * (row.severity ?? 0);

/** "L2 x S3" (or with another sign, "×"), or "unrated" (with a half-rated row's one rating: "unrated (L2)"). */
export function ratingText(row: Rated, times = 'x'): string {
  if (isRated(row)) return `L${row.likelihood} ${times} S${row.severity}`;
  const given = [row.likelihood === null ? '' : `L${row.likelihood}`, row.severity === null ? '' : `S${row.severity}`]
    .filter(Boolean)
    .join(' ');
  return given ? `unrated (${given})` : 'unrated';
}

/** 6 and 9 are high, 3 and 4 medium, 1 and 2 low. */
export function riskBand(risk: number): RiskBand {
  return risk >= 6 ? 'high' : risk >= 3 ? 'medium' : 'low';
}

/** Rows sorted by risk, highest first (stable for equal risk). */
export function byRisk<R extends Rated>(rows: readonly R[]): R[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => riskOf(b.row) - riskOf(a.row) || a.i - b.i)
    .map(({ row }) => row);
}

/** The rows step 4 asks a specific mitigation for: every high risk, and the top risk when it is at least medium. */
export function highestRisks<R extends Rated>(rows: readonly R[]): R[] {
  const max = Math.max(0, ...rows.map(riskOf));
  return rows.filter((r) => riskOf(r) >= 6 || (max >= 4 && riskOf(r) === max));
}

/** A mitigation with fewer meaningful words than this is too general to act on (the grader says so too). */
export const MIN_MITIGATION_WORDS = 4;
