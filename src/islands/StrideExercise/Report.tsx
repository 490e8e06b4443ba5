/** The graded report: score, parts, a verdict per row, hints (or names) for what was missed. */
import { useState } from 'preact/hooks';
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
  /** The learner's rows, for "I think I covered this". */
  rows: ReadonlyArray<{ id: string; name: string; text: string }>;
  /** The key's wording of a missed threat, loaded on demand. */
  onLoadKeyThreat: (expected: string) => Promise<KeyThreat | undefined>;
  /** Reads one of the learner's rows as the missed threat's pattern. */
  onClaim: (rowId: string, threat: KeyThreat) => void;
}

/** What "I think I covered this" shows of a missed threat: the key's words and its pattern. */
export interface KeyThreat {
  name: string;
  wording: string;
  pattern: string;
  patternName: string;
}

interface ClaimProps {
  expected: string;
  rows: Props['rows'];
  onLoad: Props['onLoadKeyThreat'];
  onClaim: Props['onClaim'];
}

/**
 * "I think I covered this": the key's wording of a missed threat, and a way to say which of the
 * learner's rows means it. That sets the row's reading; the next check uses it only where the
 * row's text supports it, so claiming a threat never earns it on its own.
 */
function CoveredClaim({ expected, rows, onLoad, onClaim }: ClaimProps) {
  const [threat, setThreat] = useState<KeyThreat | null | undefined>();
  const [row, setRow] = useState(rows[0]?.id ?? '');
  const [done, setDone] = useState<string | undefined>();
  const base = `claim-${expected}`;
  if (threat === undefined)
    return (
      <button
        type="button"
        class="button secondary small covered-claim__open"
        onClick={() => void onLoad(expected).then((t) => setThreat(t ?? null))}
      >
        I think I covered this
      </button>
    );
  if (threat === null) return <p class="meta">The key’s wording could not be loaded. Try again later.</p>;
  return (
    <div class="covered-claim" role="group" aria-labelledby={`${base}-title`}>
      <p id={`${base}-title`}>
        <strong>The key’s threat: {threat.name}.</strong> In the key’s words: “{threat.wording}”
      </p>
      {rows.length === 0 ? (
        <p class="meta">You have no threats yet to compare it with.</p>
      ) : (
        <div class="field-row">
          <div class="field">
            <label for={`${base}-row`}>Which of your threats says this?</label>
            <select id={`${base}-row`} value={row} onChange={(e) => setRow(e.currentTarget.value)}>
              {rows.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}: {r.text.length > 70 ? `${r.text.slice(0, 69)}…` : r.text || '(no threat written yet)'}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            class="button small"
            onClick={() => {
              const chosen = rows.find((r) => r.id === row);
              if (!chosen) return;
              onClaim(chosen.id, threat);
              setDone(chosen.name);
            }}
          >
            Read it as {threat.patternName}
          </button>
        </div>
      )}
      <p class="meta" role="status">
        {done
          ? `${done} is now read as ${threat.patternName}. Check again: it counts if its text says so; if not, its note says what is missing.`
          : 'Your row is then read as this threat’s pattern at the next check, if its text supports that reading.'}
      </p>
    </div>
  );
}

interface ItemProps {
  item: FeedbackItem;
  base: string;
  lessonTitles: Record<string, string>;
  onShowRow: (index: number) => void;
  /** For a missed threat: "I think I covered this". */
  claim?: Omit<ClaimProps, 'expected'>;
}

function Item({ item, base, lessonTitles, onShowRow, claim }: ItemProps) {
  const { row } = item;
  const lead =
    row === undefined ? null : (
      <button type="button" class="link-button" onClick={() => onShowRow(row)}>
        Threat {row + 1}
      </button>
    );
  return (
    <FeedbackEntry item={item} base={base} lessonTitles={lessonTitles} lead={lead}>
      {claim && item.expected && (
        <CoveredClaim expected={item.expected} rows={claim.rows} onLoad={claim.onLoad} onClaim={claim.onClaim} />
      )}
    </FeedbackEntry>
  );
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
  rows: learnerRows,
  onLoadKeyThreat,
  onClaim,
}: Props) {
  const claim = { rows: learnerRows, onLoad: onLoadKeyThreat, onClaim };
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
            {missed.map((item) => (
              <Item
                key={item.expected ?? item.target}
                item={item}
                base={base}
                lessonTitles={lessonTitles}
                onShowRow={onShowRow}
                claim={claim}
              />
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
