/**
 * The spaced-repetition scheduler: FSRS (ts-fsrs) behind a small wrapper that reads and writes
 * our stored card state. Fuzz is off, so the same history gives the same schedule (and tests can
 * say what it is). Loaded only when a study session starts.
 */
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { CardPhase, CardState } from './state';

export const GRADES = ['again', 'hard', 'good', 'easy'] as const;
export type GradeName = (typeof GRADES)[number];

const RATING: Record<GradeName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const scheduler = fsrs({ enable_fuzz: false, request_retention: 0.9, maximum_interval: 3650 });

function toCard(state: CardState | undefined, now: Date): Card {
  if (!state) return createEmptyCard(now);
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    ...(state.lastReview ? { last_review: new Date(state.lastReview) } : {}),
  };
}

function fromCard(card: Card): CardState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardPhase,
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

/** The card's state after the learner rates it `grade` at `now`. */
export function review(state: CardState | undefined, grade: GradeName, now: Date): CardState {
  return fromCard(scheduler.next(toCard(state, now), now, RATING[grade]).card);
}

/** When the card would next be due for each grade, from `now`. */
export function preview(state: CardState | undefined, now: Date): Record<GradeName, Date> {
  const out = {} as Record<GradeName, Date>;
  for (const grade of GRADES) out[grade] = new Date(review(state, grade, now).due);
  return out;
}

/** A due date as an interval a learner reads: "1 min", "10 min", "3 days". */
export function intervalLabel(from: Date, to: Date): string {
  const minutes = Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 31) return `${days} day${days === 1 ? '' : 's'}`;
  const months = Math.round(days / 30);
  return months < 12 ? `${months} mo` : `${(days / 365).toFixed(1)} yr`;
}
