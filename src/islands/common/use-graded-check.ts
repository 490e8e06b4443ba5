/**
 * What "Check" does in every exercise: save the draft, load the grader and the answer key, grade
 * (naming missed items from the second attempt on, or when the learner asked), count the attempt,
 * record progress, keep the report with the draft, and move focus to the report. The report is
 * the draft's last check, so it survives a reload and shows in every tab; checking work that has
 * not changed since grades it again without counting an attempt. When it fails it says what
 * failed: the network, the site, or the grader (logged to the console).
 */
import { useStore } from '@nanostores/preact';
import { useMemo, useState } from 'preact/hooks';
import { fingerprint } from '../../lib/grading/checked';
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
  const state = useStore(draft.$draft, { ssr: 'initial' });
  const [checking, setChecking] = useState(false);
  const { checked } = state;
  // Whether the work changed since the report was made: the report then says it is about the work as it was.
  const changedSinceCheck = useMemo(
    () => (checked ? fingerprint(state.answers) !== checked.of : false),
    [checked, state.answers],
  );

  const check = async (options: { countAttempt: boolean; reveal?: boolean } = { countAttempt: true }) => {
    draft.flush();
    setChecking(true);
    try {
      const current = draft.$draft.get();
      // Looking at the feedback again, for work that has not changed, is not a new attempt.
      const unchanged = current.checked?.of === fingerprint(current.answers);
      const count = options.countAttempt && !unchanged;
      // From the second attempt on, missed items are named, not only hinted at.
      const revealed = options.reveal === true || current.revealed || (count && current.attempts >= 1);
      const next = await grade(current.answers, revealed);
      draft.saveCheck(next, { count, revealed });
      if (count) recordAttempt(itemId, next.score, next.score >= PROJECT_DONE_AT);
      onMessage(
        options.countAttempt && unchanged
          ? {
              tone: 'success',
              text: `Nothing has changed since your last check, so this one did not count as a new attempt (still ${current.attempts}). The feedback is below.`,
            }
          : null,
      );
      requestAnimationFrame(() => document.getElementById('report')?.focus());
    } catch (error) {
      onMessage(checkFailure(error, 'the answer key'));
    } finally {
      setChecking(false);
    }
  };

  return {
    /** The last check's report, kept with the draft; undefined before the first check. */
    report: checked?.report,
    /** When the report was made (ISO 8601). */
    checkedAt: checked?.at,
    /** The editor ids of the rows the report's row numbers count, where the work has rows. */
    checkedRows: checked?.rows,
    changedSinceCheck,
    checking,
    check,
  };
}
