/** The end of a mock interview: coverage per answer and the weakest areas. Loaded when a mock ends. */
import type { DrillAttempt } from '../../lib/interview/record';
import { CRITERION_LABELS, summarizeAttempts } from '../../lib/interview/summary';

const pct = (n: number) => `${Math.round(n * 100)}%`;

interface SummaryProps {
  mockId: string;
  attempts: DrillAttempt[];
  questionText: (id: string) => string;
  topicOf: (id: string) => string | undefined;
  topicLabels: Record<string, string>;
  onDone: () => void;
}

export default function MockSummary({ mockId, attempts, questionText, topicOf, topicLabels, onDone }: SummaryProps) {
  const mine = attempts.filter((a) => a.mock === mockId);
  const summary = summarizeAttempts(mine, topicOf);
  const areaName = (a: { name: string; kind: 'topic' | 'criterion' }) =>
    a.kind === 'topic'
      ? (topicLabels[a.name] ?? a.name)
      : CRITERION_LABELS[a.name as keyof typeof CRITERION_LABELS].label;
  return (
    <section aria-labelledby="mock-summary-title" class="report" id="mock-summary" tabIndex={-1}>
      <h2 id="mock-summary-title">Mock interview summary</h2>
      <p>
        {mine.length} answers; on average {pct(summary.coverage)} of key points covered; {summary.structured} of{' '}
        {mine.length} answered in structured sentences.
        {summary.rated > 0
          ? ` Self-rated ${summary.rated} of ${mine.length}.`
          : ' Rate your answers next time to see your weakest criteria too.'}
      </p>
      <ol>
        {mine.map((a) => (
          <li key={a.at}>
            {questionText(a.question)}: {a.covered} of {a.total} key points{a.structured ? '' : ', not structured'}
          </li>
        ))}
      </ol>
      <h3>Work on these first</h3>
      {summary.weakest.length === 0 ? (
        <p>Nothing stands out.</p>
      ) : (
        <ul>
          {summary.weakest.map((w) => (
            <li key={`${w.kind}-${w.name}`}>
              {areaName(w)} (
              {w.kind === 'topic' ? `${pct(w.score)} of key points` : `${(w.score * 5).toFixed(1)} / 5 self-rating`})
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="button" onClick={onDone}>
        Start another session
      </button>
    </section>
  );
}
