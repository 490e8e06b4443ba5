/**
 * Flashcard review state, one key per deck (`srs:<deck>`), saved after every rating and synced
 * across tabs.
 */
import type { WritableAtom } from 'nanostores';
import type { CardState, DeckState } from '../lib/srs/state';
import { flushWrites, scheduleWrite } from './deferred-writes';
import { SRS_FAMILY } from './family-srs';
import { readValue } from './storage';
import { storedAtom } from './stored-atom';

const stores = new Map<string, WritableAtom<DeckState>>();

export function deckStore(deck: string): WritableAtom<DeckState> {
  let $deck = stores.get(deck);
  if (!$deck) {
    $deck = storedAtom(SRS_FAMILY, `srs:${deck}`, (): DeckState => ({}));
    stores.set(deck, $deck);
  }
  return $deck;
}

/** Reads a deck's state now (for pages that show counts without subscribing). */
export function readDeck(deck: string): DeckState {
  return readValue(SRS_FAMILY, `srs:${deck}`) ?? {};
}

export function saveCard(deck: string, cardId: string, state: CardState): void {
  const $deck = deckStore(deck);
  const next = { ...$deck.get(), [cardId]: state };
  $deck.set(next);
  scheduleWrite(`srs:${deck}`, next);
  flushWrites();
}

/** Forgets a deck's reviews; returns them for Undo. */
export function resetDeck(deck: string): DeckState {
  const $deck = deckStore(deck);
  const before = $deck.get();
  $deck.set({});
  scheduleWrite(`srs:${deck}`, {});
  flushWrites();
  return before;
}

export function restoreDeck(deck: string, state: DeckState): void {
  const $deck = deckStore(deck);
  $deck.set(state);
  scheduleWrite(`srs:${deck}`, state);
  flushWrites();
}
