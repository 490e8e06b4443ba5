/**
 * The last check kept with the draft: every report the graders write reads back whole; a saved
 * report from outside is held to the same rules as any other outside data (bounded text, links
 * that stay within the site, no prototype keys), and a bad one is dropped without the work; the
 * store keeps the check with the work it graded, counts an attempt only when asked, drops the
 * check when the work is replaced and brings it back on Undo, and two tabs keep the later check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { exercise } from '../../scripts/lib/exercises';
import { EXERCISE_IDS } from '../../src/lib/exercises/registry';
import { fingerprint, parseChecked, type Checked } from '../../src/lib/grading/checked';
import type { GradeReport } from '../../src/lib/grading/report';
import { parseDraft } from '../../src/lib/progress/draft';
import { readSubmission } from '../../src/lib/share/submission';
import { checkStrideAnswers, emptyStrideAnswers } from '../../src/lib/exercises/stride/answers';
import { createDraftStore } from '../../src/stores/exercise-draft';
import { flushWrites } from '../../src/stores/deferred-writes';
import { useStorageEngine } from '../../src/stores/storage';
import { createTestEngine, createTestEvents } from './helpers/storage';
import { strideRow } from './helpers/stride-rows';

const AT = '2026-12-07T05:00:00.000Z';
const roundTrip = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

/** Reports the graders really write: each exercise's reference and every blind file, graded. */
async function realReports(): Promise<{ id: string; report: GradeReport; answers: unknown }[]> {
  const out: { id: string; report: GradeReport; answers: unknown }[] = [];
  for (const id of EXERCISE_IDS) {
    const bound = await exercise(id);
    const reference = await bound.reference(new Date(AT));
    out.push({ id, report: await bound.check(reference, { revealMissed: true }), answers: reference.answers });
    const dir = path.join('tests/fixtures/blind', id);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .slice(0, 6)) {
      const read = readSubmission(readFileSync(path.join(dir, file), 'utf8'));
      if (!read.ok) throw new Error(`${file}: ${read.error}`);
      out.push({ id, report: await bound.check(read.value), answers: read.value.answers });
    }
  }
  return out;
}

describe('a saved check', () => {
  it('reads back every report the graders write, unchanged', { timeout: 60_000 }, async () => {
    const reports = await realReports();
    expect(reports.length).toBeGreaterThanOrEqual(EXERCISE_IDS.length * 7);
    for (const { report } of reports) {
      const checked: Checked = { at: AT, of: fingerprint({}), report };
      expect(parseChecked(roundTrip(checked))).toEqual(roundTrip(checked));
    }
  });

  it('keeps the work and drops a report whose link leaves the site, or that is damaged', async () => {
    const bound = await exercise('stride-medical-imaging');
    const reference = await bound.reference(new Date(AT));
    const report = await bound.check(reference);
    const draft = (checked: unknown) => ({
      exercise: 'stride-medical-imaging',
      answers: reference.answers,
      attempts: 2,
      revealed: false,
      checked,
    });
    const good = { at: AT, of: fingerprint(reference.answers), report };
    expect(parseDraft(roundTrip(draft(good)))?.checked).toEqual(roundTrip(good));
    const hostile = [
      { ...good, report: { ...report, feedback: [{ ...report.feedback[0], lesson: 'javascript:alert(1)' }] } },
      { ...good, report: { ...report, feedback: [{ ...report.feedback[0], see: '//evil.example/x' }] } },
      { ...good, report: { ...report, feedback: [{ ...report.feedback[0], verdict: 'excellent' }] } },
      { ...good, report: { ...report, verdict: 'x'.repeat(5_000) } },
      { ...good, report: { ...report, score: 7 } },
      { ...good, at: '<img src=x onerror=alert(1)> 1' },
      { ...good, of: 'not a fingerprint' },
      { ...good, extra: true },
      { ...good, report: { ...report, exercise: 'rmf-chatbot-gap' } },
    ];
    for (const checked of hostile) {
      const read = parseDraft(roundTrip(draft(checked)));
      expect(read, JSON.stringify(checked).slice(0, 80)).not.toBeNull();
      expect(read?.checked).toBeUndefined();
      expect(read?.attempts).toBe(2);
    }
    // A prototype key in the parts is refused like any other odd part name.
    const proto = JSON.parse(
      JSON.stringify(draft(good)).replace('"parts":{', '"parts":{"__proto__":{"label":"x","score":1,"detail":"x"},'),
    );
    expect(parseDraft(proto)?.checked).toBeUndefined();
  });
});

