/** The graded report: score, parts, a verdict per row, hints (or names) for what was missed. */
import type { FeedbackItem, GradeReport } from '../../lib/grading/report';
import type { StrideStep } from '../../lib/exercises/stride/steps';
import { CheckedLine, FeedbackEntry, ScoreParts } from '../common/Feedback';

interface Props {
  report: GradeReport;
  base: string;
  /** Lesson titles by site path, to name the lesson a feedback item links to. */
  lessonTitles: Record<string, string>;
  attempts: number;
  /** When the report was made (ISO 8601). */
  checkedAt: string | undefined;
  /** The work changed since the report was made. */
  changed: boolean;
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
  const { row } = item;
  const lead =
    row === undefined ? null : (
      <button type="button" class="link-button" onClick={() => onShowRow(row)}>
        Threat {row + 1}
      </button>
    );
  return <FeedbackEntry item={item} base={base} lessonTitles={lessonTitles} lead={lead} />;
}

export function Report({
  report,
  base,
  lessonTitles,
  attempts,
  checkedAt,
  changed,
  revealed,
  onReveal,
  onShowRow,
  onShowReference,
  referenceShown,
}: Props) {
  const step = (id: StrideStep) => report.feedback.filter((f) => f.step === id);
  const rows = step('analyze').filter((f) => f.row !== undefined);
  const missed = step('analyze').filter((f) => f.row === undefined);
  const decomposition = step('decompose');
  return (
    <section class="report" aria-labelledby="report-title" tabIndex={-1} id="report">
      <h3 id="report-title">
        Your score: {(report.score * 100).toFixed(1)}% <span class="meta">(attempt {attempts})</span>
      </h3>
      <CheckedLine at={checkedAt} changed={changed} />
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
          <h4>
            {revealed ? `Threats you missed (${missed.length})` : `Hints for threats you missed (${missed.length})`}
          </h4>
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
