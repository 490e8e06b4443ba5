import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../scripts/check-links';
import { budgetFor, measurePage } from '../../scripts/lib/page-weight';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aitm-site-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('link checker', () => {
  it('accepts a site whose links resolve under its base', () => {
    const dir = site({
      'index.html':
        '<a href="/lab/learn/">Learn</a><a href="/lab/learn/#top">Top</a><script src="/lab/_astro/a.js"></script><a href="https://atlas.mitre.org/">ATLAS</a>',
      'learn/index.html': '<h1 id="top">Learn</h1><a href="../">Home</a>',
      '_astro/a.js': '',
      'pagefind/pagefind.js': '',
    });
    expect(checkSite(dir, '/lab/')).toEqual([]);
  });

  it('reports missing pages, missing anchors, links outside the base and foreign scripts', () => {
    const dir = site({
      'index.html':
        '<a href="/lab/nowhere/">x</a><a href="/lab/#missing">y</a><a href="/learn/">z</a><script src="https://cdn.example.com/x.js"></script>',
      'pagefind/pagefind.js': '',
    });
    expect(checkSite(dir, '/lab/').map((p) => p.message)).toEqual([
      'href="/lab/nowhere/" has no file behind it',
      'href="/lab/#missing": no element with id "missing"',
      'href="/learn/" points outside the base path /lab/',
      '<script src="https://cdn.example.com/x.js"> loads from another origin',
    ]);
  });

  it('checks the lesson and reference links inside answer keys', () => {
    const dir = site({
      'learn/a/index.html': '<h2 id="poisoning">Poisoning</h2>',
      'projects/p/rubric.json': JSON.stringify({
        threats: [{ learn: '/learn/a/#poisoning', see: '/reference/x/' }, { learn: '/learn/a/#gone' }],
      }),
      'pagefind/pagefind.js': '',
    });
    expect(checkSite(dir, '/lab/').map((p) => p.message)).toEqual([
      'feedback link "/reference/x/" has no file behind it',
      'feedback link "/learn/a/#gone": no element with id "gone"',
    ]);
  });

  it('reports inline style attributes, which the CSP blocks, once per page', () => {
    const dir = site({
      'index.html': '<pre style="background:#000"><span style="color:red">x</span></pre><p data-style="ok">y</p>',
      'pagefind/pagefind.js': '',
    });
    expect(checkSite(dir, '/').map((p) => p.message)).toEqual([
      '2 inline style attributes (first on <pre>), which the CSP blocks: use classes',
    ]);
  });

  it('requires the search index', () => {
    expect(checkSite(site({ 'index.html': '<p>hi</p>' }), '/').map((p) => p.message)).toEqual([
      'no search index (pagefind/pagefind.js): run the build with its postbuild step',
    ]);
  });
});

describe('page weight', () => {
  it('counts inline scripts, external modules and what they import, and lists lazy chunks apart', () => {
    const main = 'import{a}from"./shared.js";import("./lazy.js");';
    const shared = 'export const a=1;'.repeat(20);
    const lazy = 'export const l=2;';
    const dir = site({ '_astro/main.js': main, '_astro/shared.js': shared, '_astro/lazy.js': lazy });
    const inline = 'console.log(1)';
    const html = `<script>${inline}</script><script type="application/json">{"not":"code"}</script><script type="module" src="/_astro/main.js"></script>`;
    const measured = measurePage(html, dir, '/');
    expect(measured.raw).toBe(inline.length + main.length + shared.length);
    expect(measured.gzip).toBe(gzipSync(inline).length + gzipSync(main).length + gzipSync(shared).length);
    expect(measured.lazyGzip).toBe(gzipSync(lazy).length);
    expect(measured.hasIslands).toBe(false);
  });

  it('applies the budgets from DESIGN.md', () => {
    expect(budgetFor('about', false)).toBe(3 * 1024);
    expect(budgetFor('atlas-matrix', false)).toBe(10 * 1024);
    expect(budgetFor('lesson', true)).toBe(20 * 1024);
    expect(budgetFor('project', true)).toBe(60 * 1024);
  });
});
