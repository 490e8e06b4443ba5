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
