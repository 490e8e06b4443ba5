/**
 * The answers to one lesson's checks, shared by every check on the page and the lesson summary
 * (islands on a page share this module). Responses are saved as the learner works (debounced);
 * checks, shown answers and retries are saved at once. When the last open check is solved, the
 * lesson's progress records the attempt, done, with its first-try score.
 */
import type { WritableAtom } from 'nanostores';
import {
  emptyQuizRecord,
  summarize,
  withCheck,
  withReset,
  withResponse,
  withRetry,
  withShown,
  type CheckState,
  type QuizRecord,
} from '../lib/quiz/record';
import { flushWrites, scheduleWrite } from './deferred-writes';
import { QUIZ_FAMILY } from './family-quiz';
import { recordAttempt } from './progress-updates';
import { storedAtom } from './stored-atom';

export interface QuizStore {
  $record: WritableAtom<QuizRecord>;
  respond(id: string, response: CheckState['response']): void;
  check(id: string, response: CheckState['response'], correct: boolean, credit?: number): void;
  show(id: string): void;
  /** Starts the missed checks again; returns how many. */
  retryMissed(): number;
  reset(id: string): void;
}

const stores = new Map<string, QuizStore>();

/** The store of a lesson (progress item id) whose checks are `ids`, in page order. */
export function quizStore(itemId: string, ids: readonly string[]): QuizStore {
  const existing = stores.get(itemId);
  if (existing) return existing;
  const key = `quiz:${itemId}`;
  const $record = storedAtom(QUIZ_FAMILY, key, emptyQuizRecord);

  const save = (next: QuizRecord, now: boolean) => {
    const wasDone = summarize($record.get(), ids).done;
    $record.set(next);
    scheduleWrite(key, next);
    if (!now) return;
    flushWrites();
    const summary = summarize(next, ids);
    if (summary.done && !wasDone) recordAttempt(itemId, summary.score, true);
  };
  const change = (id: string, update: (state: CheckState | undefined) => CheckState | undefined, now: boolean) => {
    const record = $record.get();
    const state = update(record.checks[id]);
    if (state === record.checks[id] || !state) return;
    save({ checks: { ...record.checks, [id]: state } }, now);
  };

  const store: QuizStore = {
    $record,
    respond: (id, response) => change(id, (state) => withResponse(state, response), false),
    check: (id, response, correct, credit) => change(id, (state) => withCheck(state, response, correct, credit), true),
    show: (id) => change(id, withShown, true),
    retryMissed() {
      const missed = summarize($record.get(), ids).missed.length;
      if (missed > 0) save(withRetry($record.get(), ids), true);
      return missed;
    },
    reset: (id) => save(withReset($record.get(), id), true),
  };
  stores.set(itemId, store);
  return store;
}
