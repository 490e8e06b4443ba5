/**
 * What every exercise island does around its own editor: wait for the saved draft before
 * enabling the fields, save before the page goes away, check (useGradedCheck), and replace the
 * work (an import, or starting over) only after the learner confirms, with Undo right after.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ExerciseKind, KindTypes } from '../../lib/exercises/types';
import { exerciseItemId, type ExerciseId } from '../../lib/exercises/registry';
import type { DraftStore } from '../../stores/exercise-draft';
import { loadChecker } from './check-failure';
import type { Message } from './MessageArea';
import type { TransferActions, TransferFormat } from './Transfer';
import { useGradedCheck } from './use-graded-check';

/** What one exercise is on its page, besides its editor: how it checks, and what it says and offers in its last steps. */
export interface ExerciseConfig<T extends KindTypes, S = unknown, C = unknown> {
  /** Loads the exercise's kind (its grader) when the learner first checks. */
  kind: () => Promise<ExerciseKind<T>>;
  /** The answers of a fresh start. */
  empty: () => T['answers'];
  /** What the work is called: "analysis", "engagement". */
  work: string;
  /** The message once an import is loaded; by default "Loaded the <work> from <source>." */
  loaded?: (answers: T['answers'], source: string) => string;
  /** What the check compares, in a sentence or two. */
  intro: string;
  /** What an import holds, and what loading it replaces of the current work. */
  importSummary: (imported: T['answers'], source: string, current: T['answers']) => string;
  /** What starting over clears. */
  resetSummary: (answers: T['answers']) => string;
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  /** Download buttons, the first one primary. */
  formats: TransferFormat[];
  /** Loads the exercise's export and import code when first used. */
  load: () => Promise<TransferActions<T['answers'], S, C>>;
}

/** Where the key is and what grading needs of the scenario: page data, from the kind's `gradingContext`. */
interface Grading<T extends KindTypes> {
  rubricUrl: string;
  context: T['context'];
}

/** A file or code the learner chose, waiting for their confirmation. */
export interface PendingImport<A> {
  answers: A;
  source: string;
}

/** An exercise island's shared state: what the shared steps and dialogs read and call. */
export interface ExerciseState<A> extends ReturnType<typeof useGradedCheck<A>> {
  /** The exercise this state is of (its submissions carry it). */
  exercise: ExerciseId;
  /** The saved draft is loaded: fields may be enabled. */
  ready: boolean;
  message: Message | null;
  setMessage: (message: Message | null) => void;
  /** An import waiting for the learner's confirmation. */
  pendingImport: PendingImport<A> | null;
  /** Asks before an import replaces the work. */
  askImport: (answers: A, source: string) => void;
  confirmingReset: boolean;
  /** Asks before the work is cleared. */
  askReset: () => void;
  applyImport: () => void;
  cancelImport: () => void;
  reset: () => void;
  cancelReset: () => void;
}

export function useExercise<T extends KindTypes>(
  store: DraftStore<T['answers']>,
  config: ExerciseConfig<T>,
  { rubricUrl, context }: Grading<T>,
): ExerciseState<T['answers']> {
  const { kind, empty, work, loaded } = config;
  type A = T['answers'];
  const [ready, setReady] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [pendingImport, setPendingImport] = useState<PendingImport<A> | null>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const graded = useGradedCheck({
    draft: store,
    itemId: exerciseItemId(store.exercise),
    onMessage: setMessage,
    // The grader and the key load at the first check, not with the page.
    grade: async (answers: A, revealMissed: boolean) => {
      const [grader, rubric, { gradeBounded }] = await Promise.all([
        loadChecker(kind),
        loadChecker(() => import('./answer-key')).then((m) => m.fetchSiteJson<T['rubric']>(rubricUrl)),
        loadChecker(() => import('../../lib/grading/bound')),
      ]);
      // Claims the kind checks first (Project 3 replays its recorded runs, in the range's worker).
      const prepared = grader.prepare ? await grader.prepare(answers) : {};
      return gradeBounded(grader, rubric, answers, context, { ...prepared, revealMissed });
    },
  });

  useEffect(() => {
    setReady(true);
    // Save before the page goes away; debounced writes also flush on pagehide.
    const flush = () => store.flush();
    window.addEventListener('beforeunload', flush);
    return () => window.removeEventListener('beforeunload', flush);
  }, [store]);

  // The last check goes with the work it graded, and comes back with it on Undo.
  const replace = (answers: A, text: string) => {
    const before = store.replaceWork(answers);
    setMessage({ tone: 'success', text, undo: () => store.restoreWork(before) });
  };

  return {
    exercise: store.exercise,
    ready,
    message,
    setMessage,
    ...graded,
    pendingImport,
    askImport: (answers: A, source: string) => setPendingImport({ answers, source }),
    confirmingReset,
    askReset: () => setConfirmingReset(true),
    applyImport() {
      if (!pendingImport) return;
      setPendingImport(null);
      replace(
        pendingImport.answers,
        loaded?.(pendingImport.answers, pendingImport.source) ?? `Loaded the ${work} from ${pendingImport.source}.`,
      );
    },
    cancelImport: () => setPendingImport(null),
    reset() {
      setConfirmingReset(false);
      replace(empty(), `Your ${work} was cleared.`);
    },
    cancelReset: () => setConfirmingReset(false),
  };
}
