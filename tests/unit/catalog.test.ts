import { describe, expect, it } from 'vitest';
import { normaliseId, scanIds } from '../../src/lib/catalog/ids';
import { hrefForId } from '../../src/lib/catalog/links';
import { haystackFor, matchesTechnique, queryTokens } from '../../src/lib/catalog/matrix-filter';
import { loadCatalog } from '../../scripts/lib/catalog';

const catalog = loadCatalog();
const { atlas, rmf, stride } = catalog;
const owasp = (framework: string, year: string) =>
  catalog.owasp.find((f) => f.framework === framework)?.editions.find((e) => e.year === year)?.items ?? [];

describe('catalog counts', () => {
  it('has ATLAS 2026.09 in full: 16 tactics, 208 techniques (120 + 88 sub-techniques), 40 mitigations, 73 case studies', () => {
    expect(atlas.version).toBe('2026.09');
    expect(atlas.tactics).toHaveLength(16);
    expect(atlas.techniques).toHaveLength(208);
    expect(atlas.techniques.filter((t) => !t.parent)).toHaveLength(120);
    expect(atlas.techniques.filter((t) => t.parent)).toHaveLength(88);
    expect(atlas.mitigations).toHaveLength(40);
    expect(atlas.caseStudies).toHaveLength(73);
  });

  it('remembers the three techniques 2026.07 removed, each with the AML.T0115 sub-technique that replaced it', () => {
    expect(atlas.retired.map((r) => [r.id, r.replacedBy, r.removedIn])).toEqual([
      ['AML.T0019', ['AML.T0115.000'], '2026.07'],
      ['AML.T0058', ['AML.T0115.001'], '2026.07'],
      ['AML.T0104', ['AML.T0115.002'], '2026.07'],
    ]);
    // No removed ID is still cited by the catalog's own relations.
    const cited = JSON.stringify([atlas.techniques, atlas.mitigations, atlas.caseStudies, catalog.owasp, stride]);
    for (const r of atlas.retired) expect(cited).not.toContain(`"${r.id}"`);
    expect(atlas.changes?.from).toBe('5.6.0');
    expect(atlas.changes?.renamed.find((r) => r.id === 'AML.TA0001')).toEqual({
      id: 'AML.TA0001',
      from: 'AI Attack Staging',
      to: 'AI Attack Adaptation',
    });
  });

  it('keeps the tactics in matrix order, AI Attack Adaptation third since 2026', () => {
    expect(atlas.tactics.map((t) => t.id)).toEqual([
      'AML.TA0002',
      'AML.TA0003',
      'AML.TA0001',
      'AML.TA0004',
      'AML.TA0000',
      'AML.TA0005',
      'AML.TA0006',
      'AML.TA0012',
      'AML.TA0007',
      'AML.TA0013',
      'AML.TA0008',
      'AML.TA0015',
      'AML.TA0009',
      'AML.TA0014',
      'AML.TA0010',
      'AML.TA0011',
    ]);
  });

  it('has the AI RMF 1.0 in full: 4 functions, 19 categories, 72 subcategories, and 12 GAI risks', () => {
    expect(rmf.functions).toHaveLength(4);
    expect(rmf.categories).toHaveLength(19);
    expect(rmf.subcategories).toHaveLength(72);
    const perFunction = (fn: string) => rmf.subcategories.filter((s) => s.id.startsWith(`${fn} `)).length;
    expect([perFunction('GOVERN'), perFunction('MAP'), perFunction('MEASURE'), perFunction('MANAGE')]).toEqual([
      19, 18, 22, 13,
    ]);
    expect(rmf.genaiRisks).toHaveLength(12);
  });

  it('has ten items in each OWASP list', () => {
    expect(owasp('owasp-ml', '2023')).toHaveLength(10);
    expect(owasp('owasp-llm', '2026')).toHaveLength(10);
    expect(owasp('owasp-llm', '2025')).toHaveLength(10);
    expect(owasp('owasp-agentic', '2026')).toHaveLength(10);
  });

  it('has the six STRIDE-AI categories with the property each violates', () => {
    expect(stride.categories.map((c) => `${c.letter} ${c.name}: ${c.property}`)).toEqual([
      'S Spoofing: Authenticity',
      'T Tampering: Integrity',
      'R Repudiation: Non-repudiation',
      'I Information disclosure: Confidentiality',
      'D Denial of service: Availability',
      'E Elevation of privilege: Authorization',
    ]);
  });
});

