/**
 * `npm run bench`: builds the site (timing it) and prints, per page type, the JavaScript each page
 * loads: inline scripts plus external modules with everything they import statically, islands
 * included. Modules loaded only by dynamic import() are listed apart as "lazy". Later issues add
 * their own figures (grading time, range run time) below.
 *
 *   npm run bench                 build, then measure
 *   npm run bench -- --reuse      measure the existing dist/ (no build time)
 *   npm run bench -- --check      exit 1 when a page is over its budget
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { measureSite, type PageTypeFigures } from './lib/page-weight';

const args = new Set(process.argv.slice(2));
const dist = 'dist';

function build(): number {
  const start = performance.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], shell: false });
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

const over = figures.filter((f) => f.budget !== undefined && f.maxGzip > f.budget);
if (args.has('--check') && (over.length > 0 || (buildSeconds ?? 0) > 60)) {
  console.error(`Over budget: ${over.map((f) => f.pageType).join(', ') || 'build time'}`);
  process.exit(1);
}
