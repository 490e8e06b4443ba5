/** The graded report: score, parts, a verdict per row, hints (or names) for what was missed. */
import type { FeedbackItem, GradeReport } from '../../lib/grading/report';
import { FeedbackEntry, ScoreParts } from '../common/Feedback';

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

interface ItemProps {
  item: FeedbackItem;
  base: string;
  lessonTitles: Record<string, string>;
  onShowRow: (index: number) => void;
}

function Item({ item, base, lessonTitles, onShowRow }: ItemProps) {
  const row = /^row (\d+)$/.exec(item.target);
  const lead = row ? (
    <button type="button" class="link-button" onClick={() => onShowRow(Number(row[1]) - 1)}>
      Threat {row[1]}
    </button>
  ) : null;
  return <FeedbackEntry item={item} base={base} lessonTitles={lessonTitles} lead={lead} />;
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
      <ScoreParts parts={report.parts} />
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
