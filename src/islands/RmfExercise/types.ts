/** What the page hands the AI RMF exercise island: scenario data for the editor, no answer key. */
import type { ExerciseOfKind } from '../../lib/exercises/registry';
import type { RmfExportContext } from '../../lib/exercises/rmf/export';

export interface ScopeItem {
  subcategory: string;
  title: string;
  /** The outcome, in our words (from the catalog). */
  summary: string;
  /** The scenario's guiding question. */
  question: string;
}

export interface FactCard {
  id: string;
  title: string;
  topic: string;
}

export interface RmfExerciseProps {
  /** The exercise (its draft and answer key). */
  exercise: ExerciseOfKind<'rmf-gap'>;
  base: string;
  /** Where the answer key is fetched from when the learner checks. */
  rubricUrl: string;
  contexts: Array<{ id: string; name: string; description: string }>;
  scope: ScopeItem[];
  facts: FactCard[];
  /** Topic labels in display order. */
  topics: Array<{ id: string; label: string }>;
  exportContext: RmfExportContext;
  /** Lesson titles by site path, to name the lessons feedback links to. */
  lessonTitles: Record<string, string>;
}
