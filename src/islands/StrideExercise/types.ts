/** What the page hands the STRIDE exercise island: scenario data for the editor, no answer key. */
import type { ExerciseOfKind } from '../../lib/exercises/registry';
import type { StrideGradingContext } from '../../lib/exercises/stride/context';
import type { StrideExportContext } from '../../lib/exercises/stride/export';
import { STRIDE_LETTERS, STRIDE_NAMES, type StrideLetter } from '../../lib/exercises/stride/answers';

export interface Choice {
  id: string;
  name: string;
  description: string;
}

export interface StrideExerciseProps {
  /** The exercise (its draft and answer key). */
  exercise: ExerciseOfKind<'stride-table'>;
  /** Deploy base path. */
  base: string;
  /** Where the answer key is fetched from when the learner checks (not in the page, to keep it out of sight). */
  rubricUrl: string;
  /** The threat-pattern library (no answer key), for reading rows back as the learner types. */
  patternsUrl: string;
  /** The system's components, for the row editor. */
  components: Choice[];
  /** Step 1 offers these, real ones and distractors mixed. */
  componentChoices: Choice[];
  boundaryChoices: Choice[];
  /** Guiding questions per component and category. */
  questions: Record<string, Record<StrideLetter, string>>;
  exportContext: StrideExportContext;
  /** Names for feedback, from the scenario (the kind's `gradingContext`). */
  gradingContext: StrideGradingContext;
  /** Lesson titles by site path ("/learn/intermediate/stride-ai/"), to name the lessons feedback links to. */
  lessonTitles: Record<string, string>;
  /** How many rows a careful analysis of this system usually has, e.g. "15 to 30". */
  typicalRows: string;
}

/** "T: Tampering", as the selects and tables show categories. */
export const CATEGORY_LABELS = Object.fromEntries(
  STRIDE_LETTERS.map((letter) => [letter, `${letter}: ${STRIDE_NAMES[letter]}`]),
) as Record<StrideLetter, string>;

/**
 * A guiding question per STRIDE letter for a component the scenario has no specific questions
 * for (every candidate in step 1 gets questions, so the panel does not tell decoys apart).
 */
export const GENERIC_QUESTIONS: Record<StrideLetter, string> = {
  S: 'Who could pretend to be this component, or send it input under someone else’s identity?',
  T: 'What could someone change in its data, code or configuration, and would anyone notice?',
  R: 'If it did something harmful, could you show afterwards who or what caused it?',
  I: 'What could it reveal, directly or through its outputs, to someone who should not see it?',
  D: 'How could someone make it slow, unavailable or too costly to run?',
  E: 'How could someone use it to gain rights or reach they should not have?',
};

export const RATING_LABELS = { 1: '1 Low', 2: '2 Medium', 3: '3 High' } as const;

/** The anchors the selects show, so two learners mean the same thing by "2". */
export const RATING_ANCHORS = {
  likelihood: {
    1: '1 Low: needs rare access, skill or luck',
    2: '2 Medium: plausible for an insider or a motivated outsider',
    3: '3 High: easy, expected, or already happening',
  },
  severity: {
    1: '1 Low: an inconvenience; no harm to patients or data',
    2: '2 Medium: a contained data exposure or disruption',
    3: '3 High: patient harm, a large breach, or a silent failure',
  },
} as const;
