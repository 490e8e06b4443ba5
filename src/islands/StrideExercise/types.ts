/** What the page hands the STRIDE exercise island: scenario data for the editor, no answer key. */
import type { StrideExportContext } from '../../lib/export/stride';
import { STRIDE_LETTERS, STRIDE_NAMES, type StrideLetter } from '../../lib/share/submission';

export interface Choice {
  id: string;
  name: string;
  description: string;
}

export interface StrideExerciseProps {
  /** Progress item id, e.g. "projects/stride-medical-imaging". */
  itemId: string;
  /** Deploy base path. */
  base: string;
  /** Where the answer key is fetched from when the learner checks (not in the page, to keep it out of sight). */
  rubricUrl: string;
  /** The system's components, for the row editor. */
  components: Choice[];
  /** Step 1 offers these, real ones and distractors mixed. */
  componentChoices: Choice[];
  boundaryChoices: Choice[];
  /** Guiding questions per component and category. */
  questions: Record<string, Record<StrideLetter, string>>;
  exportContext: StrideExportContext;
  /** Lesson titles by site path ("/learn/intermediate/stride-ai/"), to name the lessons feedback links to. */
  lessonTitles: Record<string, string>;
}

/** "T: Tampering", as the selects and tables show categories. */
export const CATEGORY_LABELS = Object.fromEntries(STRIDE_LETTERS.map((letter) => [letter, `${letter}: ${STRIDE_NAMES[letter]}`])) as Record<StrideLetter, string>;

export const RATING_LABELS = { 1: '1 Low', 2: '2 Medium', 3: '3 High' } as const;