describe('catalog relations', () => {
  it('gives every sub-technique an existing parent and the parent’s tactics', () => {
    for (const t of atlas.techniques.filter((x) => x.parent)) {
      const parent = catalog.technique(t.parent ?? '');
      expect(parent, t.id).toBeDefined();
      expect(t.tactics).toEqual(parent?.tactics);
    }
  });

  it('resolves every technique a mitigation or case study names, and indexes mitigations both ways', () => {
    for (const m of atlas.mitigations) {
      for (const id of m.techniques) {
        expect(catalog.technique(id), `${m.id} -> ${id}`).toBeDefined();
        expect(catalog.mitigationsOf(id).map((x) => x.id)).toContain(m.id);
      }
    }
    for (const c of atlas.caseStudies)
      for (const id of c.techniques) expect(catalog.technique(id), `${c.id} -> ${id}`).toBeDefined();
  });

  it('links each LLM 2025 entry to its 2026 counterpart and back', () => {
    const items2025 = owasp('owasp-llm', '2025');
    for (const item of items2025) {
      const counterpart = catalog.owaspItem(item.counterpart ?? '');
      expect(counterpart?.id, item.id).toMatch(/^LLM\d{2}:2026$/);
      expect(counterpart?.counterpart).toBe(item.id);
    }
    expect(catalog.owaspItem('LLM06:2025')?.counterpart).toBe('LLM03:2026');
    expect(catalog.get('LLM03:2026')?.name).toBe('Excessive Agency');
    expect(catalog.owaspItem('LLM07:2025')?.counterpart).toBe('LLM08:2026');
  });

  it('resolves every ID the OWASP and STRIDE-AI mappings name', () => {
    for (const file of catalog.owasp) {
      for (const edition of file.editions)
        for (const item of edition.items)
          for (const id of item.atlas) expect(catalog.technique(id), `${item.id} -> ${id}`).toBeDefined();
    }
    for (const category of stride.categories) {
      for (const threat of category.threats) {
        for (const id of threat.atlas) expect(catalog.technique(id), `${threat.id} -> ${id}`).toBeDefined();
        for (const id of threat.mitigations) expect(catalog.mitigation(id), `${threat.id} -> ${id}`).toBeDefined();
        for (const id of threat.owasp) expect(catalog.get(id), `${threat.id} -> ${id}`).toBeDefined();
      }
    }
  });

  it('gives every item a summary of our own of reasonable length', () => {
    for (const entry of catalog.all()) {
      expect(entry.summary.split(/\s+/).length, entry.id).toBeGreaterThanOrEqual(8);
      expect(entry.summary.split(/\s+/).length, entry.id).toBeLessThanOrEqual(90);
    }
  });
});

describe('looking up and explaining IDs', () => {
  it('resolves an ID to its kind, current name and page', () => {
    expect(catalog.get('AML.T0040')).toMatchObject({
      kind: 'technique',
      name: 'AI Model Inference API Access',
      href: '/reference/atlas/techniques/AML.T0040/',
    });
    expect(catalog.get('AML.T0043.004')).toMatchObject({ kind: 'sub-technique', name: 'Insert Backdoor Trigger' });
    expect(catalog.get('MEASURE 2.7')).toMatchObject({
      kind: 'subcategory',
      href: '/reference/ai-rmf/measure/#measure-2-7',
    });
    expect(catalog.get('LLM03:2026')?.href).toBe('/reference/owasp/llm-top-10/#llm03-2026');
  });

  it('finds an item by a former ATLAS name', () => {
    expect(catalog.findByName('ML Model Inference API Access')?.id).toBe('AML.T0040');
    expect(catalog.findByName('ML Attack Staging')?.id).toBe('AML.TA0001');
  });

  it('explains wrong IDs the way a reviewer would', () => {
    expect(catalog.check('AML.TA0011', 'technique')).toEqual({
      ok: false,
      message: 'AML.TA0011 is a tactic (Impact), not a technique.',
    });
    expect(catalog.explain('AML.T9999')).toBe('AML.T9999 is not in ATLAS 2026.09.');
    expect(catalog.explain('MEASURE 2.14')).toBe('MEASURE 2.14 does not exist; MEASURE 2 has 2.1–2.13.');
    expect(catalog.explain('MEASURE 5.1')).toBe('MEASURE 5.1 does not exist; MEASURE has categories 1–4.');
    expect(catalog.explain('GOVERN 7')).toBe('GOVERN 7 does not exist; GOVERN has categories GOVERN 1–GOVERN 6.');
    expect(catalog.explain('LLM03')).toBe(
      'LLM03 needs its edition: LLM03:2026 (Excessive Agency) or LLM03:2025 (Supply Chain).',
    );
    expect(catalog.explain('LLM11:2026')).toBe(
      'LLM11:2026 does not exist; the list runs from LLM01:2026 to LLM10:2026.',
    );
    expect(catalog.explain('LLM01:2024')).toMatch(/no 2024 edition/);
    expect(catalog.explain('ASI11')).toMatch(/ASI01 to ASI10/);
    expect(catalog.explain('AML.T0043.009')).toBe(
      'AML.T0043.009 is not in ATLAS 2026.09: AML.T0043 (Craft Adversarial Data) has sub-techniques .000–.004.',
    );
    expect(catalog.explain('ML Model Inference API Access')).toBe(
      '“ML Model Inference API Access” is a name; its ID is AML.T0040 (AI Model Inference API Access).',
    );
    expect(catalog.explain('AML.T0040')).toBeUndefined();
  });

  it('accepts what learners type loosely', () => {
    expect(normaliseId(' aml.t40 ')).toBe('AML.T0040');
    expect(normaliseId('measure2.7')).toBe('MEASURE 2.7');
    expect(normaliseId('llm3:2026')).toBe('LLM03:2026');
    expect(catalog.check('aml.m4', 'mitigation')).toMatchObject({ ok: true, entry: { id: 'AML.M0004' } });
  });

  it('links every kind of ID to a page', () => {
    expect(hrefForId('AML.CS0000')).toBe('/reference/atlas/case-studies/AML.CS0000/');
    expect(hrefForId('ASI06')).toBe('/reference/owasp/agentic-top-10/#asi06');
    expect(hrefForId('GOVERN')).toBe('/reference/ai-rmf/govern/');
  });
});

