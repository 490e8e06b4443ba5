/**
 * What every grader returns: one shape for the browser report, the CLI table, the JSON output
 * and the workshop dashboard.
 */

/** How a feedback item judges its target. */
export type Verdict = 'correct' | 'partial' | 'wrong' | 'missed' | 'duplicate' | 'extra' | 'info';

/** One point of feedback, about one row, one expected item or one step. */
export interface FeedbackItem {
  /** The exercise step it is about (one of its kind's step ids): reports group by it. */
  step: string;
  /** The learner's row, entry or priority it is about, counted from 0, where it is about one. */
  row?: number;
  /** What it is about, in words: "row 3", "components", "missed: poisoned-labels"... */
  target: string;
  verdict: Verdict;
  /** Plain words; never HTML. */
  message: string;
  /** Site-relative link to the lesson section that teaches the point. */
  lesson?: string;
  /** Site-relative link to a reference page with the details. */
  see?: string;
  /** For missed items: the expected item's id, so a later attempt can reveal it. */
  expected?: string;
}

/** A part of the score, e.g. coverage. */
export interface ScorePart {
  label: string;
  /** 0..1 */
  score: number;
  /** One sentence on what the number means here. */
  detail: string;
}

/** Whether one of the key's expected items is covered: what the workshop dashboard counts per item. */
export interface ItemCoverage {
  id: string;
  /** The item's name, safe to show once grading is over (instructors see it). */
  label: string;
  covered: boolean;
}

export interface GradeReport {
  exercise: string;
  /** 0..1, rounded to 4 decimals so the browser and the CLI agree to the digit. */
  score: number;
  parts: Record<string, ScorePart>;
  /** One or two sentences summing up. */
  verdict: string;
  feedback: FeedbackItem[];
  /** Each expected item of the key, covered or not, in key order. */
  items: ItemCoverage[];
}

/** Where `value` sits on a ramp: 0 at or below `from`, 1 at or above `to`, in proportion between (how a core part gates the rest). */
export function ramp(value: number, [from, to]: readonly [number, number]): number {
  return Math.min(1, Math.max(0, (value - from) / (to - from)));
}

export function round4(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
}

export function overallVerdict(score: number): string {
  if (score >= 0.85)
    return 'Strong analysis: it covers the threats that matter most, with specific mitigations and sensible ratings.';
  if (score >= 0.6)
    return 'A solid analysis with some gaps: see the hints for what is missing and the notes on individual rows.';
  if (score >= 0.3)
    return 'A start: several important threats are missing or rows need sharpening. Work through the hints.';
  return 'Not there yet: revisit the component walkthrough and the STRIDE-AI questions, then try again.';
}
