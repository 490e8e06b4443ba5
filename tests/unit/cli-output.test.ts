/**
 * The CLIs behave like Unix tools (issue 15): output through a real pipe arrives whole, nothing a
 * submission or a file name carries can act on the terminal, and --out never destroys a file it
 * was not asked to replace. Each runs the real script in a child process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROL } from '../../src/lib/export/control';

const tsx = path.resolve('node_modules/.bin/tsx');
const script = (name: string) => path.resolve(`scripts/${name}.ts`);
const run = (name: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(tsx, [script(name), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
const hasControls = (text: string) => new RegExp(CONTROL.source).test(text);
// Each test starts the real scripts two to four times; on a loaded machine one start takes seconds.
const CLI_TIMEOUT = 60_000;

const dir = mkdtempSync(path.join(tmpdir(), 'aitm-output-'));
const reference = run('grade', ['--reference', 'stride-medical-imaging']).stdout;
const referenceFile = path.join(dir, 'reference.json');
writeFileSync(referenceFile, reference);

// A submission that tries to drive the terminal: erase the line, print a green "all good", set the
// window title, a one-character CSI (U+009B) and a right-to-left override.
const attack = '\r\u001b[2K\u001b[32mall good\u001b[0m\u001b]0;pwned\u0007\u009b31m\u202e';
const hostile = JSON.parse(reference) as { learner?: string; answers: { rows: Array<{ threat: string }> } };
hostile.learner = `Mallory${attack}`;
for (const row of hostile.answers.rows) row.threat = `${row.threat}${attack}`;
const hostileFile = path.join(dir, 'hostile.json');
writeFileSync(hostileFile, JSON.stringify(hostile));

describe('output through a pipe', { timeout: CLI_TIMEOUT }, () => {
  it('arrives whole through a slow reader, far past the 64 KB pipe buffer', () => {
    const files = Array.from({ length: 30 }, (_, i) => {
      const file = path.join(dir, `copy-${i}.json`);
      writeFileSync(file, reference);
      return file;
    });
    const direct = run('grade', ['--json', ...files]).stdout;
    expect(direct.length).toBeGreaterThan(256 * 1024);
    const piped = execFileSync('sh', ['-c', `"$0" "$1" --json "$@" | (sleep 1; cat)`, tsx, script('grade'), ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(piped).toBe(direct);
    expect(JSON.parse(piped)).toHaveLength(30);
  });
});

describe('nothing reaches the terminal as a control sequence', { timeout: CLI_TIMEOUT }, () => {
  it('in the grade table and its messages, whatever the file name', () => {
    const evilName = path.join(dir, 'evil\u001b]0;title\u0007.json');
    writeFileSync(evilName, reference);
    const missing = path.join(dir, 'gone\u001b[2J.json');
    const result = run('grade', [hostileFile, evilName, missing]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('hostile.json');
    expect(result.stderr).toContain('gone[2J.json');
    expect(hasControls(result.stdout)).toBe(false);
    expect(hasControls(result.stderr)).toBe(false);
  });

  it('in JSON output, which still carries the exact text as escapes', () => {
    const graded = run('grade', ['--json', hostileFile]).stdout;
    expect(hasControls(graded)).toBe(false);
    expect(() => JSON.parse(graded) as unknown).not.toThrow();
    const exported = run('export', ['--to', 'json', hostileFile]).stdout;
    expect(hasControls(exported)).toBe(false);
    expect((JSON.parse(exported) as typeof hostile).learner).toBe(hostile.learner);
  });

  it('in CSV and Markdown exports, which drop them', () => {
    for (const to of ['csv', 'md']) {
      const out = run('export', ['--to', to, hostileFile]);
      expect(out.status).toBe(0);
      expect(out.stdout).toContain('all good');
      expect(hasControls(out.stdout.replace(/\r\n/g, '\n'))).toBe(false);
    }
  });
});

describe('--out', { timeout: CLI_TIMEOUT }, () => {
  const exportTo = (out: string, extra: string[] = [], env: Record<string, string> = {}) =>
    run('export', ['--to', 'csv', '--out', out, ...extra, referenceFile], env);

  it('never replaces the input, even with --force', () => {
    const result = exportTo(referenceFile, ['--force']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('it is the input file');
    expect(readFileSync(referenceFile, 'utf8')).toBe(reference);
  });

  it('replaces an existing file only with --force', () => {
    const out = path.join(dir, 'existing.csv');
    writeFileSync(out, 'keep me');
    const refused = exportTo(out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('already exists (add --force to replace it)');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(exportTo(out, ['--force']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^Component,/);
  });

  it('does not write through a symbolic link', () => {
    const target = path.join(dir, 'target.txt');
    writeFileSync(target, 'precious');
    const link = path.join(dir, 'link.csv');
    symlinkSync(target, link);
    for (const extra of [[], ['--force']]) {
      const result = exportTo(link, extra);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('symbolic link');
    }
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('explains a folder, a missing folder and a device instead of printing a stack trace', () => {
    const folder = path.join(dir, 'a-folder');
    mkdirSync(folder);
    const cases: Array<[string, string]> = [
      [folder, 'it is a folder'],
      [path.join(dir, 'no', 'such', 'out.csv'), 'its folder does not exist'],
      ['/dev/null', 'it is not a regular file'],
    ];
    for (const [out, reason] of cases) {
      const result = exportTo(out, ['--force']);
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(`cannot write ${out}: ${reason}`);
    }
  });

  it('resolves relative paths from the directory the command was run in', () => {
    const here = mkdtempSync(path.join(tmpdir(), 'aitm-cwd-'));
    writeFileSync(path.join(here, 'mine.json'), reference);
    const result = run('export', ['--to', 'csv', '--out', 'mine.csv', 'mine.json'], { INIT_CWD: here });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(here, 'mine.csv'), 'utf8')).toMatch(/^Component,/);
  });
});
