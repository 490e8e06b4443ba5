/** What the page hands the Project 3 island: catalog slices and scenario choices, no answer key. */
import type { ExerciseOfKind } from '../../lib/exercises/registry';
import type { AtlasGradingContext } from '../../lib/exercises/atlas/context';
import type { AtlasCatalog } from '../../lib/exercises/atlas/grade';

export interface RangeExerciseProps {
  /** The exercise (its draft and answer key). */
  exercise: ExerciseOfKind<'atlas-chain'>;
  base: string;
  /** Where the answer key is fetched from when the learner checks. */
  rubricUrl: string;
  /** The catalog release's ATLAS tactics, techniques and mitigations with their links, and the safeguards' names (the kind's `gradingContext`). */
  gradingContext: AtlasGradingContext;
  /** Step 2's rules-of-engagement choices. */
  roeChoices: Array<{ id: string; name: string; description: string }>;
  scenarioTitle: string;
  /** Lesson titles by site path, to name the lessons feedback links to. */
  lessonTitles: Record<string, string>;
}

/** What the exports need. */
export interface AtlasExportContext {
  catalog: AtlasCatalog;
  title: string;
  roeNames: Record<string, string>;
  /** An incident lab's export: the attack chain alone. */
  incident?: boolean;
}
