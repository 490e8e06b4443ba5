/** Outcome of reading untrusted input: a value, or a message a learner can act on. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Keys that could reach an object's prototype when data is merged or copied. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The largest file or paste we read: far above any real progress file or submission. */
export const MAX_UNTRUSTED_BYTES = 1_000_000;

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
