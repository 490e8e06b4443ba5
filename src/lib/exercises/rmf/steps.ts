/** The steps of the rmf kind, apart from its answers so a page ships only its own kind's labels. */
import type { ExerciseStep } from '../steps';

/** The steps of the exercise, in page order; every feedback item names the step it is about. */
export const RMF_STEPS = [
  { id: 'map', label: 'Map', feedback: 'Step 1: contexts' },
  { id: 'measure', label: 'Measure', feedback: 'Step 2: assessments' },
  { id: 'manage', label: 'Manage', feedback: 'Step 3: priorities' },
  { id: 'report', label: 'Report', feedback: 'Step 4: the report' },
] as const satisfies readonly ExerciseStep[];
export type RmfStep = (typeof RMF_STEPS)[number]['id'];
