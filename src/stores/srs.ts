/**
 * Flashcard review state, one key per deck (`srs:<deck>`), written at once after every rating.
 * The flashcards page reads a deck when it draws and follows other tabs through the storage
 * door's change feed, so no atom is kept here.
 */
import type { CardState, DeckState } from '../lib/srs/state';
import { SRS_FAMILY } from './family-srs';
import { readValue, writeEntry } from './storage';

const keyOf = (deck: string) => `srs:${deck}`;

// A rating is a deliberate act: written at once, not debounced (a full quota is reported by the storage door).
function save(deck: string, state: DeckState): void {
  writeEntry(keyOf(deck), state);
}

/** A deck's review state now (an empty one when the deck was never studied). */
export function readDeck(deck: string): DeckState {
  return readValue(SRS_FAMILY, keyOf(deck)) ?? {};
}

export function saveCard(deck: string, cardId: string, state: CardState): void {
  save(deck, { ...readDeck(deck), [cardId]: state });
}

/** Forgets a deck's reviews; returns them for Undo. */
export function resetDeck(deck: string): DeckState {
  const before = readDeck(deck);
  save(deck, {});
  return before;
}

export function restoreDeck(deck: string, state: DeckState): void {
  save(deck, state);
}
