/**
 * A drill or mock-interview session as a pure state machine, so the island only renders it and
 * talks to the store.
 *
 *   setup --start--> answer --submitted--> feedback --next--> answer     (more questions in the queue)
 *                                                   \--next--> summary   (last question of a mock)
 *                                                    \-next--> setup     (last question of a drill)
 *   summary --done--> setup
 *
 * While answering, a timer counts seconds with pauses excluded. Nothing here reads the clock or
 * draws random numbers: actions carry `now` (ms since the epoch) and the shuffled queue, so the
 * same actions always give the same state.
 */
import type { Coverage } from './coverage';
import { CRITERIA, type Criterion, type SelfScores } from './record';

/** Drill: one question at a time; mock: a fixed set in a row, then a summary. */
export type Mode = 'drill' | 'mock';

/** What the learner picked on the setup form (the reducer clamps the numbers). */
export interface Settings {
  mode: Mode;
  /** A level id, or "any". */
  level: string;
  /** A topic id, or "any". */
  topic: string;
  /** Drill only: a question id, or "" for a random one from the pool. */
  chosen: string;
  /** Mock only: how many questions, 1 to MAX_COUNT. */
  count: number;
  /** Minutes per answer, 1 to MAX_MINUTES. */
  minutes: number;
}

export const MAX_COUNT = 10;
export const MAX_MINUTES = 20;

/** Where the session is. Feedback keeps the coverage and the attempt's timestamp, for rating it. */
export type Phase =
  | { kind: 'setup' }
  | { kind: 'answer' }
  | { kind: 'feedback'; coverage: Coverage; attemptAt: string }
  | { kind: 'summary'; mockId: string };

/** The running timer: seconds counted before `since` (ms), when it last started. */
export interface Timer {
  since: number;
  before: number;
}

/** The whole session. */
export interface State {
  settings: Settings;
  phase: Phase;
  /** Question ids of this session, in the order asked. */
  queue: string[];
  /** Index into `queue` of the current question. */
  position: number;
  /** The mock interview the attempts belong to; null in a drill. */
  mockId: string | null;
  answer: string;
  /** Seconds spent on the current answer, pauses excluded; never negative. */
  elapsed: number;
  paused: boolean;
  /** Null while the timer is stopped (paused, or not answering). */
  timer: Timer | null;
  self: Partial<SelfScores>;
}

/** Everything that can happen to a session. */
export type Action =
  | { type: 'configure'; settings: Partial<Settings> }
  | { type: 'start'; queue: readonly string[]; mockId: string | null; now: number }
  | { type: 'type'; answer: string }
  | { type: 'tick'; now: number }
  | { type: 'pause'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'submitted'; coverage: Coverage; at: string; now: number }
  | { type: 'rate'; criterion: Criterion; score: number }
  | { type: 'next'; now: number }
  | { type: 'done' };

/** The settings a new visit starts with. */
export const DEFAULT_SETTINGS: Settings = {
  mode: 'drill',
  level: 'any',
  topic: 'any',
  chosen: '',
  count: 3,
  minutes: 4,
};

/** A session on the setup form; `chosen` preselects a question (from the page's ?q=). */
export function initialSession(chosen = ''): State {
  return {
    settings: { ...DEFAULT_SETTINGS, chosen },
    phase: { kind: 'setup' },
    queue: [],
    position: 0,
    mockId: null,
    answer: '',
    elapsed: 0,
    paused: false,
    timer: null,
    self: {},
  };
}

/** A whole number from `min` to `max`; anything unreadable counts as `min`. */
export function clampWhole(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value) || min));
}

/** Seconds on the current answer at `now` (ms): what was counted plus the running stretch, never less. */
export function elapsedAt(state: State, now: number): number {
  const t = state.timer;
  return t ? Math.max(t.before, t.before + (now - t.since) / 1000) : state.elapsed;
}

/** Seconds left of the time allowed; negative once over. */
export const remaining = (state: State): number => state.settings.minutes * 60 - state.elapsed;

/** Whether another question follows the current one. */
export const hasNext = (state: State): boolean => state.position + 1 < state.queue.length;

/** Whether every criterion has a self-rating. */
export const isComplete = (self: Partial<SelfScores>): self is SelfScores =>
  CRITERIA.every((c) => self[c] !== undefined);

/** The self-ratings, once every criterion has one; null before. */
export const completeRatings = (self: Partial<SelfScores>): SelfScores | null => (isComplete(self) ? self : null);

/** Fisher-Yates with an injected random source in [0, 1). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The questions a session asks: the chosen one in a drill, else the pool shuffled (a mock takes `count`). */
export function pickQueue(settings: Settings, pool: readonly string[], random: () => number): string[] {
  if (settings.mode === 'drill' && settings.chosen) return [settings.chosen];
  return shuffle(pool, random).slice(0, settings.mode === 'mock' ? settings.count : pool.length);
}

/** The id of a mock interview started at `now` (ms). */
export const mockIdAt = (now: number): string => `mock-${now.toString(36)}`;

/** A fresh answer to the question at `position`, its timer running from `now`. */
const asking = (state: State, position: number, now: number): State => ({
  ...state,
  phase: { kind: 'answer' },
  position,
  answer: '',
  elapsed: 0,
  paused: false,
  timer: { since: now, before: 0 },
  self: {},
});

/** Back on the setup form, keeping the settings. */
const toSetup = (state: State): State => ({ ...initialSession(), settings: state.settings });

function configure(settings: Settings, patch: Partial<Settings>): Settings {
  const next = { ...settings, ...patch };
  return { ...next, count: clampWhole(next.count, 1, MAX_COUNT), minutes: clampWhole(next.minutes, 1, MAX_MINUTES) };
}

/** The next state; an action that does not fit the current phase leaves the state as it is. */
export function sessionReducer(state: State, action: Action): State {
  const { phase } = state;
  switch (action.type) {
    case 'configure':
      return phase.kind === 'setup' ? { ...state, settings: configure(state.settings, action.settings) } : state;
    case 'start':
      if (phase.kind !== 'setup' || action.queue.length === 0) return state;
      return asking({ ...state, queue: [...action.queue], mockId: action.mockId }, 0, action.now);
    case 'type':
      return phase.kind === 'answer' && !state.paused ? { ...state, answer: action.answer } : state;
    case 'tick':
      return phase.kind === 'answer' && state.timer ? { ...state, elapsed: elapsedAt(state, action.now) } : state;
    case 'pause':
      return phase.kind === 'answer' && !state.paused
        ? { ...state, elapsed: elapsedAt(state, action.now), paused: true, timer: null }
        : state;
    case 'resume':
      return phase.kind === 'answer' && state.paused
        ? { ...state, paused: false, timer: { since: action.now, before: state.elapsed } }
        : state;
    case 'submitted':
      if (phase.kind !== 'answer') return state;
      return {
        ...state,
        phase: { kind: 'feedback', coverage: action.coverage, attemptAt: action.at },
        elapsed: elapsedAt(state, action.now),
        paused: false,
        timer: null,
      };
    case 'rate':
      return phase.kind === 'feedback'
        ? { ...state, self: { ...state.self, [action.criterion]: action.score } }
        : state;
    case 'next':
      if (phase.kind !== 'feedback') return state;
      if (hasNext(state)) return asking(state, state.position + 1, action.now);
      return state.mockId ? { ...toSetup(state), phase: { kind: 'summary', mockId: state.mockId } } : toSetup(state);
    case 'done':
      return phase.kind === 'summary' ? toSetup(state) : state;
  }
  // No default: every case returns, so an action type left out is a compile error (missing return).
}
