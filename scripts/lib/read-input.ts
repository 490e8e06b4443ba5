/**
 * Reads a submission file for the CLIs the way the browser does, and never more than it must:
 * only a regular file (not /dev/zero, a pipe or a directory), at most the importer's limit, read
 * with a cap, with a UTF-8 byte-order mark dropped as `File.text()` drops it.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { formatBytes, MAX_UNTRUSTED_BYTES } from '../../src/lib/share/safe-json';

export type InputResult = { ok: true; text: string } | { ok: false; error: string };

export function readInput(file: string, maxBytes = MAX_UNTRUSTED_BYTES): InputResult {
  let fd: number | undefined;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { ok: false, error: 'not a regular file' };
    if (stat.size > maxBytes)
      return { ok: false, error: `${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} a submission may be` };
    fd = openSync(file, 'r');
    // One byte more than the limit, so a file that grew since stat is still caught.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length <= maxBytes; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { ok: false, error: `over the ${formatBytes(maxBytes)} a submission may be` };
    const text = buffer.subarray(0, length).toString('utf8');
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch (error) {
    return { ok: false, error: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
