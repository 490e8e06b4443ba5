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
import { fingerprint, type Checked } from '../lib/grading/checked';
import type { GradeReport } from '../lib/grading/report';
import { deepEqual, merge3, replaceAt, type Conflict } from '../lib/progress/merge';
import { cancelWrite, flushWrites, scheduleWrite } from './deferred-writes';
import { DRAFT_FAMILY } from './family-draft';
import { notify } from './notices';
import { readValue, subscribeChanges } from './storage';

export interface DraftStore<A> {
  exercise: ExerciseId;
  $draft: WritableAtom<Draft<A>>;
  /** Changes the draft and schedules the save. */
  update(change: (draft: Draft<A>) => Draft<A>): void;
  /** Changes the answers and schedules the save. */
  setAnswers(change: (answers: A) => A): void;
  /** Replaces all answers, keeping the last check (ids given to old rows); returns the previous answers. */
  replaceAnswers(answers: A): A;
  /** Replaces the work (an import, starting over) and drops its last check; returns the draft before, for Undo. */
  replaceWork(answers: A): Draft<A>;
  /** Puts back the work and check `replaceWork` returned, keeping the attempts counted since. */
  restoreWork(before: Draft<A>): void;
  /** Saves now (before leaving, exporting or grading). */
  flush(): void;
  /** The key the draft is saved under, without `aitm:v1:`. */
  key: string;
  /**
   * Keeps a check's report with the work it graded; `count` counts it as an attempt, and
   * `revealed` records that missed items were named.
   */
  saveCheck(report: GradeReport, options: { count: boolean; revealed: boolean }): void;
  /** The learner asked to see what they missed. */
  reveal(): void;
}

/** What a kind tells the store about its answers. */
export interface DraftKind<A> {
  /** Its answers validator: a saved draft is read back as this kind's answers. */
  check: Check<A>;
  empty: () => A;
  /** The editor ids of its rows, where it has rows: a saved report's row numbers are read through them. */
  rowIds?: (answers: A) => string[];
}

/** The draft with `checked` as its last check, or with none. */
function withCheck<A>(draft: Draft<A>, checked: Checked | undefined): Draft<A> {
  const { exercise, answers, attempts, revealed } = draft;
  return checked ? { exercise, answers, attempts, revealed, checked } : { exercise, answers, attempts, revealed };
}

/** The later of two checks (two tabs may each have checked). */
function latest(a: Checked | undefined, b: Checked | undefined): Checked | undefined {
  if (!a || !b) return a ?? b;
  return a.at >= b.at ? a : b;
}

/** A new draft store for an exercise; `kind` types and checks its answers. Kinds keep one per exercise. */
export function createDraftStore<A>(exercise: ExerciseId, kind: DraftKind<A>): DraftStore<A> {
  const key = `draft:${exerciseItemId(exercise)}`;
  const fresh = (): Draft<A> => ({ exercise, answers: kind.empty(), attempts: 0, revealed: false });
  const $draft = atom<Draft<A>>(fresh());
  // The draft as last read from or written to storage: what both tabs started from when another
  // tab's save arrives while this tab has edits not yet saved.
  let base: Draft<A> = fresh();
  let stored = false;
  const read = (): Draft<A> | null => {
    const saved = readValue(DRAFT_FAMILY, key);
    // Checked again as this kind's answers, so the store's type holds without a cast.
    const answers = saved && saved.exercise === exercise ? checkOrNull(kind.check, saved.answers, 'answers') : null;
    return saved && answers ? { ...saved, answers } : null;
  };
  const save = (next: Draft<A>) => {
    $draft.set(next);
    scheduleWrite(key, next);
  };
  const load = () => {
    const saved = read();
    const local = $draft.get();
    const edited = !deepEqual(local, base);
    if (!saved) {
      // Removed elsewhere (another tab's reset, the browser clearing site data): follow, but
      // offer back what this page still holds.
      const held = stored && !deepEqual(local.answers, kind.empty()) ? local : null;
      cancelWrite(key);
      stored = false;
      base = fresh();
      $draft.set(base);
      if (held) offerRestore(held);
      return;
    }
    stored = true;
    if (!edited || deepEqual(local, saved)) {
      cancelWrite(key);
      base = saved;
      $draft.set(saved);
      return;
    }
    // This tab has edits not yet saved and another tab saved: keep both.
    const merged = merge3(base.answers, local.answers, saved.answers);
    const answers = checkOrNull(kind.check, merged.value, 'answers');
    base = saved;
    if (!answers) {
      save(local);
      offerTheirs([{ path: [], theirs: saved.answers }]);
      return;
    }
    save(
      withCheck(
        {
          exercise,
          answers,
          attempts: Math.max(local.attempts, saved.attempts),
          revealed: local.revealed || saved.revealed,
        },
        latest(local.checked, saved.checked),
      ),
    );
    if (merged.conflicts.length > 0) offerTheirs(merged.conflicts);
  };
  const offerRestore = (held: Draft<A>) =>
    notify({
      id: `draft-removed:${key}`,
      tone: 'warning',
      message:
        'Your saved work on this exercise was removed from this browser (by another tab or by the browser clearing site data). This page still holds it.',
      action: {
        label: 'Restore it',
        run: () => {
          save(held);
          flushWrites();
        },
      },
    });
  const offerTheirs = (conflicts: Conflict[]) =>
    notify({
      id: `draft-conflict:${key}`,
      tone: 'warning',
      message: `Another tab changed ${conflicts.length === 1 ? 'something' : `${conflicts.length} things`} you also changed here in this exercise. Both tabs now show this tab's version.`,
      action: {
        label: "Use the other tab's",
        run: () => {
          const draft = $draft.get();
          const value = conflicts.reduce<unknown>((v, c) => replaceAt(v, c.path, c.theirs), draft.answers);
          const answers = checkOrNull(kind.check, value, 'answers');
          if (answers) save({ ...draft, answers });
        },
      },
    });
  const onVisible = () => {
    if (document.visibilityState === 'visible') load();
  };
  onMount($draft, () => {
    load();
    // Storage cleared while the page was in the background sends no event: look again on return.
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
    const stop = subscribeChanges((changed) => {
      if (changed === null || changed === key) load();
    });
    return () => {
      stop();
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
    };
  });
  const update = (change: (draft: Draft<A>) => Draft<A>) => save(change($draft.get()));
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
    replaceWork(answers) {
      const before = $draft.get();
      save(withCheck({ ...before, answers }, undefined));
      return before;
    },
    restoreWork(before) {
      save(withCheck({ ...$draft.get(), answers: before.answers }, before.checked));
    },
    flush: flushWrites,
    saveCheck: (report, { count, revealed }) =>
      update((draft) => {
        const checked: Checked = { at: new Date().toISOString(), of: fingerprint(draft.answers), report };
        const rows = kind.rowIds?.(draft.answers);
        if (rows) checked.rows = rows;
        return {
          ...draft,
          attempts: draft.attempts + (count ? 1 : 0),
          revealed: draft.revealed || revealed,
          checked,
        };
      }),
    reveal: () => update((draft) => ({ ...draft, revealed: true })),
  };
}
