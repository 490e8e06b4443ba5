/**
 * `npm run bench`: builds the site (timing it) and prints, per page type, the JavaScript each page
 * loads: inline scripts plus external modules with everything they import statically, islands
 * included. Modules loaded only by dynamic import() are listed apart as "lazy". Later issues add
 * their own figures (grading time, range run time) below.
 *
 *   npm run bench                 build, then measure
 *   npm run bench -- --reuse      measure the existing dist/ (no build time)
 *   npm run bench -- --check      exit 1 when a page is over its budget
 *   npm run bench -- --no-lighthouse   skip the Lighthouse runs (about 10 s a page)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  timeAtlasGrading,
  timeAtlasReplays,
  timeRmfGrading,
  timeStrideAtLimits,
  timeStrideGrading,
  timeStrideGradingNewRows,
} from './lib/grading-bench';
import { runLighthouse } from './lib/lighthouse';
import { timeRangeRun } from './lib/range-bench';
import { measureSite, type PageTypeFigures } from './lib/page-weight';

const args = new Set(process.argv.slice(2));
const dist = 'dist';

function build(): number {
  const start = performance.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: false,
  });
  if (result.status !== 0) {
    console.error('Build failed; nothing measured.');
    process.exit(result.status ?? 1);
  }
  return (performance.now() - start) / 1000;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

let buildSeconds: number | undefined;
if (!args.has('--reuse') || !existsSync(dist)) buildSeconds = build();

const figures: PageTypeFigures[] = measureSite(dist);
const rows = figures.map((f) => ({
  'page type': f.pageType,
  pages: f.pages,
  'JS raw (max)': kb(f.maxRaw),
  'JS gzip (max)': kb(f.maxGzip),
  'lazy gzip': kb(f.lazyGzip),
  budget: f.budget === undefined ? '-' : kb(f.budget),
  verdict: f.budget === undefined ? '' : f.maxGzip <= f.budget ? 'within' : 'OVER',
  'heaviest page': f.heaviestPage,
}));

console.log('\nJavaScript per page (inline + external + islands, static imports followed; gzip per file)');
console.table(rows);
console.log(
  buildSeconds === undefined
    ? 'Build time: not measured (--reuse)'
    : `Build time (astro build + pagefind): ${buildSeconds.toFixed(1)} s (budget 60 s)`,
);

const grading = timeStrideGrading();
const newRows = timeStrideGradingNewRows();
console.log(
  `\nGrading a ${grading.rows}-row STRIDE table in Node, checked again unchanged: median ${grading.medianMs.toFixed(3)} ms, p95 ${grading.p95Ms.toFixed(3)} ms, first run ${grading.coldMs.toFixed(1)} ms (budget: median < 2 ms)`,
);
console.log(
  `Grading a ${newRows.rows}-row STRIDE table whose every row is new: median ${newRows.medianMs.toFixed(3)} ms, p95 ${newRows.p95Ms.toFixed(3)} ms (budget: median < 2 ms)`,
);
const [bounded, unbounded] = [timeStrideAtLimits(true), timeStrideAtLimits(false)];
console.log(
  `Grading at the editor's limits (${bounded.rows} rows, three 4,000-character fields each) in Node: median ${bounded.medianMs.toFixed(0)} ms with fields read up to 1,500 characters as the site does (${unbounded.medianMs.toFixed(0)} ms reading every character)`,
);
const rmfGrading = timeRmfGrading();
console.log(
  `Grading an AI RMF gap analysis (${rmfGrading.rows} assessments, 3 priorities, a summary) in Node: median ${rmfGrading.medianMs.toFixed(3)} ms, p95 ${rmfGrading.p95Ms.toFixed(3)} ms, first run ${rmfGrading.coldMs.toFixed(1)} ms`,
);

const atlasGrading = timeAtlasGrading();
console.log(
  `Grading an ATLAS simulation (${atlasGrading.rows}-technique chain, rules, runs, defenses, plan) in Node: median ${atlasGrading.medianMs.toFixed(3)} ms, p95 ${atlasGrading.p95Ms.toFixed(3)} ms, first run ${atlasGrading.coldMs.toFixed(1)} ms`,
);

const replaying = timeAtlasReplays();
console.log(
  `Checking an ATLAS simulation with ${replaying.recorded} recorded runs in Node (${replaying.replayed} replayed, from cold, then graded): median ${replaying.medianMs.toFixed(0)} ms (budget < 500 ms, a full range run's), slowest ${replaying.p95Ms.toFixed(0)} ms; grading alone ${replaying.gradeOnlyMs.toFixed(3)} ms. On the page the replays run in the range's worker.`,
);

const range = timeRangeRun();
console.log(
  `Cyber range, full run in Node (generate + train on 20,000 transactions, ${range.queries} attack queries, customers' traffic, adversarial retrain): median ${range.medianMs.toFixed(0)} ms (train ${range.trainMs.toFixed(0)}, attack ${range.attackMs.toFixed(0)}, retrain ${range.retrainMs.toFixed(0)}), p95 ${range.p95Ms.toFixed(0)} ms, first run ${range.coldMs.toFixed(0)} ms (budget < 500 ms)`,
);

/** One page of each kind Lighthouse budgets name: text pages must score 100 in every category. */
const LIGHTHOUSE_PAGES = [
  '',
  'learn/',
  'learn/beginner/start-here/',
  'about/',
  'progress/',
  'reference/atlas/',
  'reference/atlas/techniques/AML.T0040/',
  'reference/atlas/techniques/AML.T0058/',
  'reference/what-changed/',
  'reference/stride-ai/',
  'projects/stride-medical-imaging/',
  'projects/rmf-chatbot-gap/',
  'projects/atlas-fraud-simulation/',
  'labs/',
  'labs/forklift-safety-camera/',
  'labs/credit-scoring-fairness/',
  'labs/browsing-agent-incident/',
  'interview/',
  'interview/drill/',
  'interview/flashcards/',
];
let lighthouseShort: string[] = [];
if (!args.has('--no-lighthouse')) {
  const scores = await runLighthouse(LIGHTHOUSE_PAGES);
  console.log(
    '\nLighthouse 12.2.3, mobile (budget: 100 in every category on text pages; projects and labs: performance >= 95, the rest 100)',
  );
  console.table(scores);
  lighthouseShort = scores
    .filter(
      (s) =>
        (/^\/(projects|labs)\/./.test(s.path) ? s.performance < 95 : s.performance < 100) ||
        Math.min(s.accessibility, s.bestPractices, s.seo) < 100,
    )
    .map((s) => s.path);
}

const over = figures.filter((f) => f.budget !== undefined && f.maxGzip > f.budget);
if (
  args.has('--check') &&
  (over.length > 0 ||
    lighthouseShort.length > 0 ||
    grading.medianMs >= 2 ||
    newRows.medianMs >= 2 ||
    range.medianMs >= 500 ||
    replaying.medianMs >= 500 ||
    (buildSeconds ?? 0) > 60)
) {
  console.error(
    `Over budget: ${[...over.map((f) => f.pageType), ...lighthouseShort, ...((buildSeconds ?? 0) > 60 ? ['build time'] : []), ...(grading.medianMs >= 2 || newRows.medianMs >= 2 ? ['STRIDE grading'] : []), ...(range.medianMs >= 500 ? ['range run'] : []), ...(replaying.medianMs >= 500 ? ['replays'] : [])].join(', ')}`,
  );
  process.exit(1);
}
