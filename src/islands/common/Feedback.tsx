/** Pieces of a graded report shared by the exercises: a feedback entry and the score parts. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { FeedbackItem, GradeReport } from '../../lib/grading/report';
import type { ExerciseStep } from '../../lib/exercises/steps';
import type { Draft } from '../../lib/progress/draft';
import { withBase } from '../../lib/site/paths';
import type { ExerciseState } from './use-exercise';

const VERDICTS: Record<FeedbackItem['verdict'], string> = {
  correct: 'Correct',
  partial: 'Partly right',
  wrong: 'Wrong',
  missed: 'Missed',
  duplicate: 'Duplicate',
  extra: 'Not in the key',
  info: 'Note',
};

interface EntryProps {
  item: FeedbackItem;
  base: string;
  /** Lesson titles by site path, to name the lesson an item links to. */
  lessonTitles: Record<string, string>;
  /** Shown before the message, e.g. a button that jumps to the row. */
  lead?: ComponentChildren;
  /** Shown after the links, e.g. a way to answer the note. */
  children?: ComponentChildren;
}

/** One feedback item: verdict, message, and links to the lesson section and the reference page. */
export function FeedbackEntry({ item, base, lessonTitles, lead, children }: EntryProps) {
  const lessonTitle = item.lesson ? lessonTitles[item.lesson.split('#')[0] ?? ''] : undefined;
  return (
    <li class={`feedback feedback--${item.verdict}`}>
      <span class={`verdict verdict--${item.verdict}`}>{VERDICTS[item.verdict]}</span> {lead} {item.message}
      {item.lesson && (
        <>
          {' '}
          <a href={withBase(base, item.lesson)}>{lessonTitle ? `Lesson: ${lessonTitle}` : 'Learn more'}</a>
        </>
      )}
      {item.see && (
        <>
          {' · '}
          <a href={withBase(base, item.see)}>Reference</a>
        </>
      )}
      {children}
    </li>
  );
}

/** The last check's notes on one row or entry of the work, kept with it. */
export interface AttachedFeedback {
  items: FeedbackItem[];
  /** The work changed since that check. */
  stale: boolean;
  /** The page's base path and lesson titles, for the notes' links. */
  base: string;
  lessonTitles: Record<string, string>;
}

/**
 * The last check's notes on the rows of one step, by each row's id (`ids`: the ids of the rows
 * the report's row numbers count), so notes follow their row when rows move or others are added.
 */
export function notesByRow(report: GradeReport | undefined, step: string, ids: readonly string[]) {
  const byRow = new Map<string, FeedbackItem[]>();
  for (const item of report?.feedback ?? []) {
    if (item.row === undefined || item.step !== step) continue;
    const id = ids[item.row];
    if (id) byRow.set(id, [...(byRow.get(id) ?? []), item]);
  }
  return byRow;
}

/** The verdict the last check gave a row (its main note), for the row's heading. */
export function VerdictChip({ feedback }: { feedback: AttachedFeedback | undefined }) {
  const lead = feedback?.items.find((item) => item.verdict !== 'info');
  if (!feedback || !lead) return null;
  return (
    <>
      {' '}
      <span class={`verdict verdict--${lead.verdict}${feedback.stale ? ' verdict--stale' : ''}`}>
        {feedback.stale ? 'Last check: ' : ''}
        {VERDICTS[lead.verdict]}
      </span>
    </>
  );
}

/** A row the last check has something to fix on: its id, how the page names it, its verdict. */
export interface FlaggedRow {
  id: string;
  label: string;
  verdict: FeedbackItem['verdict'];
}

/** The rows whose main note from the last check is not "Correct", in the order the work lists them. */
export function flaggedRows(
  byRow: ReadonlyMap<string, FeedbackItem[]>,
  rows: ReadonlyArray<{ id: string; label: string }>,
): FlaggedRow[] {
  const out: FlaggedRow[] = [];
  for (const { id, label } of rows) {
    const lead = byRow.get(id)?.find((item) => item.verdict !== 'info');
    if (lead && lead.verdict !== 'correct') out.push({ id, label, verdict: lead.verdict });
  }
  return out;
}

interface StepperProps {
  flagged: FlaggedRow[];
  /** How many rows the last check judged, and what a row is called ("threat", "threats"). */
  judged: number;
  noun: readonly [string, string];
  /** The work changed since that check. */
  stale: boolean;
  /** Brings a row into view with its notes open. */
  onGo: (id: string) => void;
}

/**
 * A bar that stays in view at the foot of a step after a check and takes the learner from one
 * flagged row to the next (and back), each shown with its notes open. Looking costs no attempt.
 */
