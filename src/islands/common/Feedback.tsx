/** Pieces of a graded report shared by the exercises: a feedback entry and the score parts. */
import type { ComponentChildren } from 'preact';
import type { FeedbackItem, GradeReport } from '../../lib/grading/report';
import { withBase } from '../../lib/site/paths';

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
}

/** One feedback item: verdict, message, and links to the lesson section and the reference page. */
export function FeedbackEntry({ item, base, lessonTitles, lead }: EntryProps) {
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
    </li>
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
