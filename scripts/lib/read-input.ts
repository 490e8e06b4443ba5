/**
 * Reads a submission file for the CLIs the way the browser does, and never more than it must:
 * only a regular file (not /dev/zero, a pipe or a directory), at most the importer's limit, read
 * with a cap, and decoded as the browser decodes it (UTF-8, or UTF-16 after its byte-order mark).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { decodeFileText, formatBytes, MAX_FILE_BYTES } from '../../src/lib/share/safe-json';

export type InputResult = { ok: true; text: string } | { ok: false; error: string };

export function readInput(file: string, maxBytes = MAX_FILE_BYTES): InputResult {
  let fd: number | undefined;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { ok: false, error: 'not a regular file' };
    if (stat.size > maxBytes)
      return { ok: false, error: `${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} a submission may be` };
    fd = openSync(file, 'r');
    // One byte more than stat said, so a file that grew since is caught rather than cut.
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > stat.size) return { ok: false, error: 'the file changed while it was being read' };
    return { ok: true, text: decodeFileText(buffer.subarray(0, length)) };
  } catch (error) {
    return { ok: false, error: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