describe('matrix filter', () => {
  const item = {
    haystack: haystackFor('AML.T0040', 'AI Model Inference API Access', ['ML Model Inference API Access']),
    maturity: 'realized' as const,
  };
  const all = new Set(['feasible', 'demonstrated', 'realized'] as const);

  it('matches every word of the query against ID, name and former names', () => {
    expect(matchesTechnique(item, queryTokens('inference API access'), all)).toBe(true);
    expect(matchesTechnique(item, queryTokens('t0040'), all)).toBe(true);
    expect(matchesTechnique(item, queryTokens('ml model'), all)).toBe(true);
    expect(matchesTechnique(item, queryTokens('inference poison'), all)).toBe(false);
  });

  it('respects the maturity boxes', () => {
    expect(matchesTechnique(item, [], new Set(['feasible'] as const))).toBe(false);
  });
});

describe('ID scanning', () => {
  it('finds every shape of ID in prose', () => {
    const found = scanIds('See AML.T0040, AML.T0043.004, MEASURE 2.7, MAP 1, LLM03:2026, LLM06, ML01:2023 and ASI06.');
    expect(found.map((f) => `${f.id}=${f.shape}`)).toEqual([
      'AML.T0040=atlas-technique',
      'AML.T0043.004=atlas-technique',
      'MEASURE 2.7=rmf-subcategory',
      'MAP 1=rmf-category',
      'LLM03:2026=owasp-llm',
      'LLM06=owasp-llm',
      'ML01:2023=owasp-ml',
      'ASI06=owasp-agentic',
    ]);
  });
});

describe('retired ATLAS IDs', () => {
  it('explain a removed ID by its successor, and name the release everywhere', async () => {
    const { createCatalog } = await import('../../src/lib/catalog/catalog');
    const { loadCatalogFiles } = await import('../../scripts/lib/catalog');
    const files = loadCatalogFiles();
    const find = (framework: string) => files.find((f) => f.framework === framework);
    const atlas = find('atlas');
    if (atlas?.framework !== 'atlas') throw new Error('no ATLAS catalog');
    const withRetired = createCatalog({
      atlas: {
        ...atlas,
        retired: [
          { id: 'AML.T0999', name: 'Old Technique', lastIn: '5.6.0', removedIn: '2026.07', replacedBy: ['AML.T0040'] },
          { id: 'AML.M0999', name: 'Old Mitigation', lastIn: '5.6.0', removedIn: '2026.07', replacedBy: [] },
          { id: 'AML.T0998', name: 'Old Sub', lastIn: '5.6.0', removedIn: '2026.07', replacedBy: ['AML.T0051.001'] },
        ],
      },
      rmf: find('nist-ai-rmf') as never,
      owasp: [find('owasp-ml'), find('owasp-llm'), find('owasp-agentic')] as never,
      stride: find('stride-ai') as never,
    });
    expect(withRetired.retired('aml.t0999')?.replacedBy).toEqual(['AML.T0040']);
    expect(withRetired.explain('AML.T0999')).toBe(
      'AML.T0999 (Old Technique) was removed in ATLAS 2026.07; cite AML.T0040 (AI Model Inference API Access) instead.',
    );
    expect(withRetired.explain('AML.M0999')).toBe(
      'AML.M0999 (Old Mitigation) was removed in ATLAS 2026.07; nothing replaced it.',
    );
    // A sub-technique successor is named with its parent, as learners see it.
    expect(withRetired.explain('AML.T0998')).toBe(
      'AML.T0998 (Old Sub) was removed in ATLAS 2026.07; cite AML.T0051.001 (LLM Prompt Injection: Indirect) instead.',
    );
    expect(withRetired.allRetired()).toHaveLength(3);
    expect(withRetired.retired('AML.T0040')).toBeUndefined();
    expect(catalog.atlasRelease).toBe(`ATLAS ${atlas.version}`);
    expect(catalog.explain('AML.T9999')).toContain(`is not in ATLAS ${atlas.version}`);
  });
});
