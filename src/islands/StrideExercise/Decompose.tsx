/** Step 1: pick the system's components and trust boundaries from a list that includes distractors. */
import { togglePart } from '../../stores/stride-draft';
import type { Choice } from './types';

interface Props {
  componentChoices: Choice[];
  boundaryChoices: Choice[];
  components: readonly string[];
  boundaries: readonly string[];
  disabled: boolean;
}

function ChoiceList({ legend, hint, kind, choices, picked, disabled }: { legend: string; hint: string; kind: 'components' | 'boundaries'; choices: Choice[]; picked: readonly string[]; disabled: boolean }) {
  return (
    <fieldset class="choice-list">
      <legend>{legend}</legend>
      <p class="meta">{hint}</p>
      <ul>
        {choices.map((choice) => (
          <li key={choice.id}>
            <label>
              <input
                type="checkbox"
                checked={picked.includes(choice.id)}
                disabled={disabled}
                onChange={(event) => togglePart(kind, choice.id, event.currentTarget.checked)}
              />{' '}
              <span class="choice-list__name">{choice.name}</span>
              <span class="meta"> {choice.description}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function Decompose({ componentChoices, boundaryChoices, components, boundaries, disabled }: Props) {
  return (
    <div class="decompose">
      <ChoiceList
        legend="Components of the system"
        hint="Tick what belongs in the threat model of this system. Some options do not."
        kind="components"
        choices={componentChoices}
        picked={components}
        disabled={disabled}
      />
      <ChoiceList
        legend="Trust boundaries"
        hint="Tick the boundaries data or control crosses in this design."
        kind="boundaries"
        choices={boundaryChoices}
        picked={boundaries}
        disabled={disabled}
      />
    </div>
  );
}
