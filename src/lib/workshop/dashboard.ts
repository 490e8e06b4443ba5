/**
 * The room dashboard's summaries, without the DOM (reading codes and files is in intake.ts, loaded
 * when the instructor adds results): a row per learner or team, how many covered each expected item, the score
 * distribution, and a CSV of it all.
 */
import { toCsv } from '../export/csv';
import type { GradeReport } from '../grading/report';
import type { ExerciseId } from '../exercises/registry';
import type { Submission } from '../share/submission';

/** Two submissions are the same when their content is, whatever their source. */
export function identity(submission: Submission): string {
  // The same text serialiseSubmission writes, without loading the submission module for it.
  return `${JSON.stringify(submission, null, 2)}\n`;
}

export interface GradedEntry {
  key: string;
  submission: Submission;
  report: GradeReport;
}

/** Who a row is: the team, the learner, or both; "anonymous" with the time when neither is given. */
export function whoOf(s: Submission): string {
  const parts = [s.team?.trim(), s.learner?.trim()].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' · ') : `anonymous (${s.submittedAt.slice(11, 16)})`;
}

export interface ItemTally {
  id: string;
  label: string;
  covered: number;
  total: number;
}

/** For each expected item of an exercise, how many of the entries covered it; most missed first. */
export function itemTallies(entries: readonly GradedEntry[]): ItemTally[] {
  const tallies = new Map<string, ItemTally>();
  for (const e of entries) {
    for (const item of e.report.items) {
      const t = tallies.get(item.id) ?? { id: item.id, label: item.label, covered: 0, total: 0 };
      t.total++;
      if (item.covered) t.covered++;
      tallies.set(item.id, t);
    }
  }
  return [...tallies.values()].sort(
    (a, b) => a.covered / a.total - b.covered / b.total || a.label.localeCompare(b.label),
  );
}

/** Scores in ten bands of 10%: counts per band. */
export function distribution(entries: readonly GradedEntry[]): number[] {
  const bins = new Array<number>(10).fill(0);
  for (const e of entries) {
    const b = Math.min(9, Math.floor(e.report.score * 10));
    bins[b] = (bins[b] ?? 0) + 1;
  }
  return bins;
}

/** One CSV for the room: a row per entry with its parts, then a row per expected item. */
export function dashboardCsv(exercise: ExerciseId, entries: readonly GradedEntry[]): string {
  const partKeys = [...new Set(entries.flatMap((e) => Object.keys(e.report.parts)))];
  const label = (k: string) => entries.find((e) => e.report.parts[k])?.report.parts[k]?.label ?? k;
  const header = ['Exercise', 'Team', 'Learner', 'Room', 'Submitted', 'Score', ...partKeys.map(label)];
  const rows = entries.map((e) => [
    exercise,
    e.submission.team ?? '',
    e.submission.learner ?? '',
    e.submission.room ?? '',
    e.submission.submittedAt,
    e.report.score.toFixed(4),
    ...partKeys.map((k) => (e.report.parts[k]?.score ?? 0).toFixed(4)),
  ]);
  const tallies = itemTallies(entries).map((t) => [t.label, t.covered, t.total]);
  return toCsv([header, ...rows, [], ['Expected item', 'Covered by', 'Out of'], ...tallies]);
}
