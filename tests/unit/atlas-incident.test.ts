/**
 * Incident keys: the atlas-chain kind with the chain alone (an incident lab tags a write-up with the
 * attacker's techniques in order). The grader scores the chain's three parts; the exports and the
 * steps say "incident", not "engagement". A key made from Project 3's chain keeps these tests
 * independent of any lab's content; every live incident lab is checked too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atlasGradingCatalog } from '../../src/lib/exercises/atlas/context';
import { atlasMarkdown } from '../../src/lib/exercises/atlas/export';
import {
  CHAIN_GATE,
  DISTRACTOR_COST,
  gradeAtlasSimulation,
  INCIDENT_WEIGHTS,
  LIST_FACTOR,
  PASTED_FACTOR,
} from '../../src/lib/exercises/atlas/grade';
import { atlasReferenceAnswers } from '../../src/lib/exercises/atlas/reference';
import { atlasRubricSchema, engagementOf, type AtlasRubric } from '../../src/lib/exercises/atlas/rubric';
import { emptyAtlasAnswers, type AtlasAnswers } from '../../src/lib/exercises/atlas/answers';
import { EXERCISE_IDS, isExerciseOfKind } from '../../src/lib/exercises/registry';
import { createSubmission } from '../../src/lib/share/submission';
import { loadCatalogFiles } from '../../scripts/lib/catalog';
import { loadRubric, loadScenario } from '../../scripts/lib/rubrics';

const atlas = loadCatalogFiles().find((f) => f.framework === 'atlas');
if (!atlas || atlas.framework !== 'atlas') throw new Error('no ATLAS catalog');
const catalog = atlasGradingCatalog(atlas);
const project = loadRubric('atlas-fraud-simulation');
const { roe, runs, defenses, hardening, ...chainOnly } = project;
const incident: AtlasRubric = atlasRubricSchema.parse({ ...chainOnly, exercise: 'atlas-fraud-simulation' });
const reference = atlasReferenceAnswers(incident, catalog);
const grade = (answers: AtlasAnswers, key: AtlasRubric = incident) => gradeAtlasSimulation(key, answers, { catalog });
const chainOf = (ids: readonly string[]): AtlasAnswers => ({
  ...emptyAtlasAnswers(),
  chain: ids.map((technique) => ({
    technique,
    rationale: reference.chain.find((c) => c.technique === technique)?.rationale ?? '',
  })),
});
const keyIds = reference.chain.map((c) => c.technique);

describe('incident keys (atlas-chain, chain alone)', () => {
  it('are a key with the whole engagement or none of it', () => {
    expect(engagementOf(incident)).toBeNull();
    expect(engagementOf(project)).not.toBeNull();
    const half = atlasRubricSchema.safeParse({ ...chainOnly, roe, runs });
    expect(half.success).toBe(false);
    expect(JSON.stringify(half.error?.issues)).toContain('or none of them (an incident)');
    expect(atlasRubricSchema.safeParse({ ...chainOnly, roe, runs, defenses, hardening }).success).toBe(true);
  });

  it('score the reference chain in full, on techniques, order and evidence alone', () => {
    const report = grade(reference);
    expect(report.score).toBe(1);
    expect(Object.keys(report.parts)).toEqual(['techniques', 'order', 'rationale']);
    expect(report.parts.rationale?.label).toBe('Evidence');
    expect(report.verdict).toMatch(/^Strong reading of the incident/);
    expect(report.feedback.every((f) => f.step === 'chain')).toBe(true);
    expect(Object.values(INCIDENT_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('cost an order the evidence contradicts, and nothing for the techniques themselves', () => {
    const reversed = grade(chainOf([...keyIds].reverse()));
    const right = grade(chainOf(keyIds));
    expect(reversed.parts.techniques?.score).toBe(right.parts.techniques?.score);
    expect(reversed.parts.order?.score ?? 1).toBeLessThan(right.parts.order?.score ?? 0);
    expect(reversed.score).toBeLessThan(right.score);
  });

  it('give a chain with no evidence less, and say the evidence is what is missing', () => {
    const bare: AtlasAnswers = { ...reference, chain: reference.chain.map(({ technique }) => ({ technique })) };
    const report = grade(bare);
    expect(report.score).toBeLessThanOrEqual(1 - INCIDENT_WEIGHTS.rationale + 1e-9);
    expect(report.parts.rationale?.score).toBe(0);
  });

  it('do not pay for listing the matrix, and gate order and evidence on the techniques', () => {
    const everything = grade(chainOf(catalog.techniques.map((t) => t.id)));
    expect(everything.score).toBeLessThanOrEqual(0.2);
    expect(everything.feedback.some((f) => f.target === 'chain: gate')).toBe(true);
    expect(everything.feedback.find((f) => f.target === 'chain: gate')?.message).toMatch(/^Order and evidence count/);
    expect(CHAIN_GATE[0]).toBeLessThan(CHAIN_GATE[1]);
  });

  it('charge a red herring the key rules out more precision than a technique that is merely unneeded', () => {
    const distractor = Object.keys(incident.chain.distractors)[0] ?? '';
    const keyed = new Set([
      ...incident.chain.steps.flatMap((st) => st.techniques),
      ...Object.keys(incident.chain.neutral),
    ]);
    const family = (id: string) => id.slice(0, 9);
    const plain = catalog.techniques
      .map((t) => t.id)
      .find(
        (id) =>
          !keyed.has(id) && !(id in incident.chain.distractors) && ![...keyed].some((k) => family(k) === family(id)),
      );
    if (!distractor || !plain) throw new Error('the key needs a distractor and the catalog an unrelated technique');
    const withDistractor = grade(chainOf([...keyIds, distractor]));
    const withPlain = grade(chainOf([...keyIds, plain]));
    expect(withDistractor.parts.techniques?.score ?? 1).toBeLessThan(withPlain.parts.techniques?.score ?? 0);
    expect(withDistractor.feedback.find((f) => f.target.endsWith(distractor))?.message).toContain(
      'costs twice the precision',
    );
    expect(DISTRACTOR_COST).toBeGreaterThan(1);
  });

  it('read a chain longer than twice the attack as a list, and say so', () => {
    const steps = incident.chain.steps.length;
    const neutral = Object.keys(incident.chain.neutral);
    const atLimit = [...keyIds, ...neutral].slice(0, LIST_FACTOR * steps);
    expect(grade(chainOf(atLimit)).feedback.some((f) => f.target === 'chain: length')).toBe(false);
    const others = catalog.techniques.map((t) => t.id).filter((id) => !atLimit.includes(id));
    const long = [...atLimit, ...others.slice(0, steps)];
    const report = grade(chainOf(long));
    const note = report.feedback.find((f) => f.target === 'chain: length');
    expect(note?.message).toContain(`Your chain has ${long.length} techniques for an attack of ${steps} steps`);
    expect(report.parts.techniques?.score ?? 1).toBeLessThan(grade(chainOf(atLimit)).parts.techniques?.score ?? 0);
  });

  it('halve the techniques of a chain whose steps share one pasted note, and say so', () => {
    const note = 'The attacker used this technique in the incident, as the timeline and findings show.';
    const pasted: AtlasAnswers = { ...reference, chain: reference.chain.map((e) => ({ ...e, rationale: note })) };
    const own = grade(reference).parts.techniques?.score ?? 0;
    const report = grade(pasted);
    expect(report.parts.techniques?.score).toBeCloseTo(own * PASTED_FACTOR, 6);
    expect(report.feedback.find((f) => f.target === 'chain: pasted notes')?.message).toContain(
      `The same note sits on ${pasted.chain.length} of your ${pasted.chain.length} steps`,
    );
    // Two steps sharing a note is not a pasted chain.
    const two: AtlasAnswers = {
      ...reference,
      chain: reference.chain.map((e, i) => (i < 2 ? { ...e, rationale: note } : e)),
    };
    expect(grade(two).parts.techniques?.score).toBe(own);
  });

  it('score any chain between 0 and the reference, and an empty one 0', () => {
    expect(grade(emptyAtlasAnswers()).score).toBe(0);
    const ids = fc.oneof(fc.constantFrom(...catalog.techniques.map((t) => t.id)), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(
        fc.array(fc.record({ technique: ids, rationale: fc.string({ maxLength: 120 }) }), { maxLength: 16 }),
        (chain) => {
          const { score } = grade({ ...emptyAtlasAnswers(), chain });
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('export as an incident analysis, without the engagement sections', () => {
    const submission = createSubmission('atlas-fraud-simulation', reference, new Date('2026-12-07T10:00:00Z'), {
      learner: 'Ada',
    });
    const md = atlasMarkdown(
      submission,
      catalog,
      { title: 'A write-up', roeNames: {}, incident: true },
      grade(reference),
    );
    expect(md).toMatch(/^# Incident analysis: A write-up\n/);
    expect(md).toContain('## Attack chain');
    expect(md).toContain('- Analyst: Ada');
    expect(md).toContain('## Self-check');
    for (const section of ['Rules of engagement', 'Range runs', 'Defenses', 'Hardening plan'])
      expect(md).not.toContain(`## ${section}`);
  });
});

const labs = EXERCISE_IDS.filter((id) => isExerciseOfKind(id, 'atlas-chain')).flatMap((id) => {
  const key = loadRubric(id);
  return engagementOf(key) === null ? [{ id, key }] : [];
});

describe.each(labs)('incident lab $id', ({ id, key }) => {
  it('works on an incident scenario, and its reference chain scores in full', () => {
    expect(loadScenario(key.scenario).kind).toBe('incident');
    expect(grade(atlasReferenceAnswers(key, catalog), key).score).toBeGreaterThanOrEqual(0.99);
  });

  it('keys, accepts and rejects only techniques ATLAS has, none twice', () => {
    const known = new Set(catalog.techniques.map((t) => t.id));
    const keyed = key.chain.steps.flatMap((s) => s.techniques);
    for (const t of [...keyed, ...Object.keys(key.chain.neutral), ...Object.keys(key.chain.distractors)])
      expect(known.has(t), `${id}: ${t}`).toBe(true);
    expect(new Set(keyed).size).toBe(keyed.length);
  });
});
