import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentNotices, dismissNotice } from '../../src/stores/notices';
import { $progress } from '../../src/stores/progress';
import { progressOf, recordVisit } from '../../src/stores/progress-actions';
import { recordAttempt } from '../../src/stores/progress-updates';
import { resetAll, resetItems, resetSection } from '../../src/stores/progress-reset';
import { listKeys, readAllEntries, readEntry, useStorageEngine, writeEntry } from '../../src/stores/storage';
import { listQuarantine, replaceEntries, restoreSnapshot } from '../../src/stores/storage-bulk';
import { flushWrites, scheduleWrite } from '../../src/stores/deferred-writes';
import { readTheme, saveTheme } from '../../src/stores/theme';
import { applyImport, checkImport, exportLearnerData } from '../../src/stores/backup';
import { createTestEngine, createTestEvents } from './helpers/storage';
import { cleanStores, keepMount } from 'nanostores';
import { $dashboard, addSubmissions, clearDashboard } from '../../src/stores/dashboard';
import { DASHBOARD_LIMIT } from '../../src/lib/workshop/dashboard-limit';
import { createSubmission, serialiseSubmission } from '../../src/lib/share/submission';
import { emptyStrideAnswers } from '../../src/lib/exercises/stride/answers';

const visit = { status: 'in-progress', bestScore: null, attempts: 0, lastVisited: '2026-11-26T10:00:00.000Z' };
let engine: ReturnType<typeof createTestEngine>;
let events: ReturnType<typeof createTestEvents>;