export function FeedbackStepper({ flagged, judged, noun, stale, onGo }: StepperProps) {
  const [at, setAt] = useState(-1);
  const n = flagged.length;
  const current = at >= 0 && at < n ? flagged[at] : undefined;
  const go = (step: 1 | -1) => {
    const next = current ? (at + step + n) % n : step === 1 ? 0 : n - 1;
    const target = flagged[next];
    if (!target) return;
    setAt(next);
    onGo(target.id);
  };
  const nextOne = flagged[current ? (at + 1) % n : 0];
  const [one, many] = noun;
  return (
    <div class="feedback-stepper" role="group" aria-label="Feedback from your last check">
      <p class="feedback-stepper__text">
        {n === 0
          ? `Last check: nothing to fix in the ${judged === 1 ? one : many} it judged here.`
          : `Last check: ${n} of ${judged} ${judged === 1 ? one : many} flagged${current ? ` (at ${at + 1} of ${n})` : ''}.`}
        {stale && <span class="meta"> Made before your later edits.</span>}
      </p>
      {n > 0 && (
        <p class="feedback-stepper__buttons">
          {n > 1 && (
            <button type="button" class="button secondary small" onClick={() => go(-1)}>
              Previous
            </button>
          )}
          {nextOne && (
            <button type="button" class="button small" onClick={() => go(1)}>
              {n === 1 || !current ? 'Go to' : 'Next:'} {nextOne.label} ({VERDICTS[nextOne.verdict]})
            </button>
          )}
          <a class="feedback-stepper__report" href="#report">
            Full report
          </a>
        </p>
      )}
    </div>
  );
}

/**
 * Brings a row or entry into view with its notes from the last check unfolded and focused (its
 * first focusable line when it has no notes): where the feedback bar steps to.
 */
export function revealNotes(row: HTMLElement | null): void {
  const notes = row?.querySelector<HTMLDetailsElement>('details.row-feedback');
  if (notes) notes.open = true;
  row?.scrollIntoView({ block: 'start' });
  (notes?.querySelector<HTMLElement>('summary') ?? row?.querySelector<HTMLElement>('button, input'))?.focus({
    preventScroll: true,
  });
}

/** What the last check said of a row, under the row. */
export function AttachedNotes({ feedback }: { feedback: AttachedFeedback | undefined }) {
  if (!feedback || feedback.items.length === 0) return null;
  // Folded: the verdict shows on the row's heading, the notes a click away (and a long analysis
  // lays out no hidden notes, so a check does not stall the page).
  return (
    <details class="row-feedback">
      <summary class="meta">
        {feedback.stale ? 'What your last check said, before your later edits' : 'What your last check said'}
      </summary>
      <ul class="feedback-list">
        {feedback.items.map((item, i) => (
          <FeedbackEntry key={i} item={item} base={feedback.base} lessonTitles={feedback.lessonTitles} />
        ))}
      </ul>
    </details>
  );
}

/** When the report was made, and whether the work has changed since (then it is about the work as it was). */
export function CheckedLine({ at, changed }: { at: string | undefined; changed: boolean }) {
  const when = at ? new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : undefined;
  return (
    <p class={changed ? 'callout report__when report__when--changed' : 'meta report__when'}>
      {when && <>Checked {when}. </>}
      {changed
        ? 'You have changed your work since: this feedback is about the work as it was then. Check again to update it.'
        : 'Your work has not changed since: checking it again shows the same feedback and is not a new attempt.'}
    </p>
  );
}

/** The parts of the score, each with a meter and what it measures. */
export function ScoreParts({ parts }: { parts: GradeReport['parts'] }) {
  return (
    <dl class="report__parts">
      {Object.entries(parts).map(([key, part]) => (
        <div key={key}>
          <dt>
            {part.label}: {Math.round(part.score * 100)}%
          </dt>
          <dd>
            <meter min={0} max={1} value={part.score} aria-label={part.label} /> <span class="meta">{part.detail}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface GradedReportProps<A> {
  /** The exercise's state: its report (nothing shows before a check) and the check to reveal with. */
  exercise: ExerciseState<A>;
  /** The draft: attempts so far, and whether the key's answers are already shown. */
  draft: Pick<Draft<A>, 'attempts' | 'revealed'>;
  /** The kind's steps: feedback is grouped by the step each item names, under the step's heading. */
  steps: readonly ExerciseStep[];
  /** The page's base path and lesson titles, for the feedback's links. */
  page: { base: string; lessonTitles: Record<string, string> };
  /** Said before the button that shows the key's answers, until they are shown. */
  hint: string;
}

/** A graded report: score and attempt, verdict, parts, feedback grouped by step, and the reveal offer. */
export function GradedReport<A>({ exercise, draft, steps, page, hint }: GradedReportProps<A>) {
  const { base, lessonTitles } = page;
  const { report } = exercise;
  if (!report) return null;
  return (
    <section class="report" aria-labelledby="report-title" tabIndex={-1} id="report">
      <h4 id="report-title">
        Your score: {(report.score * 100).toFixed(1)}% <span class="meta">(attempt {draft.attempts})</span>
      </h4>
      <CheckedLine at={exercise.checkedAt} changed={exercise.changedSinceCheck} />
      <p>{report.verdict}</p>
      <ScoreParts parts={report.parts} />
      {steps.map((step) => {
        const items = report.feedback.filter((f) => f.step === step.id);
        if (items.length === 0) return null;
        return (
          <div key={step.id}>
            <h5>{step.feedback}</h5>
            <ul class="feedback-list">
              {items.map((item, i) => (
                <FeedbackEntry key={i} item={item} base={base} lessonTitles={lessonTitles} />
              ))}
            </ul>
          </div>
        );
      })}
      {!draft.revealed && (
        <p>
          {hint}{' '}
          <button
            type="button"
            class="button secondary small"
            onClick={() => void exercise.check({ countAttempt: false, reveal: true })}
          >
            Show the key's answers
          </button>
        </p>
      )}
    </section>
  );
}
