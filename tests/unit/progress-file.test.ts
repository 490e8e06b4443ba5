import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProgressFile, readProgressFile, serialiseProgressFile } from '../../src/lib/share/progress-file';

const now = new Date('2026-11-26T10:00:00Z');
const entries = [
  [
    'progress:lessons/beginner/start-here',
    { status: 'done', bestScore: 0.9, attempts: 3, lastVisited: '2026-11-25T09:00:00.000Z' },
  ],
  ['theme', 'dark'],
] as const;

function fileWith(overrides: Record<string, unknown>): string {
  return JSON.stringify({ ...buildProgressFile(entries, now), ...overrides });
}

function errorOf(text: string): string {
  const result = readProgressFile(text);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.error;
}

describe('progress file', () => {
  it('round-trips what it exported', () => {
    const text = serialiseProgressFile(buildProgressFile(entries, now));
    expect(readProgressFile(text)).toEqual({
      ok: true,
      value: { exportedAt: now.toISOString(), entries: [...entries] },
    });
  });

  it('round-trips any set of valid progress records', () => {
    const arbEntry = fc.tuple(
      fc.stringMatching(/^[a-z][a-z0-9-]{0,10}\/[a-z0-9][a-z0-9-]{0,10}$/).map((id) => `progress:${id}`),
      fc.record({
        status: fc.constantFrom('not-started', 'in-progress', 'done'),
        bestScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }), { nil: null }),
        attempts: fc.nat(500),
        lastVisited: fc.constant(null),
      }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(arbEntry, { selector: ([key]) => key, maxLength: 20 }), (list) => {
        const result = readProgressFile(serialiseProgressFile(buildProgressFile(list, now)));
        expect(result.ok).toBe(true);
        if (result.ok) expect(Object.fromEntries(result.value.entries)).toEqual(Object.fromEntries(list));
      }),
    );
  });

  it('explains a file of another kind', () => {
    expect(errorOf(fileWith({ format: 'something-else' }))).toMatch(/not a progress file/);
    expect(errorOf(fileWith({ format: 'aitm.submission' }))).toMatch(/exercise submission/);
    expect(errorOf('[1, 2, 3]')).toBe('The file should hold a JSON object.');
  });

  it('explains a file from a newer version', () => {
    expect(errorOf(fileWith({ version: 2 }))).toMatch(/version 2, made by a newer version/);
  });

  it('rejects unexpected top-level fields and a bad date', () => {
    expect(errorOf(fileWith({ extra: 1 }))).toBe('The file has unexpected fields: extra.');
    expect(errorOf(fileWith({ exportedAt: 'soon' }))).toMatch(/exportedAt/);
  });

  it('rejects the whole file when one entry is invalid, naming it', () => {
    const text = fileWith({
      entries: {
        theme: 'purple',
        'progress:lessons/x': { status: 'done', bestScore: null, attempts: 0, lastVisited: null },
      },
    });
    expect(errorOf(text)).toBe('The file has 1 invalid entry: "theme" has an invalid color theme value.');
  });

  it('rejects keys the site never writes', () => {
    expect(errorOf(fileWith({ entries: { 'evil:key': 1 } }))).toMatch(/"evil:key" is not something this site stores/);
  });

  it('rejects prototype keys anywhere', () => {
    expect(
      errorOf(
        '{"format":"aitm.progress","version":1,"exportedAt":"2026-11-26T10:00:00Z","entries":{"__proto__":{"x":1}}}',
      ),
    ).toMatch(/key named "__proto__"/);
    expect(errorOf(fileWith({ entries: JSON.parse('{"constructor":{"prototype":{"x":1}}}') }))).toMatch(
      /key named "(constructor|prototype)"/,
    );
  });

  it('rejects a file over the 32 MB limit', () => {
    const padding = 'x'.repeat(33_000_000);
    expect(errorOf(fileWith({ padding }))).toMatch(/33\.0 MB; the limit is 32\.0 MB/);
  });
});
