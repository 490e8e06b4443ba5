/**
 * One card of a study session: the front, the answer once shown, and the four ratings with the
 * next interval each would give. Loaded with the deck and the scheduler when a session starts.
 */
import type { Flashcard } from '../../lib/srs/decks';
import type { GradeName } from '../../lib/srs/schedule';

interface Props {
  title: string;
  /** Cards left in this session. */
  left: number;
  card: Flashcard;
  flipped: boolean;
  /** The interval each rating would give ("in 10 min"), once the answer shows. */
  intervals: Record<GradeName, string> | null;
  seeHref: (path: string) => string;
  onFlip: () => void;
  onRate: (grade: GradeName) => void;
  onEnd: () => void;
}

const GRADE_LABELS: Record<GradeName, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

export default function StudyCard({ title, left, card, flipped, intervals, seeHref, onFlip, onRate, onEnd }: Props) {
  return (
    <section aria-labelledby="study-title" class="study">
      <h2 id="study-title">
        {title} <span class="meta">{left} left in this session</span>
      </h2>
      <div id="flashcard" class="flashcard" tabIndex={-1} aria-live="polite">
        <p class="flashcard__front">{card.front}</p>
        {flipped && (
          <div class="flashcard__back">
            <p>{card.back}</p>
            {card.see && (
              <p class="meta">
                <a href={seeHref(card.see)}>Reference</a>
              </p>
            )}
          </div>
        )}
      </div>
      {!flipped ? (
        <button type="button" class="button" onClick={onFlip}>
          Show the answer <kbd>Space</kbd>
        </button>
      ) : (
        <div class="button-row rate-row" role="group" aria-label="How well did you recall it?">
          {(Object.keys(GRADE_LABELS) as GradeName[]).map((g, i) => (
            <button
              key={g}
              id={`rate-${g}`}
              type="button"
              class={g === 'again' ? 'button danger' : 'button secondary'}
              onClick={() => onRate(g)}
            >
              {GRADE_LABELS[g]} <kbd>{i + 1}</kbd>
              {intervals?.[g] && <span class="meta"> · {intervals[g]}</span>}
            </button>
          ))}
        </div>
      )}
      <button type="button" class="button secondary small" onClick={onEnd}>
        End the session
      </button>
    </section>
  );
}
