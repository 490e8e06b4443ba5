/**
 * The exercise kinds and the exercises of each. One entry per kind: its answers validator and
 * empty draft, small enough for every page that reads saved answers (drafts, imports, the
 * progress file). The rest of a kind (grading context, grader, reference answer, exports) loads
 * lazily through `loaders.ts`, so a page loads only the code of the kind it shows, when it needs it;
 * the loaders live apart because a dynamic import drags its chunk list into whatever imports it.
 *
 * Adding a kind: a folder `src/lib/exercises/<kind>/` (answers.ts, rubric.ts, context.ts, grade.ts,
 * reference.ts, export.ts, index.ts), and one line in each of KINDS (here), KIND_LOADERS
 * (loaders.ts) and RUBRIC_SCHEMAS (rubric-file.ts): the compiler names any you forget. Then its
 * island and its content. An exercise of an existing kind: one line in EXERCISES and its content.
 * Nothing chooses a kind by default: an unknown id is an error naming the known ones.
 */
import type { Check } from '../share/fields';
import { checkAtlasAnswers, emptyAtlasAnswers } from './atlas/answers';
import { checkRmfAnswers, emptyRmfAnswers } from './rmf/answers';
import { checkStrideAnswers, emptyStrideAnswers } from './stride/answers';

/** What every page that reads answers needs of a kind, without its grader. */
interface KindEntry<A> {
  /** Checks answers from outside (imports, drafts); throws `InvalidField` naming the field. */
  check: Check<A>;
  /** The answers of a fresh draft. */
  empty: () => A;
}

export const KINDS = {
  'stride-table': { check: checkStrideAnswers, empty: emptyStrideAnswers },
  'rmf-gap': { check: checkRmfAnswers, empty: emptyRmfAnswers },
  'atlas-chain': { check: checkAtlasAnswers, empty: emptyAtlasAnswers },
} as const satisfies Record<string, KindEntry<unknown>>;

/** An exercise kind: the `kind` of its answer keys. */
export type KindId = keyof typeof KINDS;
/** A kind's answers. */
export type AnswersOf<K extends KindId> = ReturnType<(typeof KINDS)[K]['empty']>;

/** The three practice projects' exercises, in their numbered order; pages at /projects/<id>/. */
const PROJECT_EXERCISES = {
  'stride-medical-imaging': 'stride-table',
  'rmf-chatbot-gap': 'rmf-gap',
  'atlas-fraud-simulation': 'atlas-chain',
} as const satisfies Record<string, KindId>;

/** The labs' exercises: short scenarios of an existing kind; pages at /labs/<id>/. */
const LAB_EXERCISES = {
  'forklift-safety-camera': 'stride-table',
  'support-ticket-router': 'stride-table',
  'hub-fine-tuning': 'stride-table',
  'video-recommender': 'stride-table',
  'federated-keyboard': 'stride-table',
  'speech-banking-assistant': 'stride-table',
  'multi-agent-operations': 'stride-table',
  'coding-agent-pipeline': 'stride-table',
  'credit-scoring-fairness': 'rmf-gap',
  'rag-tenant-assistant': 'rmf-gap',
  'browsing-agent-incident': 'atlas-chain',
  'multimodal-claims-incident': 'atlas-chain',
} as const satisfies Record<string, KindId>;

/** Every exercise the site grades, and its kind. Its answer key is content/rubrics/<id>.yaml. */
export const EXERCISES = { ...PROJECT_EXERCISES, ...LAB_EXERCISES } as const;

export type ExerciseId = keyof typeof EXERCISES;
/** The kind of an exercise. */
export type KindOf<E extends ExerciseId> = (typeof EXERCISES)[E];
/** The exercises of one kind. */
export type ExerciseOfKind<K extends KindId> = { [E in ExerciseId]: KindOf<E> extends K ? E : never }[ExerciseId];
/** Answers by exercise id. */
export type AnswersByExercise = { [E in ExerciseId]: AnswersOf<KindOf<E>> };

export const EXERCISE_IDS = Object.keys(EXERCISES) as ExerciseId[];
export const KIND_IDS = Object.keys(KINDS) as KindId[];

export function isExerciseId(value: unknown): value is ExerciseId {
  return typeof value === 'string' && Object.hasOwn(EXERCISES, value);
}

export function isKindId(value: unknown): value is KindId {
  return typeof value === 'string' && Object.hasOwn(KINDS, value);
}

/** The kind of an exercise id from outside; an unknown id is an error that names the known ones. */
export function kindOf(exercise: string): KindId {
  if (!isExerciseId(exercise))
    throw new Error(`Unknown exercise "${exercise.slice(0, 60)}". Known: ${EXERCISE_IDS.join(', ')}.`);
  return EXERCISES[exercise];
}

/** Whether an exercise is of a kind (narrows its type). */
export function isExerciseOfKind<K extends KindId>(exercise: ExerciseId, kind: K): exercise is ExerciseOfKind<K> {
  return EXERCISES[exercise] === kind;
}

/** Whether an exercise is a lab's (page /labs/<id>/) rather than a project's (/projects/<id>/). */
export const isLabExercise = (exercise: ExerciseId): boolean => Object.hasOwn(LAB_EXERCISES, exercise);

/**
 * Where an exercise lives, "projects" or "labs": its page is /<section>/<exercise>/, so the page
 * and its exercise share one id (checked by getProjects and getLabs).
 */
export const exerciseSection = (exercise: ExerciseId): 'projects' | 'labs' =>
  isLabExercise(exercise) ? 'labs' : 'projects';

/** The progress item (and draft key suffix) of an exercise: its page's path without slashes. */
export const exerciseItemId = (exercise: ExerciseId): string => `${exerciseSection(exercise)}/${exercise}`;

/** Validates one exercise's answers from outside; throws `InvalidField` naming the field. */
export function checkAnswers<E extends ExerciseId>(exercise: E, value: unknown, path: string): AnswersByExercise[E] {
  // The exercise's kind's check returns that kind's answers, which are the exercise's: TypeScript
  // cannot follow the two lookups together, so this one cast states it.
  return (KINDS[EXERCISES[exercise]].check as Check<AnswersByExercise[E]>)(value, path);
}