beforeEach(() => {
  engine = createTestEngine();
  events = createTestEvents();
  useStorageEngine(engine, events);
  for (const notice of currentNotices()) dismissNotice(notice.id);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('reading and writing', () => {
  it('stores values as JSON under aitm:v1:', () => {
    expect(writeEntry('progress:lessons/a', visit)).toBe(true);
    expect(engine.dump()).toEqual({ 'aitm:v1:progress:lessons/a': JSON.stringify(visit) });
    expect(readEntry('progress:lessons/a')).toEqual(visit);
  });

  it('moves a corrupt value aside, clears it, and tells the learner', () => {
    engine.setItem('aitm:v1:progress:lessons/a', '{not json');
    expect(readEntry('progress:lessons/a', new Date('2026-11-26T10:00:00Z'))).toBeUndefined();
    expect(engine.dump()).toEqual({ 'aitm:quarantine:progress:lessons/a@2026-11-26T10:00:00.000Z': '{not json' });
    expect(currentNotices()).toEqual([
      expect.objectContaining({
        tone: 'warning',
        message: expect.stringContaining('aitm:quarantine:progress:lessons/a@'),
      }),
    ]);
  });

  it('treats a value of the wrong shape as corrupt too', () => {
    engine.setItem('aitm:v1:theme', '"purple"');
    expect(readTheme()).toBe('system');
    expect(listQuarantine()).toHaveLength(1);
  });

  it('leaves keys of unregistered families alone', () => {
    engine.setItem('aitm:v1:flashcards:decks/x', '{"rows":[]}');
    expect(readEntry('flashcards:decks/x')).toBeUndefined();
    expect(engine.getItem('aitm:v1:flashcards:decks/x')).toBe('{"rows":[]}');
    expect(listQuarantine()).toEqual([]);
  });

  it('keeps a corrupt value in place when there is no room to copy it', () => {
    engine.setItem('aitm:v1:theme', '"purple"');
    engine.setQuota(0);
    expect(readEntry('theme')).toBeUndefined();
    expect(engine.getItem('aitm:v1:theme')).toBe('"purple"');
    expect(currentNotices().map((n) => n.id)).toEqual(['storage-full']);
  });

  it('reports a full storage instead of swallowing it, and keeps the old value', () => {
    writeEntry('progress:lessons/a', visit);
    engine.setQuota(10);
    expect(recordAttempt('lessons/a', 1, true)).toBe(false);
    expect(progressOf('lessons/a')).toEqual(visit);
    expect(currentNotices()).toEqual([expect.objectContaining({ id: 'storage-full', tone: 'error' })]);
  });

  it('audits every stored value once', () => {
    writeEntry('progress:lessons/a', visit);
    engine.setItem('aitm:v1:progress:lessons/b', '{"status":"done"}');
    expect(readAllEntries()).toEqual([['progress:lessons/a', visit]]);
    expect(listKeys()).toEqual(['progress:lessons/a']);
  });
});

describe('progress', () => {
  it('records visits and attempts', () => {
    recordVisit('lessons/beginner/start-here', new Date('2026-11-26T10:00:00Z'));
    recordAttempt('lessons/beginner/start-here', 0.4, false);
    recordAttempt('lessons/beginner/start-here', 0.3, true);
    expect(progressOf('lessons/beginner/start-here')).toEqual({
      status: 'done',
      bestScore: 0.4,
      attempts: 2,
      lastVisited: '2026-11-26T10:00:00.000Z',
    });
  });

  it('refuses an id that is not an item id', () => {
    expect(() => recordVisit('../../etc')).toThrow(/Not an item id/);
  });

  it('follows changes made in another tab', () => {
    const seen: unknown[] = [];
    const stop = $progress.subscribe((value) => seen.push(value));
    engine.setItem('aitm:v1:progress:lessons/a', JSON.stringify(visit));
    events.emit('aitm:v1:progress:lessons/a');
    expect($progress.get()).toEqual({ 'lessons/a': visit });
    engine.removeItem('aitm:v1:progress:lessons/a');
    events.emit(null);
    expect($progress.get()).toEqual({});
    stop();
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('resets one item, a section, or everything but settings, each undoable', () => {
    writeEntry('progress:lessons/a', visit);
    writeEntry('progress:lessons/b', visit);
    writeEntry('progress:projects/p', visit);
    saveTheme('dark');
    const full = engine.dump();

    const afterItem = resetItems(['lessons/a']);
    expect(listKeys()).toEqual(['progress:lessons/b', 'progress:projects/p', 'theme']);
    restoreSnapshot(afterItem);
    expect(engine.dump()).toEqual(full);

    resetSection('lessons');
    expect(listKeys()).toEqual(['progress:projects/p', 'theme']);

    const beforeAll = resetAll();
    expect(listKeys()).toEqual(['theme']);
    restoreSnapshot(beforeAll);
    expect(listKeys()).toEqual(['progress:projects/p', 'theme']);
  });
});

describe('bulk replace', () => {
  it('is all or nothing when storage fills up', () => {
    writeEntry('progress:lessons/a', visit);
    const before = engine.dump();
    engine.setQuota(150);
    const many = Array.from({ length: 10 }, (_, i) => [`progress:lessons/n${i}`, visit] as const);
    expect(replaceEntries(many, () => true)).toBeNull();
    engine.setQuota(undefined);
    expect(engine.dump()).toEqual(before);
    expect(currentNotices().map((n) => n.id)).toContain('storage-full');
  });
});

describe('export and import', () => {
  it('restores exactly what was exported after a reset', () => {
    writeEntry('progress:lessons/a', visit);
    recordAttempt('lessons/b', 0.75, true);
    saveTheme('light');
    const before = engine.dump();
    const { text } = exportLearnerData(new Date('2026-11-26T10:00:00Z'));
    resetAll();
    saveTheme('dark');
    const checked = checkImport(text);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const applied = applyImport(checked.value);
    expect(applied.ok).toBe(true);
    expect(engine.dump()).toEqual(before);
    if (applied.ok) restoreSnapshot(applied.value);
    expect(readTheme()).toBe('dark');
    expect(listKeys()).toEqual(['theme']);
  });

  const room = { code: 'ws-dec', boxes: [15, 30] };
  const results = [
    JSON.parse(
      serialiseSubmission(
        createSubmission('stride-medical-imaging', emptyStrideAnswers(), new Date('2026-11-26T10:00:00Z'), {
          team: 'Team A',
          room: 'ws-dec',
        }),
      ),
    ) as unknown,
  ];

  it('exports the workshop room and dashboard, and importing the file brings them back', () => {
    writeEntry('progress:lessons/a', visit);
    writeEntry('room', room);
    writeEntry('dashboard', results);
    const before = engine.dump();
    const { text } = exportLearnerData(new Date('2026-11-26T10:00:00Z'));
    expect(Object.keys((JSON.parse(text) as { entries: object }).entries)).toEqual([
      'dashboard',
      'progress:lessons/a',
      'room',
    ]);
    engine.removeItem('aitm:v1:room');
    engine.removeItem('aitm:v1:dashboard');
    const checked = checkImport(text);
    if (!checked.ok) throw new Error(checked.error);
    expect(applyImport(checked.value).ok).toBe(true);
    expect(engine.dump()).toEqual(before);
  });

  it('keeps what a file does not cover: settings and workshop data it holds none of, and unknown keys', () => {
    writeEntry('progress:lessons/a', visit);
    const { text } = exportLearnerData(new Date('2026-11-26T10:00:00Z'));
    writeEntry('progress:lessons/b', visit);
    writeEntry('room', room);
    writeEntry('dashboard', results);
    saveTheme('dark');
    engine.setItem('aitm:v1:future-family', '{"x":1}');
    const checked = checkImport(text);
    if (!checked.ok) throw new Error(checked.error);
    expect(applyImport(checked.value).ok).toBe(true);
    expect(listKeys()).toEqual(['dashboard', 'future-family', 'progress:lessons/a', 'room', 'theme']);
  });

  it('reset all keeps the workshop room and dashboard as well as the theme', () => {
    writeEntry('progress:lessons/a', visit);
    writeEntry('room', room);
    writeEntry('dashboard', results);
    saveTheme('dark');
    resetAll();
    expect(listKeys()).toEqual(['dashboard', 'room', 'theme']);
  });

  it('changes nothing when a file is rejected', () => {
    writeEntry('progress:lessons/a', visit);
    const before = engine.dump();
    expect(
      checkImport(
        '{"format":"aitm.progress","version":1,"exportedAt":"2026-11-26T10:00:00Z","entries":{"__proto__":{}}}',
      ).ok,
    ).toBe(false);
    expect(engine.dump()).toEqual(before);
  });
});

describe('workshop dashboard', () => {
  const result = (team: string) =>
    createSubmission('stride-medical-imaging', emptyStrideAnswers(), new Date('2026-11-26T10:00:00Z'), { team });

  it('adds up to its limit and no further, never dropping a result already loaded', () => {
    keepMount($dashboard);
    clearDashboard();
    const first = Array.from({ length: DASHBOARD_LIMIT - 2 }, (_, i) => result(`Team ${i}`));
    expect(addSubmissions(first)).toEqual({ added: DASHBOARD_LIMIT - 2, saved: true });
    expect(addSubmissions([result('late 1'), result('late 2'), result('late 3')])).toEqual({ added: 2, saved: true });
    const kept = $dashboard.get();
    expect(kept).toHaveLength(DASHBOARD_LIMIT);
    expect(kept[0]?.team).toBe('Team 0');
    expect(kept.at(-1)?.team).toBe('late 2');
    expect(addSubmissions([result('later')])).toEqual({ added: 0, saved: true });
    expect((readEntry('dashboard') as unknown[]).length).toBe(DASHBOARD_LIMIT);
    cleanStores($dashboard);
  });
});

describe('debounced writes', () => {
  it('write after a quiet period, keeping only the last value', () => {
    vi.useFakeTimers();
    scheduleWrite('theme', 'light', 400);
    scheduleWrite('theme', 'dark', 400);
    expect(engine.getItem('aitm:v1:theme')).toBeNull();
    vi.advanceTimersByTime(400);
    expect(engine.getItem('aitm:v1:theme')).toBe('"dark"');
  });

  it('flush at once on demand (page hidden or closed)', () => {
    vi.useFakeTimers();
    scheduleWrite('theme', 'light', 10_000);
    flushWrites();
    expect(engine.getItem('aitm:v1:theme')).toBe('"light"');
  });
});
