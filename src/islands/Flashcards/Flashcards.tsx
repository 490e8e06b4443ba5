/**
 * Flashcard decks with spaced repetition (FSRS). The deck list shows what is due from saved
 * state alone; a study session loads the deck and the scheduler. Space shows the answer, 1 to 4
 * rate it (Again, Hard, Good, Easy); every rating is saved at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Deck, Flashcard, RetiredCard } from '../../lib/srs/decks';
import type * as ScheduleModule from '../../lib/srs/schedule';
import type { GradeName } from '../../lib/srs/schedule';
import { currentCard, initialSession, ratable, sessionReducer } from '../../lib/srs/session';
import { dueCountsBySize, nextDue, studyQueue, withoutRetired, type DeckState } from '../../lib/srs/state';
import { withBase } from '../../lib/site/paths';
import { subscribeChanges } from '../../stores/storage';
import { readDeck, resetDeck, restoreDeck, saveCard } from '../../stores/srs';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { MessageArea, type Message } from '../common/MessageArea';
import { useLiveReducer } from '../common/use-live-reducer';
import type StudyCardView from './StudyCard';

export interface DeckSummary {
  id: string;
  title: string;
  description: string;
  size: number;
  /** Cards of items a framework release removed: never due, shown with a note when reviewed. */
  retired: RetiredCard[];
}

interface Props {
  base: string;
  decks: DeckSummary[];
  /** URL of a deck's JSON, with "DECK" in place of its id. */
  deckUrl: string;
}

const GRADE_KEYS: Record<string, GradeName> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };
const NEW_PER_SESSION = 20;

type Scheduler = typeof ScheduleModule;

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