describe('fingerprint', () => {
  it('is the same whatever order the fields were written in, and changes with any value', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
        fc.string(),
        (value, extra) => {
          const reversed = Object.fromEntries(Object.entries(value).reverse());
          expect(fingerprint(reversed)).toBe(fingerprint(value));
          expect(fingerprint(reversed)).toMatch(/^[0-9a-f]{16}$/);
          if (!(extra in value)) expect(fingerprint({ ...value, [extra]: 'changed' })).not.toBe(fingerprint(value));
        },
      ),
    );
  });
});

describe('the draft store keeps the last check', () => {
  const KEY = 'aitm:v1:draft:projects/stride-medical-imaging';
  let engine: ReturnType<typeof createTestEngine>;
  let events: ReturnType<typeof createTestEvents>;
  const row = strideRow;
  const report = (score: number): GradeReport => ({
    exercise: 'stride-medical-imaging',
    score,
    parts: { coverage: { label: 'Coverage', score, detail: 'd' } },
    verdict: 'v',
    feedback: [{ step: 'analyze', row: 0, target: 'row 1', verdict: 'correct', message: 'm' }],
    items: [],
  });
  const open = () => {
    const store = createDraftStore('stride-medical-imaging', {
      check: checkStrideAnswers,
      empty: emptyStrideAnswers,
      rowIds: (a) => a.rows.map((r) => r.id ?? ''),
    });
    keepMount(store.$draft);
    return store;
  };
  const stored = () => parseDraft(JSON.parse(engine.getItem(KEY) ?? 'null'));

  beforeEach(() => {
    vi.useFakeTimers();
    engine = createTestEngine();
    events = createTestEvents();
    useStorageEngine(engine, events);
  });
  afterEach(() => {
    flushWrites();
    vi.useRealTimers();
  });

  it('saves the report with the work it graded; only a counted check is an attempt', () => {
    const store = open();
    store.setAnswers((a) => ({ ...a, rows: [row('r1', 'one')] }));
    store.saveCheck(report(0.5), { count: true, revealed: false });
    store.saveCheck(report(0.5), { count: false, revealed: true });
    flushWrites();
    const saved = stored();
    expect(saved?.attempts).toBe(1);
    expect(saved?.revealed).toBe(true);
    expect(saved?.checked?.report.score).toBe(0.5);
    expect(saved?.checked?.rows).toEqual(['r1']);
    expect(saved?.checked?.of).toBe(fingerprint(saved?.answers));
    cleanStores(store.$draft);
  });

  it('drops the check when the work is replaced, and Undo brings back both', () => {
    const store = open();
    store.setAnswers((a) => ({ ...a, rows: [row('r1', 'one')] }));
    store.saveCheck(report(0.5), { count: true, revealed: false });
    const before = store.replaceWork(emptyStrideAnswers());
    expect(store.$draft.get().checked).toBeUndefined();
    expect(store.$draft.get().attempts).toBe(1);
    store.restoreWork(before);
    expect(store.$draft.get().checked?.report.score).toBe(0.5);
    expect(store.$draft.get().answers.rows.map((r) => r.threat)).toEqual(['one']);
    cleanStores(store.$draft);
  });

  it('keeps the later check when another tab checked while this one had edits', () => {
    const store = open();
    store.setAnswers((a) => ({ ...a, rows: [row('r1', 'one')] }));
    store.saveCheck(report(0.4), { count: true, revealed: false });
    flushWrites();
    store.setAnswers((a) => ({ ...a, rows: [row('r1', 'one, edited here')] }));
    const later: Checked = { at: '2999-01-01T00:00:00.000Z', of: fingerprint({}), report: report(0.9) };
    const theirs = { ...stored(), attempts: 3, checked: later };
    engine.setItem(KEY, JSON.stringify(theirs));
    events.emit(KEY);
    expect(store.$draft.get().checked?.report.score).toBe(0.9);
    expect(store.$draft.get().attempts).toBe(3);
    expect(store.$draft.get().answers.rows[0]?.threat).toBe('one, edited here');
    cleanStores(store.$draft);
  });
});
