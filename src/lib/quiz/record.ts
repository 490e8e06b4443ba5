/**
 * What the site remembers about a lesson's checks, stored under `aitm:v1:quiz:<lesson item id>`,
 * and the pure steps that change it. A check is open until it is solved: right at the first
 * try, right later, or answer shown (allowed after SHOW_AFTER wrong tries). A lesson is done
 * when every check in it is solved; its score is the share solved at the first try, where a first
 * try that was partly right (an order question with most pairs in order) counts for its credit.
 * Starting a check again (retry what I missed, or try one again) keeps how its first try went, so
 * first-try accuracy never improves by retrying.
 */

/** How a check was solved. */
export type Outcome = 'first' | 'later' | 'shown';

export interface CheckState {
  /** The learner's current response (kept while typing, so a reload loses nothing). */
  response: number | number[] | string;
  /** Checks made since the last reset. */
  tries: number;
  /** Verdict of the last check, or null when the response changed since. */
  last: 'right' | 'wrong' | null;
  /** Set once the check is solved; a solved check is locked until it is retried. */
  outcome: Outcome | null;
  /** Partial credit of a first try that was partly right (0 < credit < 1); absent otherwise. */
  credit?: number;
  /** How the very first try went, kept when the check is started again; absent before that. */
  firstTry?: 'right' | 'wrong';
}

export interface QuizRecord {
  checks: Record<string, CheckState>;
}

/** Longest free-text answer kept, in characters. */
export const MAX_TEXT = 1500;

/** Wrong tries after which the learner may show the answer. */
export const SHOW_AFTER = 2;
const MAX_CHECKS = 200;
const CHECK_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const OUTCOMES: readonly Outcome[] = ['first', 'later', 'shown'];

export const emptyQuizRecord = (): QuizRecord => ({ checks: {} });

function parseResponse(value: unknown): CheckState['response'] | null {
  if (typeof value === 'string') return value.length <= MAX_TEXT ? value : null;
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= -1 && v < 100;
  if (isInt(value)) return value;
  if (Array.isArray(value) && value.length <= 20 && value.every(isInt)) return [...value];
  return null;
}

function parseCheck(value: unknown): CheckState | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  const required = ['response', 'tries', 'last', 'outcome'];
  if (
    !required.every((k) => keys.includes(k)) ||
    !keys.every((k) => required.includes(k) || k === 'credit' || k === 'firstTry')
  )
    return null;
  const { response, tries, last, outcome, credit, firstTry } = value as Record<string, unknown>;
  const parsed = parseResponse(response);
  if (parsed === null) return null;
  if (typeof tries !== 'number' || !Number.isSafeInteger(tries) || tries < 0) return null;
  if (last !== null && last !== 'right' && last !== 'wrong') return null;
  if (outcome !== null && !OUTCOMES.includes(outcome as Outcome)) return null;
  if (firstTry !== undefined && firstTry !== 'right' && firstTry !== 'wrong') return null;
  const state: CheckState = {
    response: parsed,
    tries,
    last,
    outcome: outcome as Outcome | null,
    ...(firstTry ? { firstTry } : {}),
  };
  if (credit === undefined) return state;
  if (typeof credit !== 'number' || !(credit > 0 && credit < 1)) return null;
  return { ...state, credit };
}

/** Validates a stored or imported record; null when anything in it is wrong. */
export function parseQuizRecord(value: unknown): QuizRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'checks') return null;
  const checks: unknown = (value as { checks: unknown }).checks;
  if (typeof checks !== 'object' || checks === null || Array.isArray(checks)) return null;
  const entries = Object.entries(checks);
  if (entries.length > MAX_CHECKS) return null;
  const parsed: Record<string, CheckState> = {};
  for (const [id, state] of entries) {
    const check = CHECK_ID.test(id) ? parseCheck(state) : null;
    if (!check) return null;
    parsed[id] = check;
  }
  return { checks: parsed };
}

const fresh = (response: CheckState['response']): CheckState => ({ response, tries: 0, last: null, outcome: null });

/** The learner changed their response; a solved check does not change. */
export function withResponse(state: CheckState | undefined, response: CheckState['response']): CheckState {
  if (!state) return fresh(response);
  if (state.outcome) return state;
  return { ...state, response, last: null };
}

/**
 * The learner checked `response` and it was right or wrong; `credit` (0..1) is the partial credit
 * of a wrong response, kept when it was the first try.
 */
