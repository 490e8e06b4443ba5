/** Outcome of reading untrusted input: a value, or a message a learner can act on. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Keys that could reach an object's prototype when data is merged or copied. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The longest share code or paste we read: far above any real share code. */
export const MAX_UNTRUSTED_BYTES = 1_000_000;

/**
 * The largest file (or unpacked share code) we read. Above the largest file the site itself
 * writes: a submission with every field at the editors' limits, even in characters JSON escapes
 * to six bytes (about 15 MB), and a progress file of a browser storage filled to its quota. A
 * backup the site offers must always import; tests/unit/limits.test.ts holds it to that.
 */
export const MAX_FILE_BYTES = 32_000_000;

/**
 * A file's text as both the browser and the CLIs read it: UTF-8, or UTF-16 when the file starts
 * with a UTF-16 byte-order mark (as Windows editors save); a byte-order mark is dropped.
 */
export function decodeFileText(bytes: Uint8Array): string {
  const [a, b] = bytes;
  const label = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(label).decode(bytes);
}

/** Formats a byte count for messages ("5.0 MB", "12 KB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}

/** UTF-8 size of a string without allocating a copy of it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

class ForbiddenKeyError extends Error {}

/**
 * Parses JSON that came from outside (a file, a paste, another tab): refuses oversize text and
 * any object key that could pollute a prototype, and explains what was wrong.
 */
export function parseUntrustedJson(text: string, maxBytes: number = MAX_UNTRUSTED_BYTES): Result<unknown> {
  const size = utf8Length(text);
  if (size > maxBytes) {
    return {
      ok: false,
      error: `The input is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}.`,
    };
  }
  if (text.trim() === '') return { ok: false, error: 'The input is empty.' };
  try {
    const value: unknown = JSON.parse(text, (key, inner: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError(key);
      return inner;
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ForbiddenKeyError) {
      return { ok: false, error: `The input contains a key named "${error.message}", which is not allowed.` };
    }
    return { ok: false, error: 'The input is not valid JSON.' };
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
