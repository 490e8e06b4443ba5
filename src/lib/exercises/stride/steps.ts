/** The steps of the stride kind, apart from its answers so a page ships only its own kind's labels. */
import type { ExerciseStep } from '../steps';

/**
 * The steps of the exercise, in page order (the page anchors them as `step-<id>`, a workshop room
 * times them by `label`); every feedback item names the step it is about.
 */
export const STRIDE_STEPS = [
  { id: 'decompose', label: 'Decompose', feedback: 'Decomposition' },
  { id: 'analyze', label: 'Analyze', feedback: 'Your threats, row by row' },
  { id: 'findings', label: 'Findings', feedback: 'Findings' },
  { id: 'mitigate', label: 'Mitigate', feedback: 'Mitigations' },
] as const satisfies readonly ExerciseStep[];
export type StrideStep = (typeof STRIDE_STEPS)[number]['id'];
