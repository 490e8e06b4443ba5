/**
 * The exercise kinds and the exercises of each. One entry per kind: its answers validator, empty
 * draft and steps (small, loaded everywhere an exercise's answers are read), and a lazy loader for
 * the rest (grading context, grader, reference answer, exports), so a page loads only the code of
 * the kind it shows, and only when it needs it.
 *
 * Adding a kind: a folder `src/lib/exercises/<kind>/` (answers.ts, rubric.ts, context.ts, grade.ts,
 * reference.ts, export.ts, index.ts), one line in KINDS, one in RUBRIC_SCHEMAS (rubric-file.ts),
 * its island, and its content. Adding an exercise of an existing kind: one line in EXERCISES and
 * its content. Nothing chooses a kind by default: an unknown id is an error naming the known ones.
 */
import type { Check } from '../share/fields';
import { ATLAS_STEPS, checkAtlasAnswers, emptyAtlasAnswers } from './atlas/answers';
import { checkRmfAnswers, emptyRmfAnswers, RMF_STEPS } from './rmf/answers';
import type { ExerciseStep } from './steps';
import { checkStrideAnswers, emptyStrideAnswers, STRIDE_STEPS } from './stride/answers';

/** What every page that reads answers needs of a kind, without its grader. */
interface KindEntry<A> {
  /** Checks answers from outside (imports, drafts); throws `InvalidField` naming the field. */
  check: Check<A>;
  /** The answers of a fresh draft. */
  empty: () => A;
  steps: readonly ExerciseStep[];
}

export const KINDS = {
  'stride-table': { check: checkStrideAnswers, empty: emptyStrideAnswers, steps: STRIDE_STEPS, load: () => import('./stride/index').then((m) => m.strideKind) },
  'rmf-gap': { check: checkRmfAnswers, empty: emptyRmfAnswers, steps: RMF_STEPS, load: () => import('./rmf/index').then((m) => m.rmfKind) },
  'atlas-chain': { check: checkAtlasAnswers, empty: emptyAtlasAnswers, steps: ATLAS_STEPS, load: () => import('./atlas/index').then((m) => m.atlasKind) },
} as const satisfies Record<string, KindEntry<unknown> & { load: unknown }>;

/** An exercise kind: the `kind` of its answer keys. */
export type KindId = keyof typeof KINDS;
/** A kind's answers. */
export type AnswersOf<K extends KindId> = ReturnType<(typeof KINDS)[K]['empty']>;
/** A kind's step ids. */
export type StepOf<K extends KindId> = (typeof KINDS)[K]['steps'][number]['id'];
/** A kind's full module (grader, context, reference, exports). */
export type KindModule<K extends KindId> = Awaited<ReturnType<(typeof KINDS)[K]['load']>>;

/** Every exercise the site grades, and its kind. Its answer key is content/rubrics/<id>.yaml. */
export const EXERCISES = {
  'stride-medical-imaging': 'stride-table',
  'rmf-chatbot-gap': 'rmf-gap',
  'atlas-fraud-simulation': 'atlas-chain',
} as const satisfies Record<string, KindId>;

export type ExerciseId = keyof typeof EXERCISES;
/** The kind of an exercise. */
export type KindOf<E extends ExerciseId> = (typeof EXERCISES)[E];
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
  if (!isExerciseId(exercise)) throw new Error(`Unknown exercise "${exercise.slice(0, 60)}". Known: ${EXERCISE_IDS.join(', ')}.`);
  return EXERCISES[exercise];
}

/** A kind's entry; an unknown kind is an error that names the known ones. */
export function kindEntry<K extends KindId>(kind: K): (typeof KINDS)[K] {
  if (!isKindId(kind)) throw new Error(`Unknown exercise kind "${String(kind).slice(0, 60)}". Known: ${KIND_IDS.join(', ')}.`);
  return KINDS[kind];
}

/** Loads a kind's full module. */
export function loadKind<K extends KindId>(kind: K): Promise<KindModule<K>> {
  return kindEntry(kind).load() as Promise<KindModule<K>>;
}

/** Validates one exercise's answers from outside; throws `InvalidField` naming the field. */
export function checkAnswers<E extends ExerciseId>(exercise: E, value: unknown, path: string): AnswersByExercise[E] {
  return (KINDS[EXERCISES[exercise]].check as Check<AnswersByExercise[E]>)(value, path);
}

/** The empty answers of an exercise's kind. */
export function emptyAnswers<E extends ExerciseId>(exercise: E): AnswersByExercise[E] {
  return (KINDS[EXERCISES[exercise]].empty as () => AnswersByExercise[E])();
}
