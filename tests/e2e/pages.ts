/**
 * The built site's pages, read from dist/, grouped by the `data-page-type` each layout sets.
 * While the site is small every page is tested; once a type has many pages, a sample is.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface SitePage {
  /** URL path relative to the base, e.g. "learn/" or "404.html". */
  path: string;
  pageType: string;
}

const DIST = 'dist';
const PER_TYPE_SAMPLE = 5;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

export function sitePages(): SitePage[] {
  return htmlFiles(DIST)
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const rel = path.relative(DIST, file).split(path.sep).join('/');
      return {
        path: rel === 'index.html' ? '' : rel.replace(/index\.html$/, ''),
        pageType: /<body[^>]*data-page-type="([^"]+)"/.exec(html)?.[1] ?? 'unknown',
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Every page while few; otherwise an evenly spread sample of each page type. */
export function pagesToCheck(): SitePage[] {
  const byType = new Map<string, SitePage[]>();
  for (const page of sitePages()) byType.set(page.pageType, [...(byType.get(page.pageType) ?? []), page]);
  return [...byType.values()].flatMap((pages) => {
    if (pages.length <= PER_TYPE_SAMPLE) return pages;
    const step = pages.length / PER_TYPE_SAMPLE;
    return Array.from({ length: PER_TYPE_SAMPLE }, (_, i) => pages[Math.floor(i * step)] as SitePage);
  });
}
