/** The sticky list of an exercise's steps, with the save status beside it and the workshop room, if any. */
import { RoomBar } from './RoomBar';

interface Props {
  steps: Array<{ id: string; label: string }>;
  ready: boolean;
}

export function StepNav({ steps, ready }: Props) {
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
