/**
 * What the CLIs print and write, made safe: paths resolve from the directory the user ran the
 * command in (npm runs scripts from the package root and passes the user's in INIT_CWD); text for
 * the terminal carries no control sequences; an output file never replaces the input, an existing
 * file only with --force, and never through a symbolic link or onto a device.
 */
import { constants, lstatSync, openSync, closeSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { stripControls } from '../../src/lib/export/control';

/** The directory the user ran `npm run ...` in (or this process's, when run directly). */
export const userDirectory = (): string => process.env['INIT_CWD'] ?? process.cwd();

/** A path as the user typed it, resolved from their directory. */
export const fromUser = (file: string): string => path.resolve(userDirectory(), file);

/** Text safe to print on a terminal: file names and anything quoted from a submission. */
export const forTerminal = (text: string): string => stripControls(text.replace(/\r/g, ' '));

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
};

export type WriteResult = { ok: true } | { ok: false; error: string };

/**
 * Writes `text` to `out` (as typed by the user). Refuses the input file itself, an existing file
 * without `force`, anything that is not a regular file, and links; with `force`, an existing file
 * is replaced by a rename, so a link in its place is replaced, never followed.
 */
export function writeOutput(out: string, text: string, options: { input: string; force: boolean }): WriteResult {
  const target = fromUser(out);
  const shown = forTerminal(out);
  const fail = (why: string): WriteResult => ({ ok: false, error: `cannot write ${shown}: ${why}` });
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(target);
  } catch {
    existing = undefined;
  }
  if (existing) {
    try {
      const input = statSync(fromUser(options.input));
      const resolved = statSync(target);
      if (input.dev === resolved.dev && input.ino === resolved.ino)
        return fail('it is the input file; choose another name');
    } catch {
      // A dangling link or an unreadable input: not the same file.
    }
    if (existing.isSymbolicLink()) return fail('it is a symbolic link; name the file itself');
    if (existing.isDirectory()) return fail('it is a folder');
    if (!existing.isFile()) return fail('it is not a regular file');
    if (!options.force) return fail('it already exists (add --force to replace it)');
  }
  // Written next to the target under a temporary name, then renamed over it: a failed write
  // leaves any existing file as it was.
  const temporary = existing ? `${target}.${process.pid}.tmp` : target;
  let fd: number | undefined;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    closeSync(fd);
    fd = undefined;
    if (temporary !== target) renameSync(temporary, target);
    return { ok: true };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was created.
    }
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return fail('it already exists (add --force to replace it)');
    return fail(REASONS[code] ?? `the system refused (${code || 'unknown error'})`);
  }
}
