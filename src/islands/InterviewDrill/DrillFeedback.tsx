/**
 * The feedback on one drill answer: the key points covered and missed, the self-assessment, the
 * strategy, the model outline, pitfalls and follow-ups. Loaded with the matcher when the first
 * answer is submitted, so the drill page opens without it.
 */
import type { InterviewQuestion } from '../../lib/content/schema';
import type { Coverage } from '../../lib/interview/coverage';
import { CRITERIA, type Criterion, type SelfScores } from '../../lib/interview/record';
import { CRITERION_LABELS } from '../../lib/interview/summary';

interface Props {
  question: InterviewQuestion;
  coverage: Coverage;
  /** "3:07 of 4:00": the time taken, and the time allowed. */
  time: string;
  /** The question's own page. */
  questionHref: string;
  self: Partial<SelfScores>;
  onRate: (criterion: Criterion, score: number) => void;
  onSave: () => void;
  onNext: () => void;
  /** "Next question", "Finish the drill"... */
  nextLabel: string;
}

export default function DrillFeedback({
  question,
  coverage,
  time,
  questionHref,
  self,
  onRate,
  onSave,
  onNext,
  nextLabel,
}: Props) {
  return (
    <section aria-labelledby="drill-feedback-title" class="drill__feedback report" id="drill-feedback" tabIndex={-1}>
      <h2 id="drill-feedback-title">
        Key points: {coverage.points.filter((p) => p.covered).length} of {coverage.points.length} covered
      </h2>
      <p class={coverage.structured ? 'callout' : 'callout error'}>{coverage.summary}</p>
      <ul class="feedback-list">
        {coverage.points.map((p) => (
          <li key={p.label} class={`feedback feedback--${p.covered ? 'correct' : 'missed'}`}>
            <span class={`verdict verdict--${p.covered ? 'correct' : 'missed'}`}>
              {p.covered ? 'Covered' : 'Missed'}
            </span>{' '}
            {p.label}
          </li>
        ))}
      </ul>
      <p class="meta">Answered in {time}. Attempt saved.</p>

      <fieldset class="self-assessment">
        <legend>Rate your answer, 1 (weak) to 5 (strong)</legend>
        {CRITERIA.map((c) => (
          <fieldset key={c} class="rating">
            <legend>
              {CRITERION_LABELS[c].label}: <span class="meta">{CRITERION_LABELS[c].prompt}</span>
            </legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} class="rating__option">
                <input
                  type="radio"
                  name={`self-${c}`}
                  value={n}
                  checked={self[c] === n}
                  onChange={() => onRate(c, n)}
                />{' '}
                {n}
              </label>
            ))}
          </fieldset>
        ))}
        <button type="button" class="button secondary" onClick={onSave}>
          Save my ratings
        </button>
      </fieldset>

      <h3>Answer strategy</h3>
      <p class="prose">{question.strategy}</p>
      <h3>Model answer outline</h3>
      <ol class="prose">
        {question.outline.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ol>
      {question.pitfalls.length > 0 && (
        <>
          <h3>Common pitfalls</h3>
          <ul class="prose">
            {question.pitfalls.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
      {question.followUps.length > 0 && (
        <>
          <h3>Expect these follow-ups</h3>
          <ul class="prose">
            {question.followUps.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </>
      )}
      <div class="button-row">
        <button type="button" class="button" onClick={onNext}>
          {nextLabel}
        </button>
        <a class="button secondary" href={questionHref}>
          Open the question page
        </a>
      </div>
    </section>
  );
}
