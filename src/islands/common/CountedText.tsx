/** A long answer with a live count of the words the checker reads, so the editor and the report never disagree. */
import type { ComponentChildren } from 'preact';
import { useWordCount } from './word-count';

interface Props {
  id: string;
  label: string;
  value: string;
  rows: number;
  disabled: boolean;
  onInput: (value: string) => void;
  /** What to write and how much, after the count. */
  advice: ComponentChildren;
}

export function CountedText({ id, label, value, rows, disabled, onInput, advice }: Props) {
  const count = useWordCount();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        maxLength={12000}
        value={value}
        disabled={disabled}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-describedby={`${id}-count`}
      />
      <p id={`${id}-count`} class="meta">
        {count ? `${count(value)} words that count (the checker skips words such as “the” and “of”). ` : ''}
        {advice}
      </p>
    </div>
  );
}
