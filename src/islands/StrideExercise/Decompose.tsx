/** Step 1: pick the system's components and trust boundaries from a list that includes distractors. */
import type { StrideDraft } from '../../stores/stride-draft';
import type { Choice } from './types';

interface Props {
  draft: StrideDraft;
  componentChoices: Choice[];
  boundaryChoices: Choice[];
  components: readonly string[];
  boundaries: readonly string[];
  disabled: boolean;
}

interface ListProps {
  legend: string;
  hint: string;
  choices: Choice[];
  picked: readonly string[];
  disabled: boolean;
  onToggle: (id: string, on: boolean) => void;
}

function ChoiceList({ legend, hint, choices, picked, disabled, onToggle }: ListProps) {
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
                onChange={(event) => onToggle(choice.id, event.currentTarget.checked)}
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

export function Decompose({ draft, componentChoices, boundaryChoices, components, boundaries, disabled }: Props) {
  const lists = [
    {
      kind: 'components',
      legend: 'Components of the system',
      hint: 'Tick what belongs in the threat model of this system. Some options do not.',
      choices: componentChoices,
      picked: components,
    },
    {
      kind: 'boundaries',
      legend: 'Trust boundaries',
      hint: 'Tick the boundaries data or control crosses in this design.',
      choices: boundaryChoices,
      picked: boundaries,
    },
  ] as const;
  return (
    <div class="decompose">
      {lists.map(({ kind, ...list }) => (
        <ChoiceList
          key={kind}
          {...list}
          choices={[...list.choices]}
          disabled={disabled}
          onToggle={(id, on) => draft.togglePart(kind, id, on)}
        />
      ))}
    </div>
  );
}
