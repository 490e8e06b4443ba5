/**
 * The end of a lesson: where the learner stands on its checks, each linked, and "retry what I
 * missed", which starts again only the checks not right at the first try. The lesson counts as
 * done when every check is solved.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { solvedLabel, summarize, type CheckState } from '../../lib/quiz/record';
import { quizStore } from '../../stores/quiz';

export interface LessonChecksProps {
  lesson: string;
  checks: Array<{ id: string; prompt: string }>;
  /** The next step after this lesson, if any. */
  next?: { label: string; href: string } | undefined;
}

function stateLabel(state: CheckState | undefined): string {
  return solvedLabel(state) ?? (state && state.tries > 0 ? 'Not yet right' : 'Not answered');
}

export default function LessonChecks({ lesson, checks, next }: LessonChecksProps) {
  const ids = checks.map((c) => c.id);
  const store = quizStore(lesson, ids);
  const record = useStore(store.$record, { ssr: 'initial' });
  const [ready, setReady] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setReady(true), []);
  const summary = summarize(record, ids);
  const percent = Math.round(summary.score * 100);

  const retry = () => {
    const first = summary.missed[0];
    const count = store.retryMissed();
    setMessage(
      count > 0
        ? `${count} ${count === 1 ? 'check starts' : 'checks start'} again. Your right answers are kept.`
        : null,
    );
    if (!first) return;
    // Take the learner to the first check to retry; focus lands on it, so its prompt is read out.
    requestAnimationFrame(() => {
      const target = document.querySelector<HTMLElement>(`[data-check="${first}"]`);
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    });
  };

  return (
    <div class="lesson-checks">
      <p class="lesson-checks__summary">
        {summary.done ? (
          <strong>
            Lesson done: {summary.first} of {summary.total} right at the first try
            {summary.partly > 0 ? `, ${summary.partly} partly` : ''} ({percent}%).
          </strong>
        ) : (
          <>
            {summary.solved} of {summary.total} checks solved
            {summary.notYet > 0 ? `, ${summary.notYet} not yet right` : ''}.{' '}
            {summary.solved === 0 && summary.notYet === 0
              ? 'Answer every check above to finish the lesson.'
              : 'Solve the rest to finish the lesson.'}
          </>
        )}
      </p>
      <ol class="lesson-checks__list">
        {checks.map((check) => {
          const state = record.checks[check.id];
          return (
            <li key={check.id} class={state?.outcome ? `solved-${state.outcome}` : undefined}>
              <a href={`#check-${check.id}`}>{check.prompt}</a> <span class="meta">{stateLabel(state)}</span>
            </li>
          );
        })}
      </ol>
      <div class="quiz-actions">
        {summary.missed.length > 0 && (
          <button type="button" class="button small" disabled={!ready} onClick={retry}>
            Retry the {summary.missed.length === 1 ? 'check' : `${summary.missed.length} checks`} I missed
          </button>
        )}
        {summary.done && next && (
          <a class="button secondary small" href={next.href}>
            Next: {next.label}
          </a>
        )}
      </div>
      <p role="status" aria-live="polite" class="meta">
        {message}
      </p>
    </div>
  );
}
