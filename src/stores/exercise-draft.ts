/**
 * The store of an exercise in progress, one per exercise, created on first use (as `quizStore`
 * is per lesson): saved as the learner works (debounced, flushed when the page is hidden) under
 * `aitm:v1:draft:projects/<exercise>`, and kept in step with other tabs. An invalid saved draft is
 * moved aside by the storage door, and the learner starts from an empty one. Each kind's module
 * (stride-draft.ts, rmf-draft.ts, atlas-draft.ts) keeps one store per exercise with its edits, so
 * a second exercise of a kind needs no new store.
 */
import { atom, onMount, type WritableAtom } from 'nanostores';
import type { Draft } from '../lib/progress/draft';
import { exerciseItemId, type ExerciseId } from '../lib/exercises/registry';
import { checkOrNull, type Check } from '../lib/share/fields';
import { flushWrites, scheduleWrite } from './deferred-writes';
import { DRAFT_FAMILY } from './family-draft';
import { readValue, subscribeChanges } from './storage';

export interface DraftStore<A> {
  exercise: ExerciseId;
  $draft: WritableAtom<Draft<A>>;
  /** Changes the draft and schedules the save. */
  update(change: (draft: Draft<A>) => Draft<A>): void;
  /** Changes the answers and schedules the save. */
  setAnswers(change: (answers: A) => A): void;
  /** Replaces all answers (import, start over); returns the previous ones, for Undo. */
  replaceAnswers(answers: A): A;
  /** Saves now (before leaving, exporting or grading). */
  flush(): void;
  /** The key the draft is saved under, without `aitm:v1:`. */
  key: string;
  /** Counts a graded attempt; `revealed` records that missed items were named. */
  recordGraded(revealed: boolean): void;
  /** The learner asked to see what they missed. */
  reveal(): void;
}

/** What a kind tells the store about its answers. */
export interface DraftKind<A> {
  /** Its answers validator: a saved draft is read back as this kind's answers. */
  check: Check<A>;
  empty: () => A;
}

/** A new draft store for an exercise; `kind` types and checks its answers. Kinds keep one per exercise. */
export function createDraftStore<A>(exercise: ExerciseId, kind: DraftKind<A>): DraftStore<A> {
  const key = `draft:${exerciseItemId(exercise)}`;
  const fresh = (): Draft<A> => ({ exercise, answers: kind.empty(), attempts: 0, revealed: false });
  const $draft = atom<Draft<A>>(fresh());
  const load = () => {
    const saved = readValue(DRAFT_FAMILY, key);
    // Checked again as this kind's answers, so the store's type holds without a cast.
    const answers = saved && saved.exercise === exercise ? checkOrNull(kind.check, saved.answers, 'answers') : null;
    $draft.set(saved && answers ? { ...saved, answers } : fresh());
  };
  onMount($draft, () => {
    load();
    return subscribeChanges((changed) => {
      if (changed === null || changed === key) load();
    });
  });
  const update = (change: (draft: Draft<A>) => Draft<A>) => {
    const next = change($draft.get());
    $draft.set(next);
    scheduleWrite(key, next);
  };
  return {
    exercise,
    $draft,
    key,
    update,
    setAnswers: (change) => update((draft) => ({ ...draft, answers: change(draft.answers) })),
    replaceAnswers(answers) {
      const before = $draft.get().answers;
      update((draft) => ({ ...draft, answers }));
      return before;
    },
    flush: flushWrites,
    recordGraded: (revealed) =>
      update((draft) => ({ ...draft, attempts: draft.attempts + 1, revealed: draft.revealed || revealed })),
    reveal: () => update((draft) => ({ ...draft, revealed: true })),
  };
}
