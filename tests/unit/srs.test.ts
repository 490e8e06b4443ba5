import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/lib/srs/decks';
import { GRADES, intervalLabel, preview, review } from '../../src/lib/srs/schedule';
import {
  dueCounts,
  dueCountsBySize,
  parseDeckState,
  studyQueue,
  withoutRetired,
  type DeckState,
} from '../../src/lib/srs/state';

const NOW = new Date('2026-11-26T10:00:00Z');
const minutes = (a: Date, b: string) => (Date.parse(b) - a.getTime()) / 60_000;

describe('the FSRS scheduling wrapper', () => {
  it('schedules a new card by grade: Again soonest, Easy latest, and counts the review', () => {
    const again = review(undefined, 'again', NOW);
    const good = review(undefined, 'good', NOW);
    const easy = review(undefined, 'easy', NOW);
    expect(minutes(NOW, again.due)).toBeLessThan(minutes(NOW, good.due));
    expect(minutes(NOW, good.due)).toBeLessThan(minutes(NOW, easy.due));
    expect(minutes(NOW, easy.due)).toBeGreaterThanOrEqual(24 * 60);
    expect(good.reps).toBe(1);
    expect(good.lastReview).toBe(NOW.toISOString());
  });

  it('is deterministic (no fuzz) and its state survives storage', () => {
    const a = review(review(undefined, 'good', NOW), 'good', new Date(NOW.getTime() + 3_600_000));
    const b = review(review(undefined, 'good', NOW), 'good', new Date(NOW.getTime() + 3_600_000));
    expect(a).toEqual(b);
    expect(parseDeckState(JSON.parse(JSON.stringify({ 'concepts:x': a })))).toEqual({ 'concepts:x': a });
  });

  it('grows the interval with each successful review, and a lapse shrinks it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('hard', 'good', 'easy' as const), { minLength: 2, maxLength: 8 }),
        (grades) => {
          let state = review(undefined, 'good', NOW);
          let at = new Date(state.due);
          let last = 0;
          for (const g of grades) {
            state = review(state, g, at);
            const interval = Date.parse(state.due) - at.getTime();
            expect(interval).toBeGreaterThan(0);
            if (state.state === 2) {
              expect(interval).toBeGreaterThanOrEqual(last * 0.99);
              last = interval;
            }
            at = new Date(state.due);
          }
          const lapsed = review(state, 'again', at);
          expect(Date.parse(lapsed.due) - at.getTime()).toBeLessThan(
            Date.parse(state.due) - new Date(state.lastReview ?? NOW).getTime(),
          );
          expect(lapsed.lapses).toBe(state.state === 2 ? state.lapses + 1 : state.lapses);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('previews every grade and labels intervals for people', () => {
    const p = preview(undefined, NOW);
    expect(Object.keys(p)).toEqual([...GRADES]);
    expect(intervalLabel(NOW, new Date(NOW.getTime() + 60_000))).toBe('1 min');
    expect(intervalLabel(NOW, new Date(NOW.getTime() + 3 * 86_400_000))).toBe('3 days');
  });
});

describe('due counts and the study queue', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const state: DeckState = {
    a: { ...review(undefined, 'good', NOW), due: '2026-11-26T09:00:00.000Z' },
    b: { ...review(undefined, 'good', NOW), due: '2026-11-27T09:00:00.000Z' },
    c: { ...review(undefined, 'good', NOW), due: '2026-11-25T09:00:00.000Z' },
  };

  it('counts due, new and later cards', () => {
    expect(dueCounts(ids, state, NOW)).toEqual({ due: 2, new: 1, later: 1 });
    expect(dueCountsBySize(4, state, NOW)).toEqual({ due: 2, new: 1, later: 1 });
  });

  it('queues the most overdue first, then new cards up to the limit', () => {
    expect(studyQueue(ids, state, NOW)).toEqual(['c', 'a', 'd']);
    expect(studyQueue(['x', 'y', 'z'], {}, NOW, 2)).toEqual(['x', 'y']);
  });

  it('rejects corrupt or hostile stored state', () => {
    const good = state['a'];
    expect(parseDeckState({ a: { ...good, state: 7 } })).toBeNull();
    expect(parseDeckState({ a: { ...good, due: 'soon' } })).toBeNull();
    expect(parseDeckState({ '<b>': good })).toBeNull();
    expect(parseDeckState(JSON.parse(`{"__proto__": ${JSON.stringify(good)}}`))).toBeNull();
    expect(parseDeckState([good])).toBeNull();
  });
});

describe('generated decks', () => {
  const decks = buildDecks({
    stride: [{ letter: 'T', name: 'Tampering', property: 'Integrity', threats: [{ name: 'Training-data poisoning' }] }],
    atlasVersion: '2026.09',
    atlasTactics: [{ id: 'AML.TA0000', name: 'AI Model Access', formerNames: ['ML Model Access'] }],
    atlasRetired: [
      {
        id: 'AML.T0058',
        name: 'Publish Poisoned Models',
        removedIn: '2026.07',
        replacedBy: [{ id: 'AML.T0115.001', name: 'Publish Poisoned AI Artifacts: Models' }],
      },
    ],
    atlasTechniques: [
      {
        id: 'AML.T0040',
        name: 'AI Model Inference API Access',
        tactics: ['AML.TA0000'],
        formerNames: ['ML Model Inference API Access'],
      },
    ],
    rmfSubcategories: [{ id: 'MEASURE 2.7', title: 'Security and resilience' }],
    rmfFunctions: [{ id: 'MEASURE', title: 'Risk analysis and assessment' }],
    owasp: [{ list: 'OWASP LLM Top 10 2026', id: 'LLM01:2026', name: 'Prompt Injection', counterpart: 'LLM01:2025' }],
    glossary: [{ id: 'evasion', term: 'Evasion', definition: 'Changing an input so a model gets it wrong.' }],
    handWritten: [{ id: 'x', front: 'Front?', back: 'Back.' }],
  });
  const card = (deck: string, id: string) => decks.find((d) => d.id === deck)?.cards.find((c) => c.id === id);

  it('turns catalog items into cards with stable ids, current names and former names', () => {
    expect(card('atlas-techniques', 'atlas-techniques:AML.T0040')?.back).toBe(
      'AI Model Inference API Access (formerly ML Model Inference API Access). Tactic: AI Model Access.',
    );
    expect(card('ai-rmf', 'ai-rmf:MEASURE-2.7')?.see).toBe('/reference/ai-rmf/measure/#measure-2-7');
    expect(card('owasp', 'owasp:LLM01:2026')?.back).toBe('Prompt Injection (was LLM01:2025)');
    expect(card('stride-ai', 'stride-ai:T:property')?.back).toBe('T: Tampering.');
    // Both directions: name to ID as well as ID to name.
    expect(card('atlas-techniques', 'atlas-techniques:AML.T0040:name')?.back).toBe('AML.T0040, under AI Model Access.');
    expect(card('owasp', 'owasp:LLM01:2026:name')?.front).toContain('"Prompt Injection"');
    expect(card('ai-rmf', 'ai-rmf:MEASURE-2.7:topic')?.back).toBe('MEASURE 2.7, in MEASURE.');
    const all = decks.flatMap((d) => d.cards.map((c) => c.id));
    expect(new Set(all).size).toBe(all.length);
  });

  it('retires the cards of a removed technique with a note, and never counts them again', () => {
    const deck = decks.find((d) => d.id === 'atlas-techniques');
    expect(deck?.description).toContain('MITRE ATLAS 2026.09');
    expect(deck?.retired).toEqual([
      {
        id: 'atlas-techniques:AML.T0058',
        note: 'AML.T0058 Publish Poisoned Models was removed in ATLAS 2026.07; it is now AML.T0115.001 Publish Poisoned AI Artifacts: Models, which has cards of its own.',
      },
      { id: 'atlas-techniques:AML.T0058:name', note: expect.stringContaining('removed in ATLAS 2026.07') },
    ]);
    expect(deck?.cards.some((c) => c.id.includes('AML.T0058'))).toBe(false);
    const reviewed = {
      due: '2026-01-01T00:00:00.000Z',
      stability: 1,
      difficulty: 5,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
      lastReview: '2025-12-31T00:00:00.000Z',
    };
    const state = parseDeckState({ 'atlas-techniques:AML.T0058': reviewed, 'atlas-techniques:AML.T0040': reviewed });
    if (!state) throw new Error('state did not parse');
    const live = withoutRetired(state, new Set(deck?.retired?.map((r) => r.id)));
    expect(Object.keys(live)).toEqual(['atlas-techniques:AML.T0040']);
    expect(dueCountsBySize(2, live, new Date('2026-12-07T00:00:00Z'))).toEqual({ due: 1, later: 0, new: 1 });
    expect(dueCountsBySize(2, state, new Date('2026-12-07T00:00:00Z')).due).toBe(2);
  });
});
