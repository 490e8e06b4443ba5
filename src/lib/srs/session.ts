/**
 * A flashcard study session as a pure state machine; the island renders it, and saves each
 * rating through the store and the scheduler (neither is touched here).
 *
 *   idle --load--> loading --start--> studying --flip--> flipped --rate--> studying (next card)
 *                         \--failed--> idle                      \--rate--> idle, finished (last card)
 *   studying / flipped --end--> idle
 *
 * A card is rated once per showing: rating turns to the next card unflipped, so a second key
 * press before the page redraws finds nothing to rate. A card rated Again comes back once at the
 * end of the session.
 */
import type { Deck, Flashcard } from './decks';
import type { GradeName } from './schedule';

/** A session under way: the cards still to show, the first one current. */
export interface Session {
  deck: Deck;
  queue: Flashcard[];
  /** Ratings given so far this session. */
  done: number;
  /** Whether the current card shows its answer. */
  flipped: boolean;
  /** Ids of cards rated Again this session (each comes back once). */
  again: string[];
}

/** The study state of the flashcards page. */
export interface State {
  /** Id of the deck being loaded, if any. */
  loading: string | null;
  session: Session | null;
  /** The last session that ran to its end, until another deck is opened. */
  finished: { deck: string; reviewed: number } | null;
}

/** Everything that can happen to a study session. */
export type Action =
  | { type: 'load'; deck: string }
  | { type: 'start'; deck: Deck; queue: readonly Flashcard[] }
  | { type: 'failed' }
  | { type: 'flip' }
  | { type: 'rate'; grade: GradeName }
  | { type: 'end' };

/** No session, nothing loading. */
export const initialSession = (): State => ({ loading: null, session: null, finished: null });

/** The card on show, or null without a session. */
export const currentCard = (state: State): Flashcard | null => state.session?.queue[0] ?? null;

/** The card a rating would apply to now: the current one, once its answer shows. */
export const ratable = (state: State): Flashcard | null => (state.session?.flipped ? currentCard(state) : null);

function rate(state: State, session: Session, grade: GradeName): State {
  const [card, ...rest] = session.queue;
  if (!card || !session.flipped) return state;
  const comesBack = grade === 'again' && !session.again.includes(card.id);
  const queue = comesBack ? [...rest, card] : rest;
  const again = comesBack ? [...session.again, card.id] : session.again;
  const done = session.done + 1;
  if (queue.length === 0) return { ...state, session: null, finished: { deck: session.deck.id, reviewed: done } };
  return { ...state, session: { ...session, queue, done, flipped: false, again } };
}

/** The next state; an action that does not fit the current state leaves it as it is. */
export function sessionReducer(state: State, action: Action): State {
  const { session } = state;
  switch (action.type) {
    case 'load':
      return session ? state : { ...state, loading: action.deck, finished: null };
    case 'start':
      if (session || state.loading === null) return state;
      return {
        ...state,
        loading: null,
        session:
          action.queue.length === 0
            ? null
            : { deck: action.deck, queue: [...action.queue], done: 0, flipped: false, again: [] },
      };
    case 'failed':
      return { ...state, loading: null };
    case 'flip':
      return session && !session.flipped ? { ...state, session: { ...session, flipped: true } } : state;
    case 'rate':
      return session ? rate(state, session, action.grade) : state;
    case 'end':
      return session ? { ...state, session: null } : state;
  }
  // No default: every case returns, so an action type left out is a compile error (missing return).
}
