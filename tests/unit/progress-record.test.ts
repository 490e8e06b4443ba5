import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeProgress,
  emptyProgress,
  isItemId,
  parseItemProgress,
  withVisit,
  type ItemProgress,
} from '../../src/lib/progress/record';
import { sectionOf } from '../../src/lib/progress/sections';
import { withAttempt } from '../../src/lib/progress/updates';

const record: ItemProgress = {
  status: 'in-progress',
  bestScore: 0.5,
  attempts: 2,
  lastVisited: '2026-11-26T10:00:00.000Z',
};

const arbRecord = fc.record({
  status: fc.constantFrom('not-started' as const, 'in-progress' as const, 'done' as const),
  bestScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  attempts: fc.nat(1000),
  lastVisited: fc.option(
    fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    { nil: null },
  ),
});

describe('parseItemProgress', () => {
  it('accepts a valid record', () => {
    expect(parseItemProgress(record)).toEqual(record);
  });

  it('accepts every well-formed record', () => {
    fc.assert(
      fc.property(arbRecord, (r) => {
        expect(parseItemProgress(r)).toEqual(r);
      }),
    );
  });

  it.each([
    ['a string', 'done'],
    ['null', null],
    ['an array', []],
    ['an unknown status', { ...record, status: 'finished' }],
    ['a score above 1', { ...record, bestScore: 1.5 }],
    ['a negative score', { ...record, bestScore: -0.1 }],
    ['NaN as score', { ...record, bestScore: Number.NaN }],
    ['fractional attempts', { ...record, attempts: 1.5 }],
    ['negative attempts', { ...record, attempts: -1 }],
    ['a bad date', { ...record, lastVisited: 'yesterday' }],
    ['a missing field', { status: 'done', bestScore: null, attempts: 0 }],
    ['an extra field', { ...record, html: '<img src=x onerror=alert(1)>' }],
  ])('rejects %s', (_, value) => {
    expect(parseItemProgress(value)).toBeNull();
  });
});

describe('progress updates', () => {
  it('a visit starts an item and never un-finishes it', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(withVisit(emptyProgress(), now)).toMatchObject({ status: 'in-progress', lastVisited: now.toISOString() });
    expect(withVisit({ ...record, status: 'done' }, now).status).toBe('done');
  });

  it('an attempt counts once and keeps the best score', () => {
    fc.assert(
      fc.property(arbRecord, fc.double({ min: -1, max: 2, noNaN: true }), fc.boolean(), (r, score, done) => {
        const next = withAttempt(r, score, done);
        expect(next.attempts).toBe(r.attempts + 1);
        expect(next.bestScore).not.toBeNull();
        expect(next.bestScore).toBeGreaterThanOrEqual(r.bestScore ?? 0);
        expect(next.bestScore).toBeLessThanOrEqual(1);
        expect(parseItemProgress(next)).toEqual(next);
      }),
    );
  });

  it('describes progress in words', () => {
    expect(describeProgress(record)).toBe('In progress · best 50%');
    expect(describeProgress({ ...emptyProgress(), status: 'done' })).toBe('Done');
  });
});

describe('item ids', () => {
  it('take a section and a path', () => {
    expect(isItemId('lessons/beginner/start-here')).toBe(true);
    expect(sectionOf('lessons/beginner/start-here')).toBe('lessons');
  });

  it.each(['lessons', 'Lessons/x', 'lessons/../x', 'lessons/x y', '', `lessons/${'a'.repeat(300)}`])(
    'reject %j',
    (id) => {
      expect(isItemId(id)).toBe(false);
    },
  );
});
