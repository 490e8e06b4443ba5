/**
 * Flashcard review state, one key per deck (`srs:<deck>`), saved after every rating and synced
 * across tabs.
 */
import { atom, onMount, type WritableAtom } from 'nanostores';
import type { CardState, DeckState } from '../lib/srs/state';
import { flushWrites, scheduleWrite } from './deferred-writes';
import './family-srs';
import { readEntry, subscribeChanges } from './storage';

const stores = new Map<string, WritableAtom<DeckState>>();

export function deckStore(deck: string): WritableAtom<DeckState> {
  let $deck = stores.get(deck);
  if ($deck) return $deck;
  const key = `srs:${deck}`;
  const store = atom<DeckState>({});
  const load = () => store.set((readEntry(key) as DeckState | undefined) ?? {});
  onMount(store, () => {
    load();
    return subscribeChanges((changed) => {
      if (changed === null || changed === key) load();
    });
  });
  stores.set(deck, store);
  $deck = store;
  return $deck;
}

/** Reads a deck's state now (for pages that show counts without subscribing). */
export function readDeck(deck: string): DeckState {
  return (readEntry(`srs:${deck}`) as DeckState | undefined) ?? {};
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
