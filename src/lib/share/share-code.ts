/**
 * Share codes: a submission as one line a learner can paste into a chat or the workshop
 * dashboard. The JSON is deflated and base64url-encoded, with a prefix that names the format and
 * a checksum, so a truncated or altered paste is detected before anything is decoded further.
 *
 *   AITM1.<base64url of deflated JSON>.<checksum>
 */
import { Inflate, deflateSync, strToU8, strFromU8 } from 'fflate';
import { MAX_FILE_BYTES, MAX_UNTRUSTED_BYTES, formatBytes, type Result } from './safe-json';
import { readSubmission, type Submission } from './submission';

const PREFIX = 'AITM1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** FNV-1a over the payload characters, as 7 base-36 digits: enough to catch a bad paste. */
export function checksum(payload: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < payload.length; i++) {
    hash ^= payload.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let b = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let c = 0; c < 4; c++) n = (n << 6) | (i + c < text.length ? ALPHABET.indexOf(text[i + c] as string) : 0);
    const take = Math.min(3, Math.floor(((text.length - i) * 3) / 4));
    for (let k = 0; k < take; k++) bytes[b++] = (n >> (16 - 8 * k)) & 255;
  }
  return bytes.subarray(0, b);
}

export function encodeShareCode(submission: Submission): string {
  const payload = toBase64Url(deflateSync(strToU8(JSON.stringify(submission)), { level: 9 }));
  return `${PREFIX}.${payload}.${checksum(payload)}`;
}

/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1,032 times, so about 1 MB out. */
const INFLATE_STEP = 1024;

/**
 * Inflates with a ceiling, so a tiny code cannot expand into gigabytes: the input goes in small
 * slices and inflating stops at the first slice that passes the ceiling.
 */
export function inflateCapped(data: Uint8Array, max: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= max) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
      if (total > max) throw new RangeError(`expands beyond ${formatBytes(max)}`);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Decodes and validates a pasted code; the error says what is wrong with it. */
export function decodeShareCode(input: string): Result<Submission> {
  const code = input.replace(/\s+/g, '');
  if (code === '') return { ok: false, error: 'The code is empty.' };
  if (code.length > MAX_UNTRUSTED_BYTES)
    return {
      ok: false,
      error: `The code is ${formatBytes(code.length)}; the limit is ${formatBytes(MAX_UNTRUSTED_BYTES)}.`,
    };
  const parts = code.split('.');
  if (parts[0] !== PREFIX)
    return { ok: false, error: 'This is not an AI Threat Modeling Lab share code (they start with "AITM1.").' };
  if (parts.length !== 3)
    return {
      ok: false,
      error: 'The code is incomplete: it should have three parts separated by dots. Copy it again in full.',
    };
  const [, payload = '', sum = ''] = parts;
  if (checksum(payload) !== sum)
    return {
      ok: false,
      error: 'The code is damaged or cut short (its checksum does not match). Copy it again in full.',
    };
  const bytes = fromBase64Url(payload);
  if (!bytes) return { ok: false, error: 'The code contains characters a share code never has.' };
  let json: Uint8Array | null;
  try {
    json = inflateCapped(bytes, MAX_FILE_BYTES);
  } catch (error) {
    return { ok: false, error: `The code is not valid: it ${(error as Error).message}.` };
  }
  if (!json) return { ok: false, error: 'The code could not be unpacked; it may be damaged.' };
  return readSubmission(strFromU8(json));
}
