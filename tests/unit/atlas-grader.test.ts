import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { atlasGradingCatalog } from '../../src/lib/exercises/atlas/context';
import { rangeScenarioSchema } from '../../src/lib/content/schema';
import {
  explainTechnique,
  gradeAtlasSimulation,
  isLinked,
  NEUTRAL_FREE,
  normaliseAtlasId,
  proposals,
  type AtlasCatalog,
  withCurrentIds,
} from '../../src/lib/exercises/atlas/grade';
import { atlasReferenceAnswers, topologicalSteps } from '../../src/lib/exercises/atlas/reference';
import { ATTACKS, runRange } from '../../src/lib/range/run';
import { MAX_REPLAYS, replayRunsNow, runsToReplay } from '../../src/lib/range/replay';
import { DEFAULT_CONFIG } from '../../src/lib/range/config';
import { runRecord } from '../../src/lib/range/record-of';
import { checkAtlasAnswers } from '../../src/lib/exercises/atlas/answers';
import { referenceRuns } from '../../src/lib/range/records';
import type { AtlasAnswers, RangeRunRecord } from '../../src/lib/exercises/atlas/answers';
import { loadCatalogFiles } from '../../scripts/lib/catalog';
import { linkProblem } from '../../scripts/lib/rmf-content';
import { loadRubric } from '../../scripts/lib/rubrics';
import { engagementOf } from '../../src/lib/exercises/atlas/rubric';

const project = engagementOf(loadRubric('atlas-fraud-simulation'));
if (!project) throw new Error('Project 3 has a full engagement key');
const rubric = project;
const atlasFile = loadCatalogFiles().find((f) => f.framework === 'atlas');
if (!atlasFile || atlasFile.framework !== 'atlas') throw new Error('no ATLAS catalog');
const catalog: AtlasCatalog = atlasGradingCatalog(atlasFile);

let runs: RangeRunRecord[] = [];
let reference: AtlasAnswers;
beforeAll(() => {
  runs = referenceRuns(new Date('2026-11-26T10:00:00Z'));
  reference = atlasReferenceAnswers(rubric, catalog, runs);
});

// As the site and the CLI grade: recorded runs replayed first (cached, so each config runs once).
const grade = (answers: AtlasAnswers, revealMissed = false) =>
  gradeAtlasSimulation(rubric, answers, { catalog, revealMissed, replays: replayRunsNow(answers.runs, runRange) });
const withChain = (chain: string[]): AtlasAnswers => ({
  ...reference,
  chain: chain.map((technique) => ({
    technique,
    rationale: reference.chain.find((c) => c.technique === technique)?.rationale ?? '',
  })),
});
const keyIds = () => reference.chain.map((c) => c.technique);
const part = (answers: AtlasAnswers, name: string) => grade(answers).parts[name]?.score ?? -1;

