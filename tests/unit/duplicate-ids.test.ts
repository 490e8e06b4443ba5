/**
 * Imported work whose rows share an editor id, or whose defenses repeat a mitigation: each row
 * must still be edited and deleted on its own, and nothing is dropped.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { checkAtlasAnswers, emptyAtlasAnswers } from '../../src/lib/exercises/atlas/answers';
import { checkStrideAnswers, type StrideRow } from '../../src/lib/exercises/stride/answers';
import { useStorageEngine } from '../../src/stores/storage';
import { strideDraft } from '../../src/stores/stride-draft';
import { createTestEngine, createTestEvents } from './helpers/storage';
import { strideRow } from './helpers/stride-rows';

const row = (id: string, threat: string): StrideRow =>
  strideRow(id, threat, { category: 'D', impact: 'Triage stops', mitigation: 'Rate limits' });

describe('rows sharing an id', () => {
  beforeEach(() => useStorageEngine(createTestEngine(), createTestEvents()));

  it('keep every row, and drop only the repeated id', () => {
    const answers = checkStrideAnswers(
      { components: [], rows: [row('a', 'first'), row('a', 'second'), row('a', 'third')] },
      'answers',
    );
    expect(answers.rows.map((r) => r.threat)).toEqual(['first', 'second', 'third']);
    expect(answers.rows.map((r) => r.id)).toEqual(['a', undefined, undefined]);
  });

  it('are edited and deleted one at a time once loaded into the editor', () => {
    const draft = strideDraft('stride-medical-imaging');
    draft.replaceAnswers({ components: [], rows: [row('a', 'first'), row('a', 'second'), row('a', 'third')] });
    const ids = draft.$draft.get().answers.rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    draft.updateRow(ids[1] as string, { threat: 'edited' });
    expect(draft.$draft.get().answers.rows.map((r) => r.threat)).toEqual(['first', 'edited', 'third']);
    const removed = draft.removeRow(ids[2] as string);
    expect(draft.$draft.get().answers.rows.map((r) => r.threat)).toEqual(['first', 'edited']);
    if (removed) draft.insertRow(removed.row, removed.index);
    expect(draft.$draft.get().answers.rows.map((r) => r.threat)).toEqual(['first', 'edited', 'third']);
  });
});

describe('defenses repeating a mitigation', () => {
  it('merge into one entry, keeping every technique and note', () => {
    const answers = checkAtlasAnswers(
      {
        ...emptyAtlasAnswers(),
        defenses: [
          { mitigation: 'AML.M0004', counters: ['AML.T0024'], note: 'cap queries per card' },
          { mitigation: 'AML.M0015', counters: ['AML.T0015'] },
          { mitigation: 'AML.M0004', counters: ['AML.T0024', 'AML.T0040'], note: 'alert on bursts' },
        ],
      },
      'answers',
    );
    expect(answers.defenses).toEqual([
      { mitigation: 'AML.M0004', counters: ['AML.T0024', 'AML.T0040'], note: 'cap queries per card\nalert on bursts' },
      { mitigation: 'AML.M0015', counters: ['AML.T0015'] },
    ]);
  });
});
