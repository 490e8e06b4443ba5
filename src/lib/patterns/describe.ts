/**
 * How a row's reading is put into words, the same in the editor's read-back and in the check's
 * feedback, so the learner reads one sentence in both places. Small and free of the reader.
 */
import type { ReadingChoice } from './read';

export interface ReadingSummary {
  choice: ReadingChoice;
  /** Names of the patterns the row stands for. */
  names: readonly string[];
  source: 'threat' | 'impact' | 'none';
  thin: boolean;
  stuffed: boolean;
  /** The patterns the threat sentence itself states. */
  stated: readonly string[];
}

/**
 * "Read as: X, on Y." and its variants. Rows read as nothing get a sentence only when
 * `unread` is true (the editor says so; the check's feedback explains it its own way).
 */
export function readingSentence(
  r: ReadingSummary,
  componentName: string,
  chosenName: string | undefined,
  unread = false,
): string {
  const names = r.names.join(' or ');
  switch (r.choice) {
    case 'used':
      return `Read as you chose: ${names}, on ${componentName}.`;
    case 'other':
      return 'Read as you chose: a threat outside the pattern library.';
    case 'unsupported':
      return `You chose “${chosenName ?? ''}”, but the threat sentence does not say it yet, so the row is read as written${names ? `: ${names}` : ''}.`;
    case 'unknown':
    case 'none':
      break;
  }
  if (names)
    return `Read as: ${names}, on ${componentName}${r.source === 'impact' ? ' (from the impact: say it in the threat sentence)' : ''}.`;
  if (!unread) return '';
  if (r.thin) return 'Too short to read yet: say who does what to which asset.';
  if (r.stuffed)
    return `Reads as several threats at once (${r.stated.length}): one row per threat, or none of them counts.`;
  return 'Not read as an AI threat pattern we know. If we misread you, pick what you mean.';
}
