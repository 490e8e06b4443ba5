/**
 * The CLIs parse their arguments strictly (issue 15): an unknown flag, a missing value or an
 * extra input is an error with the usage line and exit code 2, and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/lib/share/safe-json';

const tsx = path.resolve('node_modules/.bin/tsx');
const run = (script: string, args: string[]) => spawnSync(tsx, [`scripts/${script}.ts`, ...args], { encoding: 'utf8' });

describe('command-line arguments', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aitm-args-'));
  const file = path.join(dir, 'reference.json');
  writeFileSync(file, run('grade', ['--reference', 'stride-medical-imaging']).stdout);

  it('refuse an unknown flag instead of ignoring it', () => {
    const result = run('grade', ['--jsno', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--jsno'");
    expect(result.stderr).toContain('Usage:');
    expect(result.stdout).toBe('');
  });

  it('refuse a second input to export, and a flag taken for a value', () => {
    const twice = run('export', ['--to', 'csv', file, file]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('One file at a time');
    const ambiguous = run('export', ['--out', '--to', 'csv', file]);
    expect(ambiguous.status).toBe(2);
    expect(existsSync(path.resolve('--to'))).toBe(false);
  });

  it('refuse files next to --reference', () => {
    const result = run('grade', ['--reference', 'stride-medical-imaging', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('grades no file');
  });
});

describe('command-line inputs', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aitm-input-'));
  const reference = run('grade', ['--reference', 'stride-medical-imaging']).stdout;

  it('refuse special files such as /dev/zero at once, instead of reading forever', () => {
    const result = run('grade', ['/dev/zero']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('/dev/zero: not a regular file');
  });

  it('refuse a file over the importer’s limit before reading it', () => {
    const big = path.join(dir, 'big.json');
    writeFileSync(big, reference);
    truncateSync(big, MAX_FILE_BYTES + 1);
    const result = run('export', ['--to', 'csv', big]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('over the');
  });

  it('read a file saved with a byte-order mark, as the browser does', () => {
    const bom = path.join(dir, 'bom.json');
    writeFileSync(bom, `\uFEFF${reference}`);
    const result = run('grade', ['--json', bom]);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Array<{ score: number }>)[0]?.score).toBe(1);
  });

  it('read a file saved as UTF-16 (little- or big-endian, with its byte-order mark), as the browser does', () => {
    const little = path.join(dir, 'utf16le.json');
    writeFileSync(little, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(reference, 'utf16le')]));
    const big = path.join(dir, 'utf16be.json');
    writeFileSync(big, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(reference, 'utf16le').swap16()]));
    const result = run('grade', ['--json', little, big]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Array<{ score: number }>).map((r) => r.score)).toEqual([1, 1]);
  });
});
