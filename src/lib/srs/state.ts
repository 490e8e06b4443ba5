/**
 * Flashcard review state as stored (`aitm:v1:srs:<deck>`): per card, what the scheduler needs,
 * with dates as ISO strings. No scheduler code here: counting what is due needs only the dates,
 * so the deck list loads without the FSRS library.
 */

/** FSRS card states: new, learning, review, relearning. */
export type CardPhase = 0 | 1 | 2 | 3;

export interface CardState {
  /** ISO 8601: when the card is next due. */
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardPhase;
  /** ISO 8601, or null before the first review. */
  lastReview: string | null;
}

/** A deck's state: card id -> state. Cards never reviewed are absent (new). */
export type DeckState = Record<string, CardState>;

/** Most cards a deck may hold in storage (the largest generated deck has a few hundred). */
export const MAX_CARDS = 2_000;
const CARD_ID = /^[A-Za-z0-9][A-Za-z0-9:._ -]{0,119}$/;

const isIso = (v: unknown): v is string => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
const isNumber = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

export function parseCardState(value: unknown): CardState | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const keys = [
    'due',
    'stability',
    'difficulty',
    'scheduledDays',
    'learningSteps',
    'reps',
    'lapses',
    'state',
    'lastReview',
  ];
  if (Object.keys(v).length !== keys.length || !keys.every((k) => k in v)) return null;
  if (!isIso(v['due']) || !(v['lastReview'] === null || isIso(v['lastReview']))) return null;
  if (!isNumber(v['stability'], 0, 1e6) || !isNumber(v['difficulty'], 0, 100) || !isNumber(v['scheduledDays'], 0, 1e6))
    return null;
  if (!isNumber(v['learningSteps'], 0, 100) || !isNumber(v['reps'], 0, 1e6) || !isNumber(v['lapses'], 0, 1e6))
    return null;
  if (v['state'] !== 0 && v['state'] !== 1 && v['state'] !== 2 && v['state'] !== 3) return null;
  return v as unknown as CardState;
}

/** Validates a stored deck state; null when anything is wrong (the storage door moves it aside). */
export function parseDeckState(value: unknown): DeckState | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (entries.length > MAX_CARDS) return null;
  const out: DeckState = {};
  for (const [id, raw] of entries) {
    if (!CARD_ID.test(id) || id === '__proto__' || id === 'constructor' || id === 'prototype') return null;
    const card = parseCardState(raw);
    if (!card) return null;
    out[id] = card;
  }
  return out;
}

export interface DueCounts {
  /** Reviewed cards due now. */
  due: number;
  /** Cards never reviewed. */
  new: number;
  /** Reviewed cards not due yet. */
  later: number;
}

/** What is due in a deck of `cardIds` now; state for cards no longer in the deck is ignored. */
export function dueCounts(cardIds: readonly string[], state: DeckState, now: Date): DueCounts {
  const counts: DueCounts = { due: 0, new: 0, later: 0 };
  for (const id of cardIds) {
    const card = state[id];
    if (!card) counts.new++;
    else if (Date.parse(card.due) <= now.getTime()) counts.due++;
    else counts.later++;
  }
  return counts;
}

/** New cards a study session takes at most. */
export const NEW_PER_SESSION = 20;

/** A study queue: due cards first (most overdue first), then up to `newLimit` new cards in deck order. */
export function studyQueue(
  cardIds: readonly string[],
  state: DeckState,
  now: Date,
  newLimit = NEW_PER_SESSION,
): string[] {
  const due = cardIds
    .filter((id) => state[id] && Date.parse(state[id].due) <= now.getTime())
    .sort((a, b) => Date.parse(state[a]?.due ?? '') - Date.parse(state[b]?.due ?? ''));
  const fresh = cardIds.filter((id) => !state[id]).slice(0, newLimit);
  return [...due, ...fresh];
}

/** A deck's state without the cards a release retired: they are never due again. */
export function withoutRetired(state: DeckState, retired: ReadonlySet<string>): DeckState {
  if (retired.size === 0) return state;
  return Object.fromEntries(Object.entries(state).filter(([id]) => !retired.has(id)));
}

/**
 * Counts for a deck known only by its size (the deck list does not load the cards): stored
 * states are reviewed cards, the rest are new. Leave retired cards out first (`withoutRetired`).
 */
export function dueCountsBySize(size: number, state: DeckState, now: Date): DueCounts {
  let due = 0;
  let later = 0;
  for (const card of Object.values(state)) {
    if (Date.parse(card.due) <= now.getTime()) due++;
    else later++;
  }
  return { due, later, new: Math.max(0, size - due - later) };
}

/** When the next reviewed card comes due, or null when none is waiting. */
export function nextDue(state: DeckState): Date | null {
  let next: number | null = null;
  for (const card of Object.values(state)) {
    const t = Date.parse(card.due);
    if (next === null || t < next) next = t;
  }
  return next === null ? null : new Date(next);
}
