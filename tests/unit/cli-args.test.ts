/**
 * The CLIs parse their arguments strictly (issue 15): an unknown flag, a missing value or an
 * extra input is an error with the usage line and exit code 2, and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = path.resolve('node_modules/.bin/tsx');
const run = (script: string, args: string[]) => spawnSync(tsx, [`scripts/${script}.ts`, ...args], { encoding: 'utf8' });

describe('command-line arguments', () => {
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

describe('command-line inputs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aitm-input-'));
  const reference = run('grade', ['--reference', 'stride-medical-imaging']).stdout;

  it('refuse special files such as /dev/zero at once, instead of reading forever', () => {
    const result = run('grade', ['/dev/zero']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('/dev/zero: not a regular file');
  });

  it('refuse a file over the importer’s limit before reading it', () => {
    const big = path.join(dir, 'big.json');
    writeFileSync(big, `${reference.slice(0, -2)}${' '.repeat(1_100_000)}}`);
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
});
