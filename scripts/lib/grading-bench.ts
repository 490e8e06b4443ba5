/**
 * Times the STRIDE grader on a 40-row table (the budget: median < 2 ms in Node). The table mixes
 * the reference rows with reworded, misplaced and extra rows, as a long learner answer would.
 */
import { performance } from 'node:perf_hooks';
import { gradeStrideTable } from '../../src/lib/exercises/stride/grade';
import { strideReferenceAnswers } from '../../src/lib/exercises/stride/reference';
import type { StrideKey } from '../../src/lib/exercises/stride/rubric';
import type { StrideAnswers, StrideRow } from '../../src/lib/exercises/stride/answers';
import { strideKind } from '../../src/lib/exercises/stride';
import { gradeBounded } from '../../src/lib/grading/bound';
import { loadRubric, loadStrideKey } from './rubrics';
import { gradeRmfGap } from '../../src/lib/exercises/rmf/grade';
import { rmfReferenceAnswers } from '../../src/lib/exercises/rmf/reference';
import { loadCatalogFiles } from './catalog';
import { rmfGradingContext } from '../../src/lib/exercises/rmf/context';
import { atlasGradingContext } from '../../src/lib/exercises/atlas/context';
import { scenarioOf } from './exercises';
import { gradeAtlasSimulation } from '../../src/lib/exercises/atlas/grade';
import { atlasReferenceAnswers } from '../../src/lib/exercises/atlas/reference';
import { loadRmfContent } from './rmf-content';
import { clearRangeCache, DEFAULT_CONFIG, runRange, type RangeConfig } from '../../src/lib/range/run';
import { runRecord } from '../../src/lib/range/record-of';
import { clearReplayCache, replayRunsNow } from '../../src/lib/range/replay';

export interface GradingTiming {
  rows: number;
  coldMs: number;
  medianMs: number;
  p95Ms: number;
}

function fortyRows(rubric: StrideKey): StrideAnswers {
  const reference = strideReferenceAnswers(rubric);
  const variants: StrideRow[] = reference.rows.flatMap((row, i) => [
    {
      ...row,
      threat: `${row.threat} This could also happen through a second path.`,
      component: reference.components[(i + 3) % reference.components.length] ?? row.component,
    },
    { ...row, threat: `Variant: ${row.impact}`, impact: row.threat, mitigation: 'monitor it', category: 'R' },
  ]);
  const extras: StrideRow[] = Array.from({ length: 10 }, (_, i) => ({
    component: reference.components[i % reference.components.length] ?? 'monitoring',
    category: 'D',
    threat: `Disk ${i} on the server fills up with temporary files during busy hours`,
    impact: 'The service slows down',
    likelihood: 1,
    severity: 2,
    mitigation: 'Alert on disk usage and clean temporary files',
  }));
  return { ...reference, rows: [...reference.rows, ...variants, ...extras].slice(0, 40) };
}

