/** The graded report: score, parts, a verdict per row, hints (or names) for what was missed. */
import type { FeedbackItem, GradeReport } from '../../lib/grading/report';
import { withBase } from '../../lib/site/paths';

interface Props {
  report: GradeReport;
  base: string;
  /** Lesson titles by site path, to name the lesson a feedback item links to. */
  lessonTitles: Record<string, string>;
  attempts: number;
  revealed: boolean;
  onReveal: () => void;
  onShowRow: (index: number) => void;
  onShowReference: () => void;
  referenceShown: boolean;
}

const VERDICTS: Record<FeedbackItem['verdict'], string> = {
  correct: 'Correct',
  partial: 'Partly right',
  wrong: 'Wrong',
  missed: 'Missed',
  duplicate: 'Duplicate',
  extra: 'Not in the key',
  info: 'Note',
};

interface ItemProps {
  item: FeedbackItem;
  base: string;
  lessonTitles: Record<string, string>;
  onShowRow: (index: number) => void;
}

function Item({ item, base, lessonTitles, onShowRow }: ItemProps) {
  const lessonTitle = item.lesson ? lessonTitles[item.lesson.split('#')[0] ?? ''] : undefined;
  const row = /^row (\d+)$/.exec(item.target);
  return (
    <li class={`feedback feedback--${item.verdict}`}>
      <span class={`verdict verdict--${item.verdict}`}>{VERDICTS[item.verdict]}</span>{' '}
      {row ? (
        <button type="button" class="link-button" onClick={() => onShowRow(Number(row[1]) - 1)}>
          Threat {row[1]}
        </button>
      ) : null}{' '}
      {item.message}
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

export function Report({ report, base, lessonTitles, attempts, revealed, onReveal, onShowRow, onShowReference, referenceShown }: Props) {
  const rows = report.feedback.filter((f) => f.target.startsWith('row '));
  const missed = report.feedback.filter((f) => f.verdict === 'missed' && f.target.startsWith('missed:'));
  const decomposition = report.feedback.filter((f) => f.target === 'decomposition');
  return (
    <section class="report" aria-labelledby="report-title" tabIndex={-1} id="report">
      <h3 id="report-title">
        Your score: {(report.score * 100).toFixed(1)}% <span class="meta">(attempt {attempts})</span>
      </h3>
      <p>{report.verdict}</p>
      <dl class="report__parts">
        {Object.entries(report.parts).map(([key, part]) => (
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
      {decomposition.length > 0 && (
        <>
          <h4>Decomposition</h4>
          <ul class="feedback-list">
            {decomposition.map((item, i) => (
              <Item key={i} item={item} base={base} lessonTitles={lessonTitles} onShowRow={onShowRow} />
            ))}
          </ul>
        </>
      )}
      {rows.length > 0 && (
        <>
          <h4>Your threats, row by row</h4>
          <ul class="feedback-list">
            {rows.map((item, i) => (
              <Item key={i} item={item} base={base} lessonTitles={lessonTitles} onShowRow={onShowRow} />
            ))}
          </ul>
        </>
      )}
      {missed.length > 0 && (
        <>
          <h4>{revealed ? `Threats you missed (${missed.length})` : `Hints for threats you missed (${missed.length})`}</h4>
          <ul class="feedback-list">
            {missed.map((item, i) => (
              <Item key={i} item={item} base={base} lessonTitles={lessonTitles} onShowRow={onShowRow} />
            ))}
          </ul>
          {!revealed && (
            <p>
              Hints come first, so you can find the threats yourself. The names appear on your next attempt, or now:{' '}
              <button type="button" class="button secondary small" onClick={onReveal}>
                Show what I missed
              </button>
            </p>
          )}
        </>
      )}
      {!referenceShown && (
        <p>
          <button type="button" class="button secondary" onClick={onShowReference}>
            Show the reference solution
          </button>
        </p>
      )}
    </section>
  );
}
