/**
 * Measures the JavaScript each built page loads. Reads HTML and JS files as text: inline scripts,
 * <script src>, island component and renderer URLs, then follows static imports between chunks.
 * Dynamic import() targets are collected separately as lazy code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Figures for one page type, taken from its heaviest page. */
export interface PageTypeFigures {
  pageType: string;
  pages: number;
  maxRaw: number;
  maxGzip: number;
  /** Gzip bytes reachable only through dynamic import() from the heaviest page. */
  lazyGzip: number;
  /** Budget in bytes (gzip), when DESIGN.md or we set one. */
  budget: number | undefined;
  heaviestPage: string;
  hasIslands: boolean;
}

const KB = 1024;

/** DESIGN.md budgets: pages without islands 3 KB, lessons with checks 20 KB, projects 60 KB. */
export function budgetFor(pageType: string, hasIslands: boolean): number | undefined {
  // The ATLAS matrix's filter: issue 3 caps the page at 10 KB with its filter script.
  if (pageType === 'atlas-matrix') return 10 * KB;
  if (!hasIslands) return 3 * KB;
  // A lab is a short project: the same exercise code, the same budget.
  if (pageType === 'project' || pageType === 'lab') return 60 * KB;
  // Lessons with checks have 20 KB; we hold other island pages (home, progress, search) to the same.
  return 20 * KB;
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'pagefind') out.push(...htmlFiles(full));
    } else if (name.endsWith('.html')) out.push(full);
  }
  return out;
}

const gz = (text: string | Buffer) => gzipSync(text).length;

interface ScriptSet {
  files: Set<string>;
  lazy: Set<string>;
}

/** Follows static imports from `file`, adding every module to `set.files`, dynamic ones to `set.lazy`. */
function follow(file: string, set: ScriptSet, lazyOnly = false): void {
  const target = lazyOnly ? set.lazy : set.files;
  if (set.files.has(file) || target.has(file)) return;
  target.add(file);
  const code = readFileSync(file, 'utf8');
  const dir = path.dirname(file);
  for (const match of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    follow(path.resolve(dir, match[1] ?? ''), set, lazyOnly);
  }
  for (const match of code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)) {
    follow(path.resolve(dir, match[1] ?? ''), set, true);
  }
}

export function measurePage(
  html: string,
  dist: string,
  base: string,
): { raw: number; gzip: number; lazyGzip: number; hasIslands: boolean } {
  const inline = [
    ...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g),
  ]
    .map((m) => m[1] ?? '')
    .join('\n');
  const urls = [
    ...[...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? ''),
    ...[...html.matchAll(/\b(?:component|renderer|before-hydration)-url="([^"]+)"/g)].map((m) => m[1] ?? ''),
  ].filter((u) => u !== '');
  const set: ScriptSet = { files: new Set(), lazy: new Set() };
  for (const url of urls) {
    const local = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
    follow(path.resolve(dist, local), set);
  }
  let raw = Buffer.byteLength(inline);
  let gzip = inline ? gz(inline) : 0;
  for (const file of set.files) {
    const content = readFileSync(file);
    raw += content.length;
    gzip += gz(content);
  }
  let lazyGzip = 0;
  for (const file of set.lazy) if (!set.files.has(file)) lazyGzip += gz(readFileSync(file));
  return { raw, gzip, lazyGzip, hasIslands: html.includes('<astro-island') };
}

export function measureSite(dist: string, base = process.env['BASE_PATH'] ?? '/'): PageTypeFigures[] {
  const byType = new Map<string, PageTypeFigures>();
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    const pageType = /<body[^>]*data-page-type="([^"]+)"/.exec(html)?.[1] ?? 'unknown';
    const page = measurePage(html, dist, base);
    const rel = `/${path.relative(dist, file).replace(/index\.html$/, '')}`;
    const current = byType.get(pageType);
    if (!current) {
      byType.set(pageType, {
        pageType,
        pages: 1,
        maxRaw: page.raw,
        maxGzip: page.gzip,
        lazyGzip: page.lazyGzip,
        budget: budgetFor(pageType, page.hasIslands),
        heaviestPage: rel,
        hasIslands: page.hasIslands,
      });
    } else {
      current.pages++;
      if (page.gzip > current.maxGzip) {
        Object.assign(current, {
          maxRaw: page.raw,
          maxGzip: page.gzip,
          lazyGzip: page.lazyGzip,
          heaviestPage: rel,
          hasIslands: page.hasIslands,
        });
        current.budget = budgetFor(pageType, page.hasIslands);
      }
    }
  }
  return [...byType.values()].sort((a, b) => a.pageType.localeCompare(b.pageType));
}