describe('ATLAS simulation grader', () => {
  it('reads an ID a later release removed as its successor, grades the work the same and says so', () => {
    // A catalog in which the key's first technique replaced an older ID, as AML.T0115.001 replaced AML.T0058.
    const [first] = keyIds();
    if (!first) throw new Error('the key has no chain');
    const later: AtlasCatalog = {
      ...catalog,
      version: '2099.01',
      retired: [{ id: 'AML.T0999', name: 'Old Name', removedIn: '2099.01', replacedBy: [first] }],
    };
    const old: AtlasAnswers = {
      ...reference,
      chain: reference.chain.map((c) => (c.technique === first ? { ...c, technique: 'aml.t0999' } : c)),
    };
    const report = gradeAtlasSimulation(rubric, old, {
      catalog: later,
      replays: replayRunsNow(old.runs, runRange),
    });
    expect(report.score).toBe(1);
    const note = report.feedback.find((f) => f.target === 'retired: AML.T0999');
    expect(note?.message).toContain(
      `AML.T0999 Old Name was removed in ATLAS 2099.01; it was read as its successor, ${first}`,
    );
    expect(explainTechnique('AML.T0999', later)).toBe(
      `AML.T0999 Old Name was removed in ATLAS 2099.01; cite ${first} instead.`,
    );
    // Without retired entries nothing is rewritten.
    expect(withCurrentIds(old, { ...catalog, retired: [] }).answers).toBe(old);
  });

  it('grades a submission citing AML.T0058, removed in ATLAS 2026.07, as one citing AML.T0115.001', () => {
    const cites = (technique: string): AtlasAnswers => ({
      ...reference,
      chain: [
        ...reference.chain,
        { technique, rationale: 'The ring publishes a tampered model for the processor to pull.' },
      ],
    });
    const old = grade(cites('AML.T0058'));
    const current = grade(cites('AML.T0115.001'));
    expect(old.score).toBe(current.score);
    expect(old.parts).toEqual(current.parts);
    expect(old.feedback.find((f) => f.target === 'retired: AML.T0058')?.message).toBe(
      'AML.T0058 Publish Poisoned Models was removed in ATLAS 2026.07; it was read as its successor, AML.T0115.001 Publish Poisoned AI Artifacts: Models. Update your entry to cite AML.T0115.001.',
    );
    expect(current.feedback.some((f) => f.target.startsWith('retired:'))).toBe(false);
  });

  it('scores the reference answer 1.0, with nothing but correct feedback', () => {
    const report = grade(reference);
    expect(report.feedback.filter((f) => f.verdict !== 'correct')).toEqual([]);
    expect(report.score).toBe(1);
  });

  it('scores a submission that lists the whole catalog below 0.05', () => {
    const everything: AtlasAnswers = {
      chain: catalog.techniques.map((t) => ({ technique: t.id })),
      roe: [...Object.keys(rubric.roe.required), ...Object.keys(rubric.roe.traps)],
      runs: [],
      defenses: catalog.mitigations.map((m) => ({ mitigation: m.id, counters: catalog.techniques.map((t) => t.id) })),
      hardening: '',
    };
    expect(grade(everything).score).toBeLessThan(0.05);
  });

  it('accepts technique and mitigation IDs written without the "AML." prefix, in the chain, defenses and plan', () => {
    const bare = (id: string) => id.replace(/^AML\./, '').toLowerCase();
    const stripped: AtlasAnswers = {
      ...reference,
      chain: reference.chain.map((c) => ({ ...c, technique: bare(c.technique) })),
      defenses: reference.defenses.map((d) => ({
        ...d,
        mitigation: bare(d.mitigation),
        counters: d.counters.map(bare),
      })),
      hardening: reference.hardening.replace(/AML\.(M\d{4})/g, '$1'),
    };
    expect(stripped.hardening).not.toMatch(/AML\.M/);
    expect(grade(stripped).score).toBe(grade(reference).score);
    expect(normaliseAtlasId(' t0043.001 ')).toBe('AML.T0043.001');
    expect(normaliseAtlasId('TA0007')).toBe('AML.TA0007');
    expect(normaliseAtlasId('X0001')).toBe('X0001');
  });

  it('lets both automated and manual evasion stand, and costs nothing for the steps ATLAS supports around the key (issue 16)', () => {
    const base = grade(withChain(keyIds()));
    const supported = [
      'AML.T0043.003',
      'AML.T0021',
      'AML.T0003',
      'AML.T0047',
      'AML.T0014',
      'AML.T0018.000',
      'AML.T0043.000',
    ];
    for (const id of supported) {
      expect(keyIds()).not.toContain(id);
      const report = grade(withChain([...keyIds(), id]));
      const item = report.feedback.find((f) => f.step === 'chain' && f.target.endsWith(id));
      expect(item?.verdict, id).toBe('info');
      expect(item?.message, id).not.toMatch(/not part of this attack/);
      expect(report.parts['techniques']?.score, id).toBe(base.parts['techniques']?.score);
    }
  });

  it('gives a parent technique half credit and says to name the sub-technique', () => {
    const ids = keyIds().map((id) => (id === 'AML.T0043.001' ? 'AML.T0043' : id));
    const report = grade(withChain(ids));
    const item = report.feedback.find((f) => f.target.endsWith('AML.T0043'));
    expect(item?.verdict).toBe('partial');
    expect(item?.message).toMatch(/parent of AML\.T0043\.001/);
    expect(report.parts['techniques']?.score).toBeLessThan(1);
    expect(report.parts['techniques']?.score).toBeGreaterThan(
      part(withChain(keyIds().filter((id) => id !== 'AML.T0043.001')), 'techniques'),
    );
  });

  it('accepts manual modification in place of black-box optimization, and the replication sub-technique for the proxy', () => {
    const ids = keyIds().map((id) =>
      id === 'AML.T0043.001' ? 'AML.T0043.003' : id === 'AML.T0005' ? 'AML.T0005.001' : id,
    );
    expect(part(withChain(ids), 'techniques')).toBe(1);
  });

  it('checks order against the precedence graph: any order that respects it is right', () => {
    // The poisoning steps first, or the evasion steps first: both respect every edge.
    const poisonFirst = [
      'AML.T0020',
      'AML.T0043.004',
      'AML.T0040',
      'AML.T0005',
      'AML.T0043.002',
      'AML.T0043.001',
      'AML.T0042',
      'AML.T0015',
    ];
    const evasionFirst = [
      'AML.T0040',
      'AML.T0043.001',
      'AML.T0005',
      'AML.T0043.002',
      'AML.T0042',
      'AML.T0020',
      'AML.T0043.004',
      'AML.T0015',
    ];
    expect(part(withChain(poisonFirst), 'order')).toBe(1);
    expect(part(withChain(evasionFirst), 'order')).toBe(1);
    const swapped = evasionFirst.map((id) =>
      id === 'AML.T0042' ? 'AML.T0015' : id === 'AML.T0015' ? 'AML.T0042' : id,
    );
    const report = grade(withChain(swapped));
    expect(report.parts['order']?.score).toBeLessThan(1);
    expect(
      report.feedback.some(
        (f) =>
          f.target === 'order' &&
          f.verdict === 'wrong' &&
          /AML\.T0042 Verify Attack has to come before AML\.T0015/.test(f.message),
      ),
    ).toBe(true);
  });

  it('explains wrong IDs: unknown, a tactic, a mitigation, a missing sub-technique, not an ID; and reads lower case', () => {
    expect(explainTechnique('AML.T9999', catalog)).toMatch(/not in ATLAS 2026\.09/);
    expect(explainTechnique('AML.TA0000', catalog)).toMatch(/tactic/);
    expect(explainTechnique('AML.M0004', catalog)).toMatch(/mitigation/);
    expect(explainTechnique('AML.T0043.009', catalog)).toMatch(/sub-techniques are AML\.T0043\.000/);
    expect(explainTechnique('T1190', catalog)).toMatch(/not an ATLAS technique ID/);
    const report = grade(withChain([...keyIds().map((id) => id.toLowerCase()), 'AML.T9999']));
    expect(report.parts['techniques']?.detail).toMatch(/8 of 8 key steps/);
    expect(report.feedback.find((f) => f.target.includes('AML.T9999'))?.verdict).toBe('wrong');
  });

  it('explains distractors and costs precision, while neutral techniques cost nothing', () => {
    const distracted = grade(withChain([...keyIds(), 'AML.T0051']));
    expect(distracted.feedback.find((f) => f.target.includes('AML.T0051'))?.message).toMatch(/no language model/);
    expect(distracted.parts['techniques']?.score).toBeLessThan(1);
    const neutral = grade(withChain([...keyIds(), 'AML.T0012']));
    expect(neutral.parts['techniques']?.score).toBe(1);
    expect(neutral.feedback.find((f) => f.target.includes('AML.T0012'))?.verdict).toBe('info');
  });

  it('hints at missed steps without naming them, and names them after a reveal', () => {
    const answers = withChain(keyIds().filter((id) => id !== 'AML.T0020'));
    const hinted = grade(answers).feedback.find((f) => f.expected === 'poison');
    expect(hinted?.message).not.toMatch(/AML\.T0020/);
    expect(grade(answers, true).feedback.find((f) => f.expected === 'poison')?.message).toMatch(
      /AML\.T0020 Training Data Poisoning/,
    );
  });

  it('cancels rules-of-engagement credit with each unsafe choice', () => {
    expect(part({ ...reference, roe: [...reference.roe, 'production-api-probe'] }, 'roe')).toBeCloseTo(0.75, 4);
    expect(part({ ...reference, roe: reference.roe.slice(1) }, 'roe')).toBeLessThan(1);
    const report = grade({ ...reference, roe: [...reference.roe, 'disable-monitoring'] });
    expect(report.feedback.find((f) => f.target.includes('disable-monitoring'))?.verdict).toBe('wrong');
  });

  it('wants a run of each attack family, and an undefended and a defended run to compare', () => {
    expect(part({ ...reference, runs: [] }, 'runs')).toBe(0);
    const evasionOnly = runs.filter((r) => r.attack === 'evasion-auto');
    expect(part({ ...reference, runs: evasionOnly }, 'runs')).toBe(0.5);
    expect(part({ ...reference, runs: evasionOnly.filter((r) => r.defenses.length === 0) }, 'runs')).toBe(0.375);
  });

  it('credits only runs the range reproduces from their seed and settings, and says which figures differ (issue 16)', () => {
    const invented = runs.map((r) => ({ ...r, aucAfter: 0.99, timeToDetect: 1 }));
    const report = grade({ ...reference, runs: invented });
    expect(report.parts['runs']?.score).toBe(0);
    const why = report.feedback.find((f) => f.target === 'runs: run 1');
    expect(why?.verdict).toBe('wrong');
    expect(why?.message).toMatch(/does not reproduce: .*aucAfter: 0\.99 -> /);
    // A run with no settings cannot be replayed, and says so.
    const bare: RangeRunRecord = { ...(runs[0] as RangeRunRecord) };
    delete bare.settings;
    const old = grade({ ...reference, runs: [bare, ...runs.slice(1)] });
    expect(old.feedback.find((f) => f.target === 'runs: run 1')?.message).toMatch(/cannot be replayed/);
    // Graded without replays (grade() alone), no run earns credit and the report says why.
    const unchecked = gradeAtlasSimulation(rubric, reference, { catalog });
    expect(unchecked.parts['runs']?.score).toBe(0);
    expect(unchecked.feedback.some((f) => /not replayed/.test(f.message))).toBe(true);
  });

  it('replays at most the latest run with and without defenses of each attack', () => {
    const many = [...runs, ...runs, ...runs];
    const chosen = runsToReplay(many);
    expect(chosen.length).toBeLessThanOrEqual(MAX_REPLAYS);
    expect(chosen).toEqual([8, 9, 10, 11]);
    const report = grade({ ...reference, runs: many });
    expect(report.parts['runs']?.score).toBe(1);
    expect(report.feedback.some((f) => /8 earlier runs were not replayed/.test(f.message))).toBe(true);
  });

  it('checks the plan against its own runs: "no meaningful cost" against false declines that rose', () => {
    const hardened = runRecord(
      runRange({ ...DEFAULT_CONFIG, defenses: ['AML.M0003'] }),
      new Date('2026-11-26T10:00:00Z'),
    );
    expect(hardened.falseDeclinesAfter ?? 0).toBeGreaterThanOrEqual((hardened.falseDeclinesBefore ?? 0) * 1.25 + 1);
    const claim = `${reference.hardening} Adversarial training has no meaningful cost.`;
    const honest = grade({ ...reference, runs: [...runs, hardened] });
    const claimed = grade({ ...reference, runs: [...runs, hardened], hardening: claim });
    expect(claimed.parts['hardening']?.score).toBeLessThan(honest.parts['hardening']?.score ?? 0);
    expect(claimed.feedback.find((f) => f.target === 'plan: cost')?.message).toMatch(
      new RegExp(`false declines rising from ${hardened.falseDeclinesBefore} to ${hardened.falseDeclinesAfter}`),
    );
    // The same claim with no run that contradicts it stands.
    expect(grade({ ...reference, hardening: claim }).feedback.some((f) => f.target === 'plan: cost')).toBe(false);
  });

  it('gates the rest on the chain: two tactic IDs, or the whole catalog, with the rest intact stay under 0.3', () => {
    const tactics = grade({ ...reference, chain: [{ technique: 'AML.TA0000' }, { technique: 'AML.TA0007' }] });
    expect(tactics.score).toBeLessThan(0.3);
    expect(tactics.feedback.some((f) => f.target === 'chain: gate')).toBe(true);
    const catalogChain = grade({ ...reference, chain: catalog.techniques.map((t) => ({ technique: t.id })) });
    expect(catalogChain.score).toBeLessThan(0.3);
  });

  it('gives nothing for one rationale pasted on every technique, or a list of terms', () => {
    const pasted =
      'The ring uses this technique against the fraud model to get fraud approved, with evasion, poisoning, proxy and API access.';
    expect(part({ ...reference, chain: reference.chain.map((c) => ({ ...c, rationale: pasted })) }, 'rationale')).toBe(
      0,
    );
    const listed = 'evasion, proxy, transfer, poisoning, backdoor, API access, scores, queries';
    const report = grade({
      ...reference,
      chain: reference.chain.map((c, i) => (i === 0 ? { ...c, rationale: listed } : c)),
    });
    expect(report.parts['rationale']?.score).toBeLessThan(1);
    expect(report.feedback.find((f) => f.target === 'chain 1: rationale')?.message).toMatch(/list of terms/);
  });

  it('counts defenses only for techniques the chain uses and that belong to this attack', () => {
    const withoutPoisoning = reference.chain.filter((c) => !['AML.T0020', 'AML.T0043.004'].includes(c.technique));
    const report = grade({ ...reference, chain: withoutPoisoning });
    expect(
      report.feedback.some((f) => f.target === 'defenses: poisoning and the backdoor' && f.verdict === 'missed'),
    ).toBe(true);
    expect(report.feedback.some((f) => /is not in your chain|are not in your chain/.test(f.message))).toBe(true);
    const offAttack = grade({
      ...reference,
      defenses: [...reference.defenses, { mitigation: 'AML.M0004', counters: ['AML.T0029'] }],
    });
    expect(offAttack.parts['defenses']?.score).toBeLessThan(1);
  });

  it('never says the order is right while the order part is below 1', () => {
    fc.assert(
      fc.property(
        fc.subarray(keyIds(), { minLength: 2 }),
        fc.array(fc.constantFrom('AML.T0029', 'AML.T0051', 'AML.T0034')),
        (ids, extras) => {
          const report = grade(withChain([...ids, ...extras]));
          const said = report.feedback.find((f) => f.target === 'order' && f.verdict === 'correct');
          if ((report.parts['order']?.score ?? 0) < 1) expect(said).toBeUndefined();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('lets fair extra techniques cost nothing up to a point, then costs precision', () => {
    const neutral = Object.keys(rubric.chain.neutral);
    expect(neutral.length).toBeGreaterThan(NEUTRAL_FREE);
    const few = grade(withChain([...keyIds(), ...neutral.slice(0, NEUTRAL_FREE)]));
    const all = grade(withChain([...keyIds(), ...neutral]));
    expect(few.parts['techniques']?.score).toBe(1);
    expect(all.parts['techniques']?.score).toBeLessThan(1);
  });

  it('reads a finding or a warning in the plan as neither, and takes "release gate" and "no auto-deploy" as review', () => {
    const only = (sentence: string, label: string) =>
      grade({
        ...reference,
        hardening: `${sentence} ${'We keep the scoring log for 13 months. '.repeat(8)}`,
      }).feedback.find((f) => f.target === `plan: ${label}`)?.verdict;
    expect(only('Drift monitoring raised nothing during the poisoning run.', 'drift monitoring')).toBe('missed');
    expect(only('Do not rely on adversarial training alone.', 'a harder model')).toBe('missed');
    expect(only('Add drift monitoring of the score distribution.', 'drift monitoring')).toBe('correct');
    expect(only('Put a release gate on every retrained model.', 'review before a retrained model goes live')).toBe(
      'correct',
    );
    expect(
      only('No auto-deploy: a retrained model waits for a person.', 'review before a retrained model goes live'),
    ).toBe('correct');
    expect(proposals('Drift monitoring raised nothing. Add rate limits.')).toBe('Add rate limits.');
  });

  it('says why an extra technique does not belong, and names the attack’s steps after the first attempt', () => {
    const extra = 'AML.T0011';
    expect(rubric.chain.distractors[extra]).toBeUndefined();
    const message = (reveal: boolean) =>
      grade(withChain([...keyIds(), extra]), reveal).feedback.find((f) => f.target.endsWith(extra))?.message ?? '';
    expect(message(false)).toMatch(/serves neither route/);
    expect(message(false)).not.toMatch(/The steps of this attack are/);
    expect(message(true)).toMatch(/The steps of this attack are AML\.T/);
  });

  it('dilutes a plan that names mitigations ATLAS links to nothing in this attack', () => {
    const plan = `${reference.hardening} We also apply AML.M0014.`;
    expect(part({ ...reference, hardening: plan }, 'hardening')).toBeLessThan(1);
  });

  it('reads false declines in run records, old records without them still valid', () => {
    const [first] = runs;
    if (!first) throw new Error('no runs');
    expect(first.falseDeclinesBefore).toBeTypeOf('number');
    expect(checkAtlasAnswers({ ...reference, runs: [first] }, 'answers').runs[0]?.falseDeclinesAfter).toBe(
      first.falseDeclinesAfter,
    );
    const older: RangeRunRecord = { ...first };
    delete older.falseDeclinesBefore;
    delete older.falseDeclinesAfter;
    expect(checkAtlasAnswers({ ...reference, runs: [older] }, 'answers').runs[0]).toEqual(older);
  });

  it('checks each mitigation-technique pair against ATLAS links and explains the ones it lacks', () => {
    expect(isLinked('AML.M0007', 'AML.T0020', catalog)).toBe(true);
    expect(isLinked('AML.M0007', 'AML.T0043.004', catalog)).toBe(false);
    const report = grade({
      ...reference,
      defenses: [...reference.defenses, { mitigation: 'AML.M0007', counters: ['AML.T0043.004'] }],
    });
    const item = report.feedback.find((f) => f.target.startsWith(`defense ${reference.defenses.length + 1}`));
    expect(item?.verdict).toBe('wrong');
    expect(item?.message).toMatch(
      /does not link AML\.M0007 .* to AML\.T0043\.004\. Among this attack's techniques it lists AML\.T0020/,
    );
    expect(report.parts['defenses']?.score).toBeLessThan(1);
    const uncovered = grade({
      ...reference,
      defenses: reference.defenses.filter((d) => !['AML.M0007', 'AML.M0025', 'AML.M0008'].includes(d.mitigation)),
    });
    expect(
      uncovered.feedback.some((f) => f.target === 'defenses: poisoning and the backdoor' && f.verdict === 'missed'),
    ).toBe(true);
  });

  it('flags unknown mitigation IDs in the plan and wants the plan to make each point', () => {
    const report = grade({ ...reference, hardening: `${reference.hardening} Also AML.M0999.` });
    expect(report.feedback.some((f) => f.target === 'plan: IDs' && /AML\.M0999/.test(f.message))).toBe(true);
    expect(part({ ...reference, hardening: 'We will add rate limits (AML.M0004).' }, 'hardening')).toBeLessThan(0.2);
  });
});

describe('ATLAS simulation grader: properties', () => {
  const idArb = fc.oneof(fc.constantFrom(...catalog.techniques.map((t) => t.id)), fc.string({ maxLength: 30 }));

  it('scores stay in [0, 1] and the grader never throws, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ technique: idArb, rationale: fc.string({ maxLength: 80 }) }), { maxLength: 20 }),
        fc.array(
          fc.record({
            mitigation: fc.oneof(
              fc.constantFrom(...catalog.mitigations.map((m) => m.id)),
              fc.string({ maxLength: 12 }),
            ),
            counters: fc.array(idArb, { maxLength: 6 }),
          }),
          { maxLength: 8 },
        ),
        fc.string({ maxLength: 300 }),
        (chain, defenses, hardening) => {
          const report = grade({ chain, roe: [], runs: [], defenses, hardening });
          expect(report.score).toBeGreaterThanOrEqual(0);
          expect(report.score).toBeLessThanOrEqual(1);
          for (const p of Object.values(report.parts)) expect(p.score).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the technique score ignores order, and adding a technique outside the key never raises it', () => {
    // Outside the key: not a key technique, not neutral, and not in the family of one (a parent or sibling earns partial credit).
    const family = (id: string) => id.slice(0, 9);
    const keyFamilies = new Set(rubric.chain.steps.flatMap((s) => s.techniques.map(family)));
    const outside = catalog.techniques
      .map((t) => t.id)
      .filter((id) => !keyFamilies.has(family(id)) && !(id in rubric.chain.neutral));
    fc.assert(
      fc.property(fc.shuffledSubarray(keyIds(), { minLength: 1 }), fc.constantFrom(...outside), (subset, extra) => {
        const base = part(withChain(subset), 'techniques');
        expect(part(withChain([...subset].reverse()), 'techniques')).toBeCloseTo(base, 4);
        expect(part(withChain([...subset, extra]), 'techniques')).toBeLessThanOrEqual(base);
        expect(part(withChain([...subset, subset[0] ?? '']), 'techniques')).toBeLessThanOrEqual(base);
      }),
      { numRuns: 120 },
    );
  });

  it('every topological order of the key’s steps keeps all dependencies (order part 1)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: rubric.chain.steps.length, maxLength: rubric.chain.steps.length }),
        (keys) => {
          // A random topological order: repeatedly take a random step whose predecessors are placed.
          const placed: string[] = [];
          const left = [...rubric.chain.steps];
          keys.forEach((k) => {
            const ready = left.filter((s) => rubric.chain.order.every(([a, b]) => b !== s.id || placed.includes(a)));
            const pick = ready[k % ready.length];
            if (!pick) return;
            placed.push(pick.id);
            left.splice(left.indexOf(pick), 1);
          });
          const ids = placed.map((id) => rubric.chain.steps.find((s) => s.id === id)?.techniques[0] ?? '');
          expect(part(withChain(ids), 'order')).toBe(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('ATLAS simulation rubric lint', () => {
  const known = new Set(catalog.techniques.map((t) => t.id));

  it('names only techniques and mitigations that exist in ATLAS 2026.09', () => {
    const techniques = [
      ...rubric.chain.steps.flatMap((s) => s.techniques),
      ...Object.keys(rubric.chain.neutral),
      ...Object.keys(rubric.chain.distractors),
      ...rubric.defenses.targets.flatMap((t) => t.techniques),
      ...rubric.defenses.reference.flatMap((d) => d.counters),
    ];
    expect(techniques.filter((id) => !known.has(id))).toEqual([]);
    expect(rubric.defenses.reference.filter((d) => !catalog.mitigations.some((m) => m.id === d.mitigation))).toEqual(
      [],
    );
  });

  it('pairs every reference defense with techniques ATLAS links it to', () => {
    const unlinked = rubric.defenses.reference.flatMap((d) =>
      d.counters.filter((t) => !isLinked(d.mitigation, t, catalog)).map((t) => `${d.mitigation} -> ${t}`),
    );
    expect(unlinked).toEqual([]);
  });

  it('has an acyclic precedence graph whose topological order covers every step', () => {
    const order = topologicalSteps(rubric).map((s) => s.id);
    expect(order.length).toBe(rubric.chain.steps.length);
    for (const [a, b] of rubric.chain.order) expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
  });

  it('links feedback to lesson sections that exist', () => {
    const links = [
      rubric.chain.learn,
      rubric.roe.learn,
      rubric.runs.learn,
      rubric.defenses.learn,
      rubric.hardening.learn,
    ];
    expect(links.map((l) => linkProblem(l)).filter(Boolean)).toEqual([]);
  });

  it('counts only attack kinds the range has', () => {
    const kinds: readonly string[] = ATTACKS;
    expect(rubric.runs.families.flatMap((f) => f.attacks).filter((a) => !kinds.includes(a))).toEqual([]);
  });

  it('agrees with the scenario on the rules-of-engagement choices', () => {
    const file = `content/scenarios/${rubric.scenario}.yaml`;
    expect(existsSync(file)).toBe(true);
    const scenario = rangeScenarioSchema.parse(YAML.parse(readFileSync(file, 'utf8')));
    const offered = scenario.roeChoices.map((c) => c.id).sort();
    expect([...Object.keys(rubric.roe.required), ...Object.keys(rubric.roe.traps)].sort()).toEqual(offered);
  });
});
