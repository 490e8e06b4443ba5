/**
 * The "What changed" page's data (src/lib/catalog/changes.ts) and the build's check of the IDs a
 * page shows (scripts/lib/page-ids.ts).
 */
import { describe, expect, it } from 'vitest';
import { atlasChanges, owaspRenumbering } from '../../src/lib/catalog/changes';
import { createCatalog } from '../../src/lib/catalog/catalog';
import { loadCatalog } from '../../scripts/lib/catalog';
import { pageIdProblems, visibleText } from '../../scripts/lib/page-ids';

const catalog = loadCatalog();

describe('what changed in ATLAS', () => {
  const changes = atlasChanges(catalog);

  it('counts each kind of entry before and after, from the catalog and its record of changes', () => {
    expect(changes?.from).toBe('5.6.0');
    expect(changes?.to).toBe('2026.09');
    expect(changes?.counts).toEqual([
      { what: 'Tactics', before: 16, after: 16 },
      { what: 'Techniques', before: 101, after: 120 },
      { what: 'Sub-techniques', before: 69, after: 88 },
      { what: 'Mitigations', before: 35, after: 40 },
      { what: 'Case studies', before: 57, after: 73 },
    ]);
  });

  it('lists removed IDs with successors, renamed items by kind, moved columns and every addition', () => {
    expect(changes?.removed.map((r) => `${r.id}>${r.replacedBy.join()}`)).toEqual([
      'AML.T0019>AML.T0115.000',
      'AML.T0058>AML.T0115.001',
      'AML.T0104>AML.T0115.002',
    ]);
    expect(changes?.renamed[0]).toEqual({
      id: 'AML.TA0001',
      kind: 'tactic',
      from: 'AI Attack Staging',
      to: 'AI Attack Adaptation',
    });
    expect(changes?.renamed.find((r) => r.id === 'AML.M0004')?.kind).toBe('mitigation');
    expect(changes?.columns?.after.indexOf('AML.TA0001')).toBe(2);
    expect(changes?.columns?.before.indexOf('AML.TA0001')).toBe(12);
    expect(changes?.techniques).toHaveLength(41);
    expect(changes?.techniques.find((t) => t.id === 'AML.T0115.001')?.name).toBe(
      'Publish Poisoned AI Artifacts: Models',
    );
    expect(changes?.mitigations.map((m) => m.id)).toEqual([
      'AML.M0035',
      'AML.M0036',
      'AML.M0037',
      'AML.M0038',
      'AML.M0039',
    ]);
    expect(changes?.caseStudies).toHaveLength(16);
    const dates = changes?.caseStudies.map((c) => c.date) ?? [];
    expect(dates).toEqual([...dates].sort());
    expect(changes?.moved.find((m) => m.id === 'AML.T0065')).toEqual({
      id: 'AML.T0065',
      added: ['AML.TA0001'],
      removed: ['AML.TA0003'],
    });
  });

  it('has nothing to say when the catalog records no previous release', () => {
    const atlas = { ...catalog.atlas };
    delete atlas.changes;
    const first = createCatalog({ atlas, rmf: catalog.rmf, owasp: catalog.owasp, stride: catalog.stride });
    expect(atlasChanges(first)).toBeUndefined();
  });
});

describe('OWASP LLM renumbering', () => {
  const llm = catalog.owasp.find((f) => f.framework === 'owasp-llm');
  const current = llm?.editions.find((e) => e.year === '2026');
  const previous = llm?.editions.find((e) => e.year === '2025');
  if (!current || !previous) throw new Error('no LLM editions');
  const { rows, dropped } = owaspRenumbering(current, previous);

  it('pairs each 2026 entry with its closest 2025 entry and names the change', () => {
    expect(rows).toHaveLength(10);
    expect(rows.find((r) => r.current === 'LLM01:2026')).toMatchObject({
      previous: 'LLM01:2025',
      change: 'same number',
    });
    expect(rows.find((r) => r.current === 'LLM03:2026')).toMatchObject({
      previous: 'LLM06:2025',
      change: 'renumbered',
    });
    expect(rows.find((r) => r.current === 'LLM08:2026')).toMatchObject({
      previous: 'LLM07:2025',
      change: 'renumbered and renamed',
    });
    expect(dropped).toEqual([]);
  });

  it('calls an entry without counterpart new, and lists a previous entry nothing continues', () => {
    const [first, ...rest] = current.items;
    if (!first) throw new Error('empty edition');
    const result = owaspRenumbering({ ...current, items: [{ ...first, counterpart: undefined }, ...rest] }, previous);
    expect(result.rows[0]?.change).toBe('new entry');
    expect(result.dropped.map((d) => d.id)).toEqual([first.counterpart]);
  });
});

describe('IDs on a built page', () => {
  const page = (body: string) =>
    `<html><head><title>t</title><script>const x = "AML.T9999";</script></head><body><main>${body}</main></body></html>`;

  it('reads only what a reader sees: no tags, attributes, scripts or styles; entities decoded', () => {
    expect(visibleText('<a href="/x/AML.T0058/" data-search="aml.t0058">Models</a> &amp; <b>AML&#46;T0040</b>')).toBe(
      ' Models  &  AML.T0040 ',
    );
  });

  it('passes current IDs and IDs in attributes or scripts', () => {
    expect(
      pageIdProblems(
        page('<p>AML.T0040 and <a href="/reference/atlas/techniques/AML.T0058/">old</a></p>'),
        '/learn/x/',
        catalog,
      ),
    ).toEqual([]);
  });

  it('fails an unknown ID anywhere, and a removed ID outside its own page and the What changed page', () => {
    const html = page('<p>AML.T0058 and AML.T0999</p>');
    expect(pageIdProblems(html, '/learn/x/', catalog)).toEqual([
      '/learn/x/: AML.T0058 (Publish Poisoned Models) was removed in ATLAS 2026.07; cite AML.T0115.001 (Publish Poisoned AI Artifacts: Models) instead.',
      '/learn/x/: AML.T0999 is not in ATLAS 2026.09.',
    ]);
    expect(pageIdProblems(html, '/reference/what-changed/', catalog)).toEqual([
      '/reference/what-changed/: AML.T0999 is not in ATLAS 2026.09.',
    ]);
    expect(pageIdProblems(page('<p>AML.T0058</p>'), '/reference/atlas/techniques/AML.T0058/', catalog)).toEqual([]);
    // One removed ID's page is not a licence for another's.
    expect(pageIdProblems(page('<p>AML.T0019</p>'), '/reference/atlas/techniques/AML.T0058/', catalog)).toHaveLength(1);
  });
});
