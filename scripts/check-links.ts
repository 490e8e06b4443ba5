/**
 * `npm run test:links`: every internal link, script, stylesheet, image and form target in the
 * built site resolves to a file (and every #fragment to an element id), both in dist/ (served at
 * /) and in a second build served under a sub-path (BASE_PATH=/lab/, as on GitHub Pages).
 * Nothing may load from another origin; outbound <a> links to cited sources are allowed. No
 * element may carry an inline style attribute, which the site's CSP blocks.
 *
 *   npm run test:links                 check dist/, then build and check dist-lab/
 *   npm run test:links -- --no-subpath check dist/ only
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface Problem {
  page: string;
  message: string;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** The page's URL path as a static host serves it, e.g. dist/learn/index.html -> /learn/. */
function pageUrl(dist: string, file: string, base: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  return base + rel.replace(/(^|\/)index\.html$/, '$1');
}

/** The file a URL path maps to, as a static host would resolve it. */
function fileFor(dist: string, base: string, urlPath: string): string | undefined {
  const rel = decodeURIComponent(urlPath.slice(base.length));
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`, `${rel}.html`];
  return candidates.map((c) => path.join(dist, c)).find((c) => existsSync(c) && statSync(c).isFile());
}

const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
    idCache.set(file, ids);
  }
  return ids;
}

const ATTRIBUTE = /<([a-z][a-z0-9-]*)\b[^>]*?\s(href|src|action|component-url|renderer-url|poster)="([^"]*)"/gi;

/** What is wrong with a same-origin link, or undefined when it resolves (file and #fragment). */
function targetProblem(dist: string, base: string, url: URL, what: string): string | undefined {
  if (!url.pathname.startsWith(base)) return `${what} points outside the base path ${base}`;
  const target = fileFor(dist, base, url.pathname);
  if (!target) return `${what} has no file behind it`;
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment))
    return `${what}: no element with id "${fragment}"`;
  return undefined;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : jsonFiles(full);
    return name === 'rubric.json' ? [full] : [];
  });
}

/** Every string under a "learn" or "see" key, at any depth. */
function linksIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(linksIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    (key === 'learn' || key === 'see') && typeof inner === 'string' ? [inner] : linksIn(inner),
  );
}

export function checkSite(dist: string, base: string): Problem[] {
  const problems: Problem[] = [];
  const site = new URL(`http://site.test${base}`);
  for (const file of htmlFiles(dist)) {
    const page = pageUrl(dist, file, base);
    const html = readFileSync(file, 'utf8');
    // The CSP allows no inline style attribute: the browser would drop the styling and log a violation.
    const styled = [...html.matchAll(/<([a-z][a-z0-9-]*)\b[^>]*?\sstyle="/gi)].map((m) => m[1] ?? '');
    if (styled.length > 0)
      problems.push({
        page,
        message: `${styled.length} inline style attribute${styled.length === 1 ? '' : 's'} (first on <${styled[0]}>), which the CSP blocks: use classes`,
      });
    for (const match of html.matchAll(ATTRIBUTE)) {
      const [, tag = '', attribute = '', raw = ''] = match;
      const value = raw.replaceAll('&amp;', '&');
      if (value === '' || value.startsWith('data:') || value.startsWith('mailto:')) continue;
      const url = new URL(value, new URL(page, site));
      if (url.origin !== site.origin) {
        // Citing a source is fine; loading anything from elsewhere is not.
        if (!(tag.toLowerCase() === 'a' && attribute === 'href')) {
          problems.push({ page, message: `<${tag} ${attribute}="${value}"> loads from another origin` });
        }
        continue;
      }
      const problem = targetProblem(dist, base, url, `${attribute}="${value}"`);
      if (problem) problems.push({ page, message: problem });
    }
  }
  // Answer keys (fetched when a learner checks) link each feedback item to a lesson and a reference page.
  for (const file of jsonFiles(dist)) {
    const page = pageUrl(dist, file, base);
    for (const link of linksIn(JSON.parse(readFileSync(file, 'utf8')) as unknown)) {
      const problem = targetProblem(
        dist,
        base,
        new URL(base + link.replace(/^\//, ''), site),
        `feedback link "${link}"`,
      );
      if (problem) problems.push({ page, message: problem });
    }
  }
  if (!existsSync(path.join(dist, 'pagefind', 'pagefind.js'))) {
    problems.push({
      page: '(site)',
      message: 'no search index (pagefind/pagefind.js): run the build with its postbuild step',
    });
  }
  return problems;
}

function report(label: string, problems: Problem[]): boolean {
  if (problems.length === 0) {
    console.log(`${label}: all internal links resolve.`);
    return true;
  }
  console.error(`${label}: ${problems.length} broken link(s):`);
  for (const p of problems) console.error(`  ${p.page}: ${p.message}`);
  return false;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync('dist')) {
    console.error('No dist/: run `npm run build` first.');
    process.exit(2);
  }
  let ok = report('dist/ (base /)', checkSite('dist', '/'));
  if (!process.argv.includes('--no-subpath')) {
    console.log('Building under the sub-path /lab/ into dist-lab/ ...');
    run('npx', ['astro', 'build', '--outDir', 'dist-lab', '--silent'], { ...process.env, BASE_PATH: '/lab/' });
    run('npx', ['pagefind', '--site', 'dist-lab', '--silent']);
    ok = report('dist-lab/ (base /lab/)', checkSite('dist-lab', '/lab/')) && ok;
  }
  process.exit(ok ? 0 : 1);
}