export default function Flashcards({ base, decks, deckUrl }: Props) {
  const [states, setStates] = useState<Record<string, DeckState>>({});
  const [retiredNotes, setRetiredNotes] = useState<Record<string, string[]>>({});
  const [now, setNow] = useState(() => new Date());
  const [studying, dispatch, live] = useLiveReducer(sessionReducer, initialSession);
  const [message, setMessage] = useState<Message | null>(null);
  const [confirmReset, setConfirmReset] = useState<DeckSummary | null>(null);
  // Code, not session state: the scheduler module, loaded with the first deck studied.
  const scheduler = useRef<Scheduler | null>(null);
  // The card view loads with the deck and the scheduler, when the first session starts.
  const [Study, setStudy] = useState<typeof StudyCardView | null>(null);
  const { session, loading, finished } = studying;

  // Review state without retired cards: they stay stored (a later reset clears them) but never count.
  const retiredIds = (deck: string) => new Set(decks.find((d) => d.id === deck)?.retired.map((r) => r.id) ?? []);
  const reload = () => {
    const stored = Object.fromEntries(decks.map((d) => [d.id, readDeck(d.id)]));
    setStates(Object.fromEntries(decks.map((d) => [d.id, withoutRetired(stored[d.id] ?? {}, retiredIds(d.id))])));
    // One note per removed item the learner reviewed, though both of its cards may have been.
    setRetiredNotes(
      Object.fromEntries(
        decks.map((d) => [d.id, [...new Set(d.retired.filter((r) => stored[d.id]?.[r.id]).map((r) => r.note))]]),
      ),
    );
    setNow(new Date());
  };

  useEffect(() => {
    reload();
    const stop = subscribeChanges(() => reload());
    // Due counts move with the clock: refresh them every minute.
    const id = window.setInterval(() => setNow(new Date()), 60_000);
    return () => {
      stop();
      window.clearInterval(id);
    };
  }, []);

  const study = async (summary: DeckSummary) => {
    dispatch({ type: 'load', deck: summary.id });
    try {
      const [deck, schedule, view] = await Promise.all([
        fetch(deckUrl.replace('DECK', summary.id)).then((r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          return r.json() as Promise<Deck>;
        }),
        import('../../lib/srs/schedule'),
        import('./StudyCard'),
      ]);
      scheduler.current = schedule;
      setStudy(() => view.default);
      const state = readDeck(deck.id);
      const ids = studyQueue(
        deck.cards.map((c) => c.id),
        state,
        new Date(),
        NEW_PER_SESSION,
      );
      const queue = ids.map((id) => deck.cards.find((c) => c.id === id)).filter((c): c is Flashcard => c !== undefined);
      dispatch({ type: 'start', deck, queue });
      if (queue.length === 0) {
        setMessage({ tone: 'success', text: `Nothing is due in ${deck.title} right now. Come back later.` });
        return;
      }
      setMessage(null);
      focusSoon('flashcard');
    } catch {
      dispatch({ type: 'failed' });
      setMessage({
        tone: 'error',
        text: 'The deck could not be loaded. Check your connection to this site and try again.',
      });
    }
  };

  const flip = () => {
    const current = live().session;
    if (!current || current.flipped) return;
    dispatch({ type: 'flip' });
    focusSoon('rate-good');
  };

  // Reads the state after the latest dispatch, not the last render: a second key press before the
  // next card renders finds it unflipped and rates nothing, and 1-4 right after Space is not lost.
  const rate = (grade: GradeName) => {
    const before = live();
    const card = ratable(before);
    if (!card || !before.session || !scheduler.current) return;
    const deck = before.session.deck.id;
    saveCard(deck, card.id, scheduler.current.review(readDeck(deck)[card.id], grade, new Date()));
    const after = dispatch({ type: 'rate', grade });
    reload();
    focusSoon(after.session ? 'flashcard' : 'session-done');
  };

  // One keyboard listener for the island's life, reading the latest state through a ref: a listener
  // re-registered after each render could miss a key pressed right after the card turns.
  const latest = useRef({ flip, rate });
  latest.current = { flip, rate };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const current = live().session;
      if (!current) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT'))
        return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const grade = GRADE_KEYS[e.key];
      if (e.key === ' ' && !current.flipped) {
        e.preventDefault();
        latest.current.flip();
      } else if (current.flipped && grade) {
        e.preventDefault();
        latest.current.rate(grade);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const reset = (summary: DeckSummary) => {
    setConfirmReset(null);
    const before = resetDeck(summary.id);
    reload();
    setMessage({
      tone: 'success',
      text: `Reviews of ${summary.title} were reset.`,
      undo: () => (restoreDeck(summary.id, before), reload()),
    });
  };

  const card = currentCard(studying);
  const schedule = scheduler.current;
  const previews =
    session && card && session.flipped && schedule
      ? schedule.preview(readDeck(session.deck.id)[card.id], new Date())
      : null;
  const label = (g: GradeName) => (previews && schedule ? schedule.intervalLabel(new Date(), previews[g]) : '');
  const intervals = previews
    ? { again: label('again'), hard: label('hard'), good: label('good'), easy: label('easy') }
    : null;

  return (
    <div class="flashcards">
      <MessageArea message={message} />
      {session && card ? (
        Study ? (
          <Study
            title={session.deck.title}
            left={session.queue.length}
            card={card}
            flipped={session.flipped}
            intervals={intervals}
            seeHref={(path) => withBase(base, path)}
            onFlip={flip}
            onRate={rate}
            onEnd={() => (dispatch({ type: 'end' }), reload())}
          />
        ) : null
      ) : (
        <>
          {finished && (
            <p id="session-done" class="callout" tabIndex={-1}>
              Session done: {finished.reviewed} card{finished.reviewed === 1 ? '' : 's'} reviewed.{' '}
              {(() => {
                const next = nextDue(states[finished.deck] ?? {});
                return next ? `The next card in this deck is due ${next.toLocaleString()}.` : '';
              })()}
            </p>
          )}
          <ul class="deck-list">
            {decks.map((d) => {
              const counts = dueCountsBySize(d.size, states[d.id] ?? {}, now);
              const notes = retiredNotes[d.id] ?? [];
              return (
                <li key={d.id} class="deck card" aria-labelledby={`deck-${d.id}`}>
                  <h2 id={`deck-${d.id}`}>{d.title}</h2>
                  <p>{d.description}</p>
                  <p class="deck__counts" data-deck={d.id}>
                    <span>{counts.due} due</span> · <span>{counts.new} new</span> ·{' '}
                    <span>{counts.later} learned, not due</span> · {d.size} cards
                  </p>
                  {notes.length > 0 && (
                    <div class="deck__retired meta">
                      <p>
                        Retired: {notes.length === 1 ? 'a card' : `${notes.length} cards`} you reviewed. They will not
                        come due again.
                      </p>
                      <ul>
                        {notes.map((note) => (
                          <li key={note}>{note}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                  <div class="button-row">
                    <button
                      type="button"
                      class="button"
                      disabled={loading !== null || counts.due + counts.new === 0}
                      onClick={() => void study(d)}
                      aria-label={`Study ${d.title}`}
                    >
                      {loading === d.id ? 'Loading…' : 'Study'}
                    </button>
                    <button
                      type="button"
                      class="button secondary small"
                      disabled={counts.due + counts.later === 0}
                      onClick={() => setConfirmReset(d)}
                      aria-label={`Reset reviews of ${d.title}`}
                    >
                      Reset
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {confirmReset && (
        <ConfirmDialog
          title={`Reset ${confirmReset.title}?`}
          confirmLabel="Reset the deck"
          danger
          onConfirm={() => reset(confirmReset)}
          onCancel={() => setConfirmReset(null)}
        >
          <p>Every card in this deck becomes new again. You can undo right after.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
