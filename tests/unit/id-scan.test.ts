/**
 * Every framework ID the site mentions exists in the catalog, and every OWASP ID carries its
 * edition. Scans all content and all source files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanIds } from '../../src/lib/catalog/ids';
import { loadCatalog } from '../../scripts/lib/catalog';

const catalog = loadCatalog();
const EXTENSIONS = /\.(mdx|md|ya?ml|json|ts|tsx|astro|mjs)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return files(full);
    return EXTENSIONS.test(d.name) ? [full] : [];
  });
}

/** The catalog's own record of removed IDs (its `retired` list and `changes`): the one file they may appear in. */
const CATALOG = path.join('content', 'catalog', 'atlas.yaml');

function problemsIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const history = file === CATALOG ? text.search(/^retired:/m) : -1;
  return scanIds(text).flatMap(({ id, shape, index }) => {
    if (history >= 0 && index > history && catalog.retired(id)) return [];
    const line = text.slice(0, index).split('\n').length;
    if ((shape === 'owasp-llm' || shape === 'owasp-ml') && !id.includes(':')) {
      return [`${file}:${line}: ${id} is written without its edition`];
    }
    const why = catalog.explain(id);
    return why ? [`${file}:${line}: ${why}`] : [];
  });
}

describe('framework IDs in content and source', () => {
  const scanned = [...files('content'), ...files('src')];

  it('scans the whole tree', () => {
    expect(scanned.length).toBeGreaterThan(50);
  });

  it('are all in the catalog, and OWASP IDs carry their edition', () => {
    expect(scanned.flatMap(problemsIn)).toEqual([]);
  });

  it("finds a removed ID anywhere but the catalog's own record of it", () => {
    expect(catalog.explain('AML.T0058')).toBe(
      'AML.T0058 (Publish Poisoned Models) was removed in ATLAS 2026.07; cite AML.T0115.001 (Publish Poisoned AI Artifacts: Models) instead.',
    );
    expect(readFileSync(CATALOG, 'utf8')).toMatch(/^retired:\n {2}- id: AML\.T0019$/m);
  });

  it('catches an unknown ID and an OWASP ID without edition', () => {
    const scan = (text: string) =>
      scanIds(text).map(({ id, shape }) =>
        (shape === 'owasp-llm' || shape === 'owasp-ml') && !id.includes(':')
          ? 'no edition'
          : (catalog.explain(id) ?? 'ok'),
      );
    expect(scan('AML.T0040 and AML.T0999 and LLM06 and MANAGE 4.4')).toEqual([
      'ok',
      'AML.T0999 is not in ATLAS 2026.09.',
      'no edition',
      'MANAGE 4.4 does not exist; MANAGE 4 has 4.1–4.3.',
    ]);
  });
});