export function withCheck(
  state: CheckState | undefined,
  response: CheckState['response'],
  correct: boolean,
  credit = 0,
): CheckState {
  const before = state ?? fresh(response);
  if (before.outcome) return before;
  // The very first try decides "first"; a check started again keeps how that went.
  const firstTryNow = before.tries === 0 && before.firstTry === undefined;
  // A check whose first try was right stays "first" however it is solved again; one missed stays missed.
  const rightFirst = firstTryNow ? correct : before.firstTry === 'right';
  const next: CheckState = {
    response,
    tries: before.tries + 1,
    last: correct ? 'right' : 'wrong',
    outcome: correct ? (rightFirst ? 'first' : 'later') : null,
    ...(before.firstTry ? { firstTry: before.firstTry } : {}),
  };
  const kept = firstTryNow ? (correct ? undefined : credit) : before.credit;
  return kept !== undefined && kept > 0 && kept < 1 ? { ...next, credit: kept } : next;
}

/** A check started again: empty, but remembering how its first try went (and its credit). */
function restarted(state: CheckState): CheckState {
  const firstTry = state.firstTry ?? (state.outcome === 'first' ? 'right' : 'wrong');
  return {
    ...fresh(typeof state.response === 'string' ? '' : Array.isArray(state.response) ? [] : -1),
    firstTry,
    ...(state.credit !== undefined ? { credit: state.credit } : {}),
  };
}

/** How a solved check was solved, in words ("Right at the first try"); undefined while open. */
export function solvedLabel(state: CheckState | undefined): string | undefined {
  switch (state?.outcome) {
    case 'first':
      return 'Right at the first try';
    case 'later':
      // A check started again counts its tries from the restart; its first try was missed.
      if (state.firstTry === 'wrong')
        return state.tries === 1
          ? 'Right on the retry (first try missed)'
          : `Right after ${state.tries} more tries (first try missed)`;
      return `Right after ${state.tries} tries`;
    case 'shown':
      return 'Answer shown';
    default:
      return undefined;
  }
}

/** Whether the learner may show the answer now. */
export const canShow = (state: CheckState | undefined): boolean =>
  !!state && !state.outcome && state.tries >= SHOW_AFTER;

/** The learner asked to see the answer (only after SHOW_AFTER wrong tries). */
export function withShown(state: CheckState | undefined): CheckState | undefined {
  return state && canShow(state) ? { ...state, outcome: 'shown', last: null } : state;
}

export interface LessonSummary {
  total: number;
  solved: number;
  first: number;
  /** Checks whose first try was partly right (order questions), solved since or not. */
  partly: number;
  later: number;
  shown: number;
  /** Share of checks solved at the first try, 0..1. */
  score: number;
  done: boolean;
  /** Checks not solved at the first try (solved later, shown, or still open after a wrong try). */
  missed: string[];
  /** Checks tried and not yet right. */
  notYet: number;
}

/** Where the learner stands on a lesson's checks (`ids` in page order). */
export function summarize(record: QuizRecord, ids: readonly string[]): LessonSummary {
  const count = (outcome: Outcome) => ids.filter((id) => record.checks[id]?.outcome === outcome).length;
  const first = count('first');
  const later = count('later');
  const shown = count('shown');
  const solved = first + later + shown;
  const credits = ids.map((id) => record.checks[id]?.credit ?? 0).filter((c) => c > 0);
  const missed = ids.filter((id) => {
    const state = record.checks[id];
    return state !== undefined && state.outcome !== 'first' && (state.outcome !== null || state.tries > 0);
  });
  return {
    total: ids.length,
    solved,
    first,
    partly: credits.length,
    later,
    shown,
    score: ids.length === 0 ? 0 : (first + credits.reduce((sum, c) => sum + c, 0)) / ids.length,
    done: ids.length > 0 && solved === ids.length,
    missed,
    notYet: ids.filter((id) => {
      const state = record.checks[id];
      return state !== undefined && state.outcome === null && state.tries > 0;
    }).length,
  };
}

/**
 * Starts the missed checks again; checks right at the first try stay as they are. The missed ones
 * keep their first try's outcome, so solving them now counts as "later", not "first".
 */
export function withRetry(record: QuizRecord, ids: readonly string[]): QuizRecord {
  const missed = new Set(summarize(record, ids).missed);
  return {
    checks: Object.fromEntries(
      Object.entries(record.checks).map(([id, state]) => [id, missed.has(id) ? restarted(state) : state]),
    ),
  };
}

/** Starts one check again, keeping how its first try went. */
export function withReset(record: QuizRecord, id: string): QuizRecord {
  const state = record.checks[id];
  if (!state) return record;
  // Nothing tried yet: nothing to remember.
  if (state.tries === 0 && state.outcome === null && state.firstTry === undefined) return withoutCheck(record, id);
  return { checks: { ...record.checks, [id]: restarted(state) } };
}

function withoutCheck(record: QuizRecord, id: string): QuizRecord {
  return { checks: Object.fromEntries(Object.entries(record.checks).filter(([key]) => key !== id)) };
}
