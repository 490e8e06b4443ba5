/**
 * The progress file: everything the site stores for a learner, as one JSON document they can
 * download, keep, move to another browser and import again. Import is all-or-nothing: one bad
 * entry rejects the file, so nothing half-applies.
 */
import { familyOf } from '../progress/keys';
import { isPlainObject, MAX_FILE_BYTES, parseUntrustedJson, type Result } from './safe-json';

export const PROGRESS_FORMAT = 'aitm.progress';
export const PROGRESS_VERSION = 1;

/** More entries than any learner could produce: a cheap guard against generated junk. */
const MAX_ENTRIES = 5_000;

/** The exported document. */
export interface ProgressFile {
  /** Always "aitm.progress". */
  format: typeof PROGRESS_FORMAT;
  /** Format version; bumped with a migration when the shape changes. */
  version: typeof PROGRESS_VERSION;
  /** When the file was made (ISO 8601). */
  exportedAt: string;
  /** Stored values by key, without the `aitm:v1:` prefix. */
  entries: Record<string, unknown>;
}

/** A validated file, ready to apply. */
export interface ProgressImport {
  exportedAt: string;
  entries: ReadonlyArray<readonly [key: string, value: unknown]>;
}

export function buildProgressFile(entries: ReadonlyArray<readonly [string, unknown]>, now: Date): ProgressFile {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const record: Record<string, unknown> = {};
  for (const [key, value] of sorted) {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: now.toISOString(), entries: record };
}

export function serialiseProgressFile(file: ProgressFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** File name for a download, e.g. `ai-threat-modeling-lab-progress-2026-11-26.json`. */
export function progressFileName(now: Date): string {
  return `ai-threat-modeling-lab-progress-${now.toISOString().slice(0, 10)}.json`;
}

function describeFormat(format: unknown): string {
  if (format === 'aitm.submission') {
    return 'This is an exercise submission, not a progress file. Import it on the exercise page instead.';
  }
  return 'This is not a progress file from AI Threat Modeling Lab: its "format" should be "aitm.progress".';
}

/** Validates an uploaded progress file; the error says what is wrong and that nothing changed. */
export function readProgressFile(text: string): Result<ProgressImport> {
  const parsed = parseUntrustedJson(text, MAX_FILE_BYTES);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  if (!isPlainObject(doc)) return { ok: false, error: 'The file should hold a JSON object.' };
  if (doc['format'] !== PROGRESS_FORMAT) return { ok: false, error: describeFormat(doc['format']) };
  const version = doc['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION) {
    return {
      ok: false,
      error: `The file is format version ${version}, made by a newer version of the site; this one reads version ${PROGRESS_VERSION}.`,
    };
  }
  if (version !== PROGRESS_VERSION) return { ok: false, error: 'The file has no valid "version".' };
  const extra = Object.keys(doc).filter((k) => !['format', 'version', 'exportedAt', 'entries'].includes(k));
  if (extra.length > 0) return { ok: false, error: `The file has unexpected fields: ${extra.join(', ')}.` };
  const exportedAt = doc['exportedAt'];
  if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) {
    return { ok: false, error: 'The file has no valid "exportedAt" date.' };
  }
  const entries = doc['entries'];
  if (!isPlainObject(entries)) return { ok: false, error: 'The file has no "entries" object.' };
  const keys = Object.keys(entries);
  if (keys.length > MAX_ENTRIES) {
    return { ok: false, error: `The file has ${keys.length} entries; at most ${MAX_ENTRIES} are allowed.` };
  }
  const accepted: Array<readonly [string, unknown]> = [];
  const problems: string[] = [];
  for (const key of keys) {
    const family = familyOf(key);
    if (!family) {
      problems.push(`"${key.slice(0, 80)}" is not something this site stores`);
      continue;
    }
    const value = family.validate(entries[key]);
    if (value === null) problems.push(`"${key.slice(0, 80)}" has an invalid ${family.label} value`);
    else accepted.push([key, value]);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
    return {
      ok: false,
      error: `The file has ${problems.length} invalid ${problems.length === 1 ? 'entry' : 'entries'}: ${shown}${more}.`,
    };
  }
  return { ok: true, value: { exportedAt, entries: accepted } };
}