/** Cold run, then the median and 95th percentile of `runs` warm runs. */
function time(run: () => void, rows: number, runs: number, warmups = 30): GradingTiming {
  const start = performance.now();
  run();
  const coldMs = performance.now() - start;
  for (let i = 0; i < warmups; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { rows, coldMs, medianMs: times[Math.floor(runs / 2)] ?? 0, p95Ms: times[Math.floor(runs * 0.95)] ?? 0 };
}

/**
 * The same table checked again and again, as a learner checks after editing a row: the texts of
 * unchanged rows are read once (see `readText`), so this measures a re-check.
 */
export function timeStrideGrading(runs = 500): GradingTiming {
  const rubric = loadStrideKey('stride-medical-imaging');
  const answers = fortyRows(rubric);
  return time(() => gradeStrideTable(rubric, answers), answers.rows.length, runs);
}

/**
 * A table whose every row is new at each check (each text gets a word of its own), so nothing
 * read before helps: the first check of a table.
 */
export function timeStrideGradingNewRows(runs = 300): GradingTiming {
  const rubric = loadStrideKey('stride-medical-imaging');
  const answers = fortyRows(rubric);
  const tables = Array.from({ length: runs + 31 }, (_, n) => ({
    ...answers,
    rows: answers.rows.map((row) => ({
      ...row,
      threat: `${row.threat} (case ${n})`,
      impact: `${row.impact} (case ${n})`,
      mitigation: `${row.mitigation} (case ${n})`,
    })),
  }));
  let next = 0;
  return time(() => gradeStrideTable(rubric, tables[next++ % tables.length] ?? answers), answers.rows.length, runs);
}

/** Times the AI RMF grader on the reference analysis (every subcategory, three priorities, a full summary). */
export function timeRmfGrading(runs = 500): GradingTiming {
  const { rubric, scenario } = loadRmfContent();
  const answers = rmfReferenceAnswers(rubric);
  const options = rmfGradingContext(scenario, loadCatalogFiles());
  return time(() => gradeRmfGap(rubric, answers, options), answers.assessments.length, runs);
}

/** Times the ATLAS simulation grader on the reference engagement plus a dozen wrong or extra techniques. */
export function timeAtlasGrading(runs = 500): GradingTiming {
  const rubric = loadRubric('atlas-fraud-simulation');
  const { catalog } = atlasGradingContext(scenarioOf('atlas-fraud-simulation'), loadCatalogFiles());
  const reference = atlasReferenceAnswers(rubric, catalog);
  const extra = catalog.techniques
    .slice(0, 12)
    .map((t) => ({ technique: t.id, rationale: 'Probably relevant to the attack on this model.' }));
  const answers = { ...reference, chain: [...reference.chain, ...extra] };
  return time(() => gradeAtlasSimulation(rubric, answers, { catalog }), answers.chain.length, runs);
}

/**
 * Times grading at the editor's own limits: 200 rows, each field 4,000 characters of varied
 * words. `bounded` grades as the site does (each field read up to GRADED_CHARS); unbounded reads
 * every character, for comparison.
 */
export function timeStrideAtLimits(bounded: boolean, runs = 7): GradingTiming {
  const rubric = loadStrideKey('stride-medical-imaging');
  const reference = strideReferenceAnswers(rubric);
  const words = [...new Set(reference.rows.flatMap((r) => `${r.threat} ${r.impact} ${r.mitigation}`.split(/\s+/)))];
  let seed = 7;
  const field = () => {
    let text = '';
    while (text.length < 4000) {
      seed = (seed * 48271) % 2147483647;
      text += `${words[seed % words.length] ?? 'x'} `;
    }
    return text.slice(0, 4000);
  };
  const rows: StrideRow[] = Array.from({ length: 200 }, (_, i) => ({
    component: reference.components[i % reference.components.length] ?? 'monitoring',
    category: 'T',
    threat: field(),
    impact: field(),
    likelihood: 2,
    severity: 3,
    mitigation: field(),
  }));
  const answers: StrideAnswers = { ...reference, rows };
  // The kind's own grading, as the browser and the CLIs call it, with and without the bound.
  const context = strideKind.gradingContext(scenarioOf('stride-medical-imaging'), loadCatalogFiles());
  const run = bounded
    ? () => gradeBounded(strideKind, rubric, answers, context)
    : () => strideKind.grade(rubric, answers, context);
  return time(run, rows.length, runs, 2);
}

/**
 * Times grading an ATLAS simulation whose learner recorded 20 range runs, replays included (the
 * site replays before it grades): both attack routes, with and without defenses, two seeds, as a
 * learner trying settings would. Each timing starts cold: no range baseline, no replay cached.
 */
export function timeAtlasReplays(
  runs = 5,
): GradingTiming & { recorded: number; replayed: number; gradeOnlyMs: number } {
  const rubric = loadRubric('atlas-fraud-simulation');
  const { catalog } = atlasGradingContext(scenarioOf('atlas-fraud-simulation'), loadCatalogFiles());
  const attacks: RangeConfig['attack'][] = [
    { kind: 'evasion-auto', budget: 60, pace: 10 },
    { kind: 'poison-backdoor', budget: 20, pace: 10, poisonRate: 0.03 },
    { kind: 'poison-label-flip', budget: 20, pace: 10, poisonRate: 0.02 },
    { kind: 'proxy', budget: 40, pace: 60 },
  ];
  const defenses: RangeConfig['defenses'][] = [
    [],
    ['AML.M0004'],
    ['AML.M0015', 'AML.M0024'],
    ['AML.M0007', 'drift'],
    ['AML.M0003'],
  ];
  const configs = Array.from({ length: 20 }, (_, i): RangeConfig => ({
    ...DEFAULT_CONFIG,
    seed: i < 15 ? DEFAULT_CONFIG.seed : DEFAULT_CONFIG.seed + 1,
    attack: attacks[i % attacks.length] ?? DEFAULT_CONFIG.attack,
    defenses: defenses[Math.floor(i / attacks.length) % defenses.length] ?? [],
  }));
  const recorded = configs.map((c) => runRecord(runRange(c), new Date('2026-12-06T10:00:00Z')));
  const answers = { ...atlasReferenceAnswers(rubric, catalog, recorded) };
  let replayed = 0;
  const timing = time(
    () => {
      clearRangeCache();
      clearReplayCache();
      const replays = replayRunsNow(answers.runs, runRange);
      replayed = replays.filter((r) => r.status !== 'not-replayed').length;
      gradeAtlasSimulation(rubric, answers, { catalog, replays });
    },
    answers.chain.length,
    runs,
    0,
  );
  const replays = replayRunsNow(answers.runs, runRange);
  const gradeOnly = time(() => gradeAtlasSimulation(rubric, answers, { catalog, replays }), answers.chain.length, 200);
  return { ...timing, recorded: recorded.length, replayed, gradeOnlyMs: gradeOnly.medianMs };
}
