/**
 * What "Check" does in every exercise: save the draft, load the grader and the answer key, grade
 * (naming missed items from the second attempt on, or when the learner asked), count the attempt,
 * record progress, and move focus to the report. When it fails it says what failed: the network,
 * the site, or the grader (logged to the console).
 */
import { useState } from 'preact/hooks';
import type { GradeReport } from '../../lib/grading/report';
import type { DraftStore } from '../../stores/exercise-draft';
import { recordAttempt } from '../../stores/progress-updates';
import { PROJECT_DONE_AT } from '../../lib/progress/updates';
import { checkFailure } from './check-failure';
import type { Message } from './MessageArea';

interface Options<A> {
  draft: DraftStore<A>;
  /** Progress item id, e.g. "projects/rmf-chatbot-gap". */
  itemId: string;
  /** Loads the grader and the key (lazily), then grades. */
  grade: (answers: A, revealMissed: boolean) => Promise<GradeReport>;
  onMessage: (message: Message | null) => void;
}

export function useGradedCheck<A>({ draft, itemId, grade, onMessage }: Options<A>) {
  const [report, setReport] = useState<GradeReport | undefined>();
  const [checking, setChecking] = useState(false);

  const check = async (options: { countAttempt: boolean; reveal?: boolean } = { countAttempt: true }) => {
    draft.flush();
    setChecking(true);
    try {
      const current = draft.$draft.get();
      // From the second attempt on, missed items are named, not only hinted at.
      const revealed = options.reveal === true || current.revealed || (options.countAttempt && current.attempts >= 1);
      const next = await grade(current.answers, revealed);
      if (options.countAttempt) {
        draft.recordGraded(revealed);
        recordAttempt(itemId, next.score, next.score >= PROJECT_DONE_AT);
      } else if (revealed) draft.reveal();
      setReport(next);
      onMessage(null);
      requestAnimationFrame(() => document.getElementById('report')?.focus());
    } catch (error) {
      onMessage(checkFailure(error, 'the answer key'));
    } finally {
      setChecking(false);
    }
  };

  return { report, setReport, checking, check };
}
