/**
 * Under each threat: how the reviewer reads it ("Read as: model extraction through scores, on
 * Triage inference API"), and a way to say "no, I mean X". The grader uses the same reading and
 * the same correction, so what the learner sees here is what will be graded.
 */
import { OTHER_READING } from '../../lib/patterns/types';
import { useReading, type Reader, type Reading } from './read-back';

interface Props {
  reader: Reader | null;
  id: string;
  n: number;
  threat: string;
  impact: string;
  chosen: string | undefined;
  componentName: string;
  disabled: boolean;
  onChoose: (reading: string | undefined) => void;
}

function sentence(reading: Reading, componentName: string, chosenName: string | undefined): string {
  const names = reading.names.join(' or ');
  switch (reading.choice) {
    case 'used':
      return `Read as you chose: ${names}, on ${componentName}.`;
    case 'other':
      return 'Read as you chose: a threat outside the pattern library. It is checked against the key as written.';
    case 'unsupported':
      return `You chose “${chosenName ?? ''}”, but the threat sentence does not say it yet, so it is read as written${names ? `: ${names}` : ''}.`;
    case 'unknown':
    case 'none':
      break;
  }
  if (reading.thin) return 'Too short to read yet: say who does what to which asset.';
  if (reading.stuffed)
    return `Reads as several threats at once (${reading.stated.length}): one row per threat, or none of them counts.`;
  if (reading.names.length === 0)
    return 'Not read as an AI threat pattern we know. If we misread you, pick what you mean.';
  return `Read as: ${names}, on ${componentName}${reading.source === 'impact' ? ' (from the impact: say it in the threat sentence)' : ''}.`;
}

export function ReadBack({ reader, id, n, threat, impact, chosen, componentName, disabled, onChoose }: Props) {
  const reading = useReading(reader, threat, impact, chosen);
  if (!reader) return null;
  const chosenName = chosen === undefined ? undefined : reader.nameOf(chosen);
  return (
    <div class="read-back">
      <p class="read-back__text meta" id={`${id}-reading`} aria-live="polite">
        {reading ? sentence(reading, componentName, chosenName) : ' '}
      </p>
      <div class="field read-back__pick">
        <label for={`${id}-pick`}>Not what you mean? Reading of threat {n}</label>
        <select
          id={`${id}-pick`}
          value={chosen ?? ''}
          disabled={disabled}
          aria-describedby={`${id}-reading`}
          onChange={(e) => onChoose(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
        >
          <option value="">Keep the reviewer’s reading</option>
          {reader.patterns.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value={OTHER_READING}>Something else</option>
        </select>
      </div>
    </div>
  );
}
