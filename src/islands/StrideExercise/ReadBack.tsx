/**
 * Under each threat: how the reviewer reads it ("Read as: model extraction through scores, on
 * Triage inference API"), and a way to say "no, I mean X". The grader uses the same reading and
 * the same correction, so what the learner sees here is what will be graded.
 */
import { OTHER_READING } from '../../lib/patterns/types';
import { readingSentence } from '../../lib/patterns/describe';
import { useReading, type Reader } from './read-back';

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

export function ReadBack({ reader, id, n, threat, impact, chosen, componentName, disabled, onChoose }: Props) {
  const reading = useReading(reader, threat, impact, chosen);
  // Laid out before the reader arrives, so nothing moves when it does.
  const chosenName = chosen === undefined ? undefined : reader?.nameOf(chosen);
  return (
    <div class="read-back">
      <p class="read-back__text meta" id={`${id}-reading`} aria-live="polite">
        {reading ? readingSentence(reading, componentName, chosenName, true) : ' '}
      </p>
      <div class="field read-back__pick">
        <label for={`${id}-pick`}>Not what you mean? Reading of threat {n}</label>
        <select
          id={`${id}-pick`}
          value={chosen ?? ''}
          disabled={disabled || !reader}
          aria-describedby={`${id}-reading`}
          onChange={(e) => onChoose(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
        >
          <option value="">Keep the reviewer’s reading</option>
          {reader
            ? reader.patterns.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))
            : chosen !== undefined && chosen !== OTHER_READING && <option value={chosen}>{chosen}</option>}
          <option value={OTHER_READING}>Something else</option>
        </select>
      </div>
    </div>
  );
}
