/** The small marks the choice, order and classify views share: right/wrong icons and answer tags. */
import type { Mark } from '../../../lib/quiz/questions';

const MARK_TEXT: Record<'right' | 'wrong', string> = { right: 'correct', wrong: 'not correct' };

/** A check mark or cross beside a judged choice, with its meaning for screen readers. */
export function MarkIcon({ mark }: { mark: Mark | undefined }) {
  if (!mark) return null;
  return (
    <span class={`quiz-mark ${mark}`}>
      <span aria-hidden="true">{mark === 'right' ? '✓' : '✗'}</span>
      <span class="visually-hidden">({MARK_TEXT[mark]})</span>
    </span>
  );
}

/** "Correct answer" / "Your answer" labels shown once a check is solved. */
export function Tags({ right, mine }: { right: boolean; mine: boolean }) {
  return (
    <>
      {right && <span class="quiz-tag right">Correct answer</span>}
      {mine && <span class="quiz-tag mine">Your answer</span>}
    </>
  );
}
