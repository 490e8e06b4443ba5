/** The sticky list of an exercise's steps, with the save status beside it and the workshop room, if any. */
import type { ExerciseStep } from '../../lib/exercises/steps';
import { RoomBar } from './RoomBar';

interface Props {
  /** The kind's steps; the page's sections are `step-<id>`, and Check comes last. */
  steps: readonly ExerciseStep[];
  ready: boolean;
}

export function StepNav({ steps: kindSteps, ready }: Props) {
  const steps = [
    ...kindSteps.map((s) => ({ id: `step-${s.id}`, label: s.label })),
    { id: 'step-check', label: 'Check' },
  ];
  return (
    <nav class="exercise__steps" aria-label="Steps of the exercise">
      <ol>
        {steps.map((step) => (
          <li key={step.id}>
            <a href={`#${step.id}`}>{step.label}</a>
          </li>
        ))}
      </ol>
      <p class="meta exercise__saved">{ready ? 'Saved in this browser as you type.' : 'Loading your saved work…'}</p>
      {ready && <RoomBar steps={steps} />}
    </nav>
  );
}
