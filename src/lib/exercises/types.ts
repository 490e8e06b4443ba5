/**
 * The contract of an exercise kind: what `src/lib/exercises/<kind>/index.ts` exports as `kind`.
 * Everything generic (the CLI, the workshop dashboard, `grading.json`, the rubric collection)
 * works through it; nothing outside the kind's folder knows how it grades.
 */
import type { CatalogFile } from '../catalog/schema';
import type { ScenarioFile } from '../content/schema';
import type { FeedbackItem, GradeReport, ItemCoverage } from '../grading/report';
import type { Check } from '../share/fields';
import type { SubmissionOf } from '../share/submission';
import type { ExerciseStep } from './steps';
import type { RunReplay } from '../range/replay-types';

/** The types one kind is made of. */
export interface KindTypes {
  answers: object;
  rubric: { exercise: string; kind: string; scenario: string };
  /** What grading needs from the scenario and the catalog besides the key (names, links). */
  context: object;
  /** Its step ids. */
  step: string;
}

/** Options every grader takes. */
export interface GradeOptions {
  /** Name missed items instead of hinting at them (second attempt, or the learner asked). */
  revealMissed?: boolean;
  /** Recorded range runs replayed before grading (Project 3): only runs that reproduce earn credit. */
  replays?: readonly RunReplay[];
}

/** A feedback item of one kind: its step is one of that kind's steps. */
export type KindFeedback<S extends string> = FeedbackItem & { step: S };

/** What one scored part of a grader returns; the grader adds the parts up with its weights. */
export interface PartResult<S extends string> {
  /** 0..1 */
  score: number;
  /** One sentence on what the number means for this submission. */
  detail: string;
  feedback: KindFeedback<S>[];
  /** The key's expected items this part judges, covered or not (what the dashboard counts). */
  items?: ItemCoverage[];
}

/** An export a kind offers, by format name: text for a file. */
export type Exporter<A> = (submission: SubmissionOf<A>, report?: GradeReport) => string;

/** The export formats the site and the CLI know. */
export type ExportFormat = 'csv' | 'md' | 'threat-dragon' | 'navigator';

export interface ExerciseKind<T extends KindTypes> {
  /** The `kind` field of its answer keys. */
  id: T['rubric']['kind'];
  /** Its steps, in page order. */
  steps: readonly ExerciseStep[];
  /** Checks answers from outside; throws `InvalidField` naming the field. */
  check: Check<T['answers']>;
  /**
   * The grading context from the scenario and the catalog: one pure function for the browser,
   * the CLI, the dashboard and `grading.json` alike. Throws naming what does not fit.
   */
  gradingContext(scenario: ScenarioFile, catalog: readonly CatalogFile[]): T['context'];
  /** Grades answers against the key: the same numbers in the browser and in Node. */
  grade(rubric: T['rubric'], answers: T['answers'], context: T['context'], options?: GradeOptions): GradeReport;
  /**
   * Checks what the answers claim and grading must not take on trust, before grading: Project 3
   * replays its recorded range runs. What it returns goes into grade()'s options. Kinds without
   * such claims leave it out.
   */
  prepare?(answers: T['answers']): Promise<GradeOptions>;
  /** The key's own answer (scores 1). Project 3 records real range runs for it, so it may take a while. */
  reference(rubric: T['rubric'], context: T['context'], now: Date): T['answers'] | Promise<T['answers']>;
  /** The export formats it offers besides JSON, given the scenario's context. */
  exports(scenario: ScenarioFile, context: T['context']): Partial<Record<ExportFormat, Exporter<T['answers']>>>;
}
