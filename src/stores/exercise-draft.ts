/**
 * A store for an exercise in progress, saved as the learner works (debounced, flushed when the
 * page is hidden) under `aitm:v1:draft:<item id>`, and kept in step with other tabs. An invalid
 * saved draft is moved aside by the storage door, and the learner starts from an empty one.
 */
import { atom, onMount, type WritableAtom } from 'nanostores';
import type { Draft } from '../lib/progress/draft';
import type { AnswersByExercise, ExerciseId } from '../lib/exercises/registry';
import { flushWrites, scheduleWrite } from './deferred-writes';
import './families';
import { readEntry, subscribeChanges } from './storage';

export interface DraftStore<E extends ExerciseId> {
  $draft: WritableAtom<Draft<E>>;
  /** Changes the draft and schedules the save. */
  update(change: (draft: Draft<E>) => Draft<E>): void;
  /** Saves now (before leaving, exporting or grading). */
  flush(): void;
  /** The key the draft is saved under, without `aitm:v1:`. */
  key: string;
  /** Counts a graded attempt; `revealed` records that missed items were named. */
  recordGraded(revealed: boolean): void;
  /** The learner asked to see what they missed. */
  reveal(): void;
}

export function createDraftStore<E extends ExerciseId>(itemId: string, exercise: E, empty: () => AnswersByExercise[E]): DraftStore<E> {
  const key = `draft:${itemId}`;
  const fresh = (): Draft<E> => ({ exercise, answers: empty(), attempts: 0, revealed: false });
  const $draft = atom<Draft<E>>(fresh());
  const load = () => {
    const saved = readEntry(key) as Draft | undefined;
    $draft.set(saved && saved.exercise === exercise ? (saved as Draft<E>) : fresh());
  };
  onMount($draft, () => {
    load();
    return subscribeChanges((changed) => {
      if (changed === null || changed === key) load();
    });
  });
  return {
    $draft,
    key,
    update(change) {
      const next = change($draft.get());
      $draft.set(next);
      scheduleWrite(key, next);
    },
    flush: flushWrites,
    recordGraded(revealed) {
      const next = { ...$draft.get(), attempts: $draft.get().attempts + 1, revealed: $draft.get().revealed || revealed };
      $draft.set(next);
      scheduleWrite(key, next);
    },
    reveal() {
      const next = { ...$draft.get(), revealed: true };
      $draft.set(next);
      scheduleWrite(key, next);
    },
  };
}
