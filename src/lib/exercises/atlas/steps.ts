/** The steps of the atlas kind, apart from its answers so a page ships only its own kind's labels. */
import type { ExerciseStep } from '../steps';

/** The steps of the exercise, in page order; every feedback item names the step it is about. */
export const ATLAS_STEPS = [
  { id: 'chain', label: 'Techniques', feedback: 'Step 1: the kill chain' },
  { id: 'range', label: 'Range design', feedback: 'Step 2: rules of engagement' },
  { id: 'execute', label: 'Execute', feedback: 'Step 3: range runs' },
  { id: 'harden', label: 'Harden', feedback: 'Step 4: defenses and plan' },
] as const satisfies readonly ExerciseStep[];
export type AtlasStep = (typeof ATLAS_STEPS)[number]['id'];

/** An incident lab's one step: tag the write-up with the attacker's techniques, in order. */
export const INCIDENT_STEPS = [
  { id: 'chain', label: 'Attack chain', feedback: 'The attack chain' },
] as const satisfies readonly ExerciseStep[];
