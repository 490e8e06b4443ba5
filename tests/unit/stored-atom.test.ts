import { beforeEach, describe, expect, it } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { registerFamily, STORAGE_PREFIX, type KeyFamily } from '../../src/lib/progress/keys';
import { useStorageEngine } from '../../src/stores/storage';
import { storedAtom } from '../../src/stores/stored-atom';
import { rmfDraft } from '../../src/stores/rmf-draft';
import { strideDraft } from '../../src/stores/stride-draft';
import { createTestEngine, createTestEvents } from './helpers/storage';

const COUNTER: KeyFamily<number> = {
  prefix: 'test-counter',
  exact: true,
  label: 'test counter',
  validate: (v) => (typeof v === 'number' ? v : null),
};
registerFamily(COUNTER);

describe('storedAtom', () => {
  let engine: ReturnType<typeof createTestEngine>;
  let events: ReturnType<typeof createTestEvents>;
  beforeEach(() => {
    engine = createTestEngine();
    events = createTestEvents();
    useStorageEngine(engine, events);
  });

  it('loads its key when mounted, typed by the family, and falls back when absent or corrupt', () => {
    engine.setItem(`${STORAGE_PREFIX}test-counter`, '41');
    const $count = storedAtom(COUNTER, 'test-counter', () => 0);
    keepMount($count);
    expect($count.get()).toBe(41);
    engine.setItem(`${STORAGE_PREFIX}test-counter`, '"not a number"');
    events.emit(`${STORAGE_PREFIX}test-counter`);
    expect($count.get()).toBe(0);
    cleanStores($count);
  });

  it('follows a change made in another tab', () => {
    const $count = storedAtom(COUNTER, 'test-counter', () => 0);
    keepMount($count);
    engine.setItem(`${STORAGE_PREFIX}test-counter`, '7');
    events.emit(`${STORAGE_PREFIX}test-counter`);
    expect($count.get()).toBe(7);
    cleanStores($count);
  });
});

describe('draft stores', () => {
  beforeEach(() => useStorageEngine(createTestEngine(), createTestEvents()));

  it('are one per exercise: the same store twice, and edits that reach only their own draft', () => {
    const a = strideDraft('stride-medical-imaging');
    expect(strideDraft('stride-medical-imaging')).toBe(a);
    const b = rmfDraft('rmf-chatbot-gap');
    keepMount(a.$draft);
    keepMount(b.$draft);
    a.togglePart('components', 'inference-api', true);
    b.toggleContext('customers', true);
    expect(a.$draft.get().answers.components).toEqual(['inference-api']);
    expect(b.$draft.get().answers.contexts).toEqual(['customers']);
    expect(a.key).toBe('draft:projects/stride-medical-imaging');
    cleanStores(a.$draft, b.$draft);
  });
});
