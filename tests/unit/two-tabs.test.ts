/**
 * Two tabs on one exercise: a save from one tab arriving while the other has edits not yet saved
 * merges row by row, a field changed in both keeps this tab's text and offers the other's, and a
 * draft removed elsewhere (another tab's reset, the browser clearing site data) can be restored.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { deepEqual, merge3, replaceAt } from '../../src/lib/progress/merge';
import {
  checkStrideAnswers,
  emptyStrideAnswers,
  type StrideAnswers,
  type StrideRow,
} from '../../src/lib/exercises/stride/answers';
import { createDraftStore } from '../../src/stores/exercise-draft';
import { flushWrites } from '../../src/stores/deferred-writes';
import { currentNotices, dismissNotice } from '../../src/stores/notices';
import { useStorageEngine } from '../../src/stores/storage';
import { createTestEngine, createTestEvents } from './helpers/storage';
import { strideRow } from './helpers/stride-rows';

const row = strideRow;

const answers = (rows: StrideRow[], components: string[] = []): StrideAnswers => ({
  ...emptyStrideAnswers(),
  components,
  rows,
});

describe('merge3', () => {
  const base = answers([row('a', 'one'), row('b', 'two'), row('c', 'three')], ['x', 'y']);

  it('keeps an edit from each side when they touch different rows', () => {
    const mine = answers([row('a', 'one, edited here'), row('b', 'two'), row('c', 'three')], ['x', 'y']);
    const theirs = answers([row('a', 'one'), row('b', 'two'), row('c', 'three, edited there')], ['x', 'y']);
    const { value, conflicts } = merge3(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect((value as StrideAnswers).rows.map((r) => r.threat)).toEqual([
      'one, edited here',
      'two',
      'three, edited there',
    ]);
  });

  it('keeps rows added on both sides, each after the row it followed', () => {
    const mine = answers([row('a', 'one'), row('m', 'mine'), row('b', 'two'), row('c', 'three')], ['x', 'y']);
    const theirs = answers([row('a', 'one'), row('b', 'two'), row('c', 'three'), row('t', 'theirs')], ['x', 'y']);
    const { value } = merge3(base, mine, theirs);
    expect((value as StrideAnswers).rows.map((r) => r.id)).toEqual(['a', 'm', 'b', 'c', 't']);
  });

  it('removes a row deleted on one side only when the other left it alone', () => {
    const mine = answers([row('a', 'one'), row('c', 'three')], ['x', 'y']);
    const untouched = merge3(base, mine, base).value as StrideAnswers;
    expect(untouched.rows.map((r) => r.id)).toEqual(['a', 'c']);
    const theirs = answers([row('a', 'one'), row('b', 'two, edited there'), row('c', 'three')], ['x', 'y']);
    const edited = merge3(base, mine, theirs).value as StrideAnswers;
    expect(edited.rows.map((r) => r.threat)).toEqual(['one', 'two, edited there', 'three']);
  });

  it('merges ticked lists as sets: additions and removals from both sides', () => {
    const mine = answers(base.rows, ['x', 'y', 'z']);
    const theirs = answers(base.rows, ['y', 'w']);
    expect((merge3(base, mine, theirs).value as StrideAnswers).components.sort()).toEqual(['w', 'y', 'z']);
  });

  it('keeps range runs recorded in both tabs', () => {
    const run = (seed: number) => ({ attack: 'evasion-auto', seed, achieved: true });
    const b = { runs: [run(1)] };
    const { value, conflicts } = merge3(b, { runs: [run(1), run(2)] }, { runs: [run(1), run(3)] });
    expect(conflicts).toEqual([]);
    expect(value).toEqual({ runs: [run(1), run(2), run(3)] });
  });

  it('reports a field changed on both sides, keeps this side, and can apply the other', () => {
    const mine = answers([row('a', 'one, mine'), row('b', 'two'), row('c', 'three')], ['x', 'y']);
    const theirs = answers([row('a', 'one, theirs'), row('b', 'two'), row('c', 'three, theirs')], ['x', 'y']);
    const { value, conflicts } = merge3(base, mine, theirs);
    expect((value as StrideAnswers).rows.map((r) => r.threat)).toEqual(['one, mine', 'two', 'three, theirs']);
    expect(conflicts).toHaveLength(1);
    const applied = conflicts.reduce((v, c) => replaceAt(v, c.path, c.theirs), value) as StrideAnswers;
    expect(applied.rows.map((r) => r.threat)).toEqual(['one, theirs', 'two', 'three, theirs']);
  });

  it('loses no edit from either side when the two sides edit different rows (property)', () => {
    const threats = fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(threats, fc.array(fc.boolean(), { maxLength: 8 }), (texts, sides) => {
        const rows = texts.map((t, i) => row(`r${i}`, t));
        // Row i is edited by this tab when sides[i], by the other tab otherwise.
        const edit = (mineSide: boolean) =>
          rows.map((r, i) => ((sides[i] ?? false) === mineSide ? { ...r, threat: `${r.threat}+${mineSide}` } : r));
        const { value, conflicts } = merge3(answers(rows), answers(edit(true)), answers(edit(false)));
        expect(conflicts).toEqual([]);
        (value as StrideAnswers).rows.forEach((r, i) => {
          expect(r.threat).toBe(`${texts[i]}+${sides[i] ?? false}`);
        });
      }),
    );
  });

  it('takes one side whole when the other did not change (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (b, x) => {
        expect(deepEqual(merge3(b, x, b).value, x)).toBe(true);
        expect(deepEqual(merge3(b, b, x).value, x)).toBe(true);
        expect(deepEqual(merge3(b, x, x).value, x)).toBe(true);
      }),
    );
  });
});

describe('a draft open in two tabs', () => {
  let engine: ReturnType<typeof createTestEngine>;
  let events: ReturnType<typeof createTestEvents>;
  const KEY = 'aitm:v1:draft:projects/stride-medical-imaging';
  const saved = (a: StrideAnswers, attempts = 0) =>
    JSON.stringify({ exercise: 'stride-medical-imaging', answers: a, attempts, revealed: false });
  /** What another tab does: writes the key, and this tab hears the storage event. */
  const otherTabSaves = (a: StrideAnswers, attempts = 0) => {
    engine.setItem(KEY, saved(a, attempts));
    events.emit(KEY);
  };
  const stored = () => JSON.parse(engine.getItem(KEY) ?? 'null') as { answers: StrideAnswers } | null;
  const open = () => {
    const store = createDraftStore('stride-medical-imaging', { check: checkStrideAnswers, empty: emptyStrideAnswers });
    keepMount(store.$draft);
    return store;
  };
  const start = answers([row('a', 'one'), row('b', 'two')]);

  beforeEach(() => {
    vi.useFakeTimers();
    engine = createTestEngine();
    events = createTestEvents();
    useStorageEngine(engine, events);
    for (const notice of currentNotices()) dismissNotice(notice.id);
    engine.setItem(KEY, saved(start));
  });
  afterEach(() => {
    flushWrites();
    vi.useRealTimers();
  });

  it('merges a save from the other tab with edits this tab has not saved yet', () => {
    const store = open();
    store.setAnswers((a) => ({
      ...a,
      rows: a.rows.map((r) => (r.id === 'a' ? { ...r, threat: 'one, typed here' } : r)),
    }));
    otherTabSaves(answers([row('a', 'one'), row('b', 'two, typed there'), row('c', 'new there')]));
    const expected = ['one, typed here', 'two, typed there', 'new there'];
    expect(store.$draft.get().answers.rows.map((r) => r.threat)).toEqual(expected);
    vi.runAllTimers();
    expect(stored()?.answers.rows.map((r) => r.threat)).toEqual(expected);
    expect(currentNotices()).toEqual([]);
    cleanStores(store.$draft);
  });

  it('follows the other tab when this one has nothing unsaved, and never writes its old copy back', () => {
    const store = open();
    store.setAnswers((a) => ({ ...a, rows: [...a.rows] }));
    otherTabSaves(answers([row('a', 'changed there')]));
    vi.runAllTimers();
    expect(store.$draft.get().answers.rows.map((r) => r.threat)).toEqual(['changed there']);
    expect(stored()?.answers.rows.map((r) => r.threat)).toEqual(['changed there']);
    cleanStores(store.$draft);
  });

  it('keeps this tab’s text where both tabs changed the same field, and offers the other tab’s', () => {
    const store = open();
    store.setAnswers((a) => ({ ...a, rows: a.rows.map((r) => (r.id === 'a' ? { ...r, threat: 'one, mine' } : r)) }));
    otherTabSaves(answers([row('a', 'one, theirs'), row('b', 'two')]), 1);
    expect(store.$draft.get().answers.rows[0]?.threat).toBe('one, mine');
    expect(store.$draft.get().attempts).toBe(1);
    const notice = currentNotices().find((n) => n.id.startsWith('draft-conflict'));
    expect(notice?.message).toMatch(/Another tab changed something you also changed here/);
    expect(notice?.action?.label).toBe("Use the other tab's");
    notice?.action?.run();
    expect(store.$draft.get().answers.rows[0]?.threat).toBe('one, theirs');
    vi.runAllTimers();
    expect(stored()?.answers.rows[0]?.threat).toBe('one, theirs');
    cleanStores(store.$draft);
  });

  it('says so when the saved draft is removed elsewhere, and restores what the page held', () => {
    const store = open();
    expect(store.$draft.get().answers.rows).toHaveLength(2);
    engine.removeItem(KEY);
    events.emit(null);
    expect(store.$draft.get().answers.rows).toEqual([]);
    const notice = currentNotices().find((n) => n.id.startsWith('draft-removed'));
    expect(notice?.message).toMatch(/removed from this browser/);
    notice?.action?.run();
    expect(stored()?.answers.rows.map((r) => r.threat)).toEqual(['one', 'two']);
    expect(store.$draft.get().answers.rows).toHaveLength(2);
    cleanStores(store.$draft);
  });

  it('drops a pending save when the other tab removed the draft, so a reset stays a reset', () => {
    const store = open();
    store.setAnswers((a) => ({ ...a, rows: a.rows.slice(0, 1) }));
    engine.removeItem(KEY);
    events.emit(KEY);
    vi.runAllTimers();
    expect(engine.getItem(KEY)).toBeNull();
    expect(currentNotices().some((n) => n.id.startsWith('draft-removed'))).toBe(true);
    cleanStores(store.$draft);
  });

  it('offers nothing to restore when the page held nothing', () => {
    engine.removeItem(KEY);
    const store = open();
    events.emit(null);
    expect(currentNotices()).toEqual([]);
    cleanStores(store.$draft);
  });
});
