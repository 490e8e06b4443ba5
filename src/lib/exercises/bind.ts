/**
 * An exercise bound to its answer key and grading context: grades, exports and answers for any
 * submission of that exercise, whatever its kind. The one place a kind is chosen for generic
 * callers (the CLI, the workshop dashboard, tests): an exhaustive switch, no default branch.
 */
import type { CatalogFile } from '../catalog/schema';
import type { ScenarioFile } from '../content/schema';
import { gradeBounded } from '../grading/bound';
import type { GradeReport } from '../grading/report';
import { createSubmission, type Submission } from '../share/submission';
import { loadKind } from './loaders';
import { checkAnswers, kindOf, type ExerciseId, type KindId } from './registry';
import type { AnswerKey } from './rubric-file';
import type { ExerciseStep } from './steps';
import type { ExerciseKind, ExportFormat, GradeOptions, KindTypes } from './types';

export interface BoundExercise {
  exercise: ExerciseId;
  kind: KindId;
  steps: readonly ExerciseStep[];
  /**
   * Grades a validated submission of this exercise; another exercise's is an error. Claims the
   * kind checks first (recorded range runs) count only when `options` carries what `check` found:
   * call `check` unless you have them.
   */
  grade(submission: Submission, options?: GradeOptions): GradeReport;
  /** Checks the submission's claims (replays recorded runs), then grades: what the site and the CLIs call. */
  check(submission: Submission, options?: GradeOptions): Promise<GradeReport>;
  /** The key's own answers, as a submission. */
  reference(now: Date): Promise<Submission>;
  /** The export formats the kind offers besides JSON; `scenario` is needed for them. */
  exports: Partial<Record<ExportFormat, (submission: Submission, report?: GradeReport) => string>>;
}

/** Where the grading context comes from: built from the scenario and catalog, or as `grading.json` served it. */
export type ContextSource = { scenario: ScenarioFile; catalog: readonly CatalogFile[] } | { prebuilt: unknown };

function bind<T extends KindTypes>(
  exercise: ExerciseId,
  kind: ExerciseKind<T>,
  rubric: T['rubric'],
  source: ContextSource,
): BoundExercise {
  // grading.json is written by this same kind's gradingContext at build time.
  const context =
    'prebuilt' in source ? (source.prebuilt as T['context']) : kind.gradingContext(source.scenario, source.catalog);
  const own = (submission: Submission): T['answers'] => {
    if (submission.exercise !== exercise)
      throw new Error(`This grader is for ${exercise}, not ${submission.exercise}.`);
    return kind.check(submission.answers, 'answers');
  };
  const exports = 'prebuilt' in source ? {} : kind.exports(source.scenario, context);
  return {
    exercise,
    kind: kindOf(exercise),
    steps: kind.steps,
    grade: (submission, options) => gradeBounded(kind, rubric, own(submission), context, options),
    check: async (submission, options) => {
      const answers = own(submission);
      const prepared = kind.prepare ? await kind.prepare(answers) : {};
      return gradeBounded(kind, rubric, answers, context, { ...prepared, ...options });
    },
    // Checked again as this exercise's answers: the key's answer must be a valid submission too.
    reference: async (now) =>
      createSubmission(exercise, checkAnswers(exercise, await kind.reference(rubric, context, now), 'answers'), now, {
        learner: 'Reference answer',
      }),
    exports: Object.fromEntries(
      Object.entries(exports).map(([format, exporter]) => [
        format,
        (submission: Submission, report?: GradeReport) => exporter({ ...submission, answers: own(submission) }, report),
      ]),
    ),
  };
}

/** Loads the exercise's kind and binds it to its key; the key must be of the exercise's kind. */
export async function bindExercise(
  exercise: ExerciseId,
  rubric: AnswerKey,
  source: ContextSource,
): Promise<BoundExercise> {
  const expected = kindOf(exercise);
  if (rubric.kind !== expected || rubric.exercise !== exercise)
    throw new Error(
      `The answer key of ${rubric.exercise} (${rubric.kind}) is not the key of ${exercise} (${expected}).`,
    );
  switch (rubric.kind) {
    case 'stride-table':
      return bind(exercise, await loadKind(rubric.kind), rubric, source);
    case 'rmf-gap':
      return bind(exercise, await loadKind(rubric.kind), rubric, source);
    case 'atlas-chain':
      return bind(exercise, await loadKind(rubric.kind), rubric, source);
    default: {
      // Exhaustive without importing assertNever: this module loads lazily on pages that do not otherwise need it.
      const unknown: never = rubric;
      throw new Error(`Unexpected answer key kind: ${JSON.stringify(unknown)}`);
    }
  }
}
