/**
 * Reading a batch of pasted codes and dropped files for the room dashboard, one by one: a bad one
 * is reported and the rest still load; a submission identical to one already loaded is set aside.
 * Its own module because share codes need the decompression library.
 */
import { decodeShareCode } from '../share/share-code';
import { readSubmission, type Submission } from '../share/submission';
import { identity } from './dashboard';

export interface Intake {
  /** Where it came from: "code 3" or a file name. */
  source: string;
  text: string;
  kind: 'code' | 'file';
}

export type IntakeResult =
  { source: string; ok: true; submission: Submission; key: string } | { source: string; ok: false; problem: string };

/** Splits pasted text into candidate codes: one per line or whitespace-separated token that looks like a code. */
export function splitCodes(pasted: string): Intake[] {
  return pasted
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map((text, i) => ({ source: `code ${i + 1}`, text, kind: 'code' as const }));
}

/** Reads each item on its own; a submission identical to one already read is a duplicate. */
export function readIntake(items: readonly Intake[], already: readonly string[] = []): IntakeResult[] {
  const seen = new Set(already);
  return items.map((item) => {
    const result = item.kind === 'code' ? decodeShareCode(item.text) : readSubmission(item.text);
    if (!result.ok) return { source: item.source, ok: false, problem: result.error };
    const key = identity(result.value);
    if (seen.has(key))
      return { source: item.source, ok: false, problem: 'a duplicate of a submission already loaded; it was skipped.' };
    seen.add(key);
    return { source: item.source, ok: true, submission: result.value, key };
  });
}
