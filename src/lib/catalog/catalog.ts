/**
 * The framework catalog as one object: resolve any ID to its kind, current name and page;
 * explain a wrong ID the way a reviewer would; follow relations in both directions (technique
 * -> mitigations and back, technique -> OWASP items and STRIDE-AI threats, 2025 <-> 2026).
 * Built from the catalog files by pages (at build time), CLIs and graders alike.
 */
import { normaliseId, shapeOf, withParentName, type IdShape, type RmfFunctionId } from './ids';
import { hrefForId } from './links';
import { explainSubcategory } from './rmf-subcategories';
import type { AtlasCatalog, OwaspCatalog, RmfCatalog, StrideCatalog } from './schema';

export type Tactic = AtlasCatalog['tactics'][number];
export type Technique = AtlasCatalog['techniques'][number];
export type Mitigation = AtlasCatalog['mitigations'][number];
export type CaseStudy = AtlasCatalog['caseStudies'][number];
export type RmfFunction = RmfCatalog['functions'][number];
export type RmfCategory = RmfCatalog['categories'][number];
export type RmfSubcategory = RmfCatalog['subcategories'][number];
export type OwaspEdition = OwaspCatalog['editions'][number];
export type OwaspItem = OwaspEdition['items'][number];
export type StrideCategory = StrideCatalog['categories'][number];
export type StrideThreat = StrideCategory['threats'][number];
export type RetiredItem = AtlasCatalog['retired'][number];

/** What an ID is. */
export type EntryKind =
  | 'tactic'
  | 'technique'
  | 'sub-technique'
  | 'mitigation'
  | 'case study'
  | 'function'
  | 'category'
  | 'subcategory'
  | 'OWASP ML Top 10 item'
  | 'OWASP LLM Top 10 item'
  | 'OWASP Agentic Top 10 item';

/** Any catalog item, in the form pages, components and graders need. */
export interface CatalogEntry {
  id: string;
  kind: EntryKind;
  /** Current name (for AI RMF subcategories and categories: our short title). */
  name: string;
  /** Framework and edition, e.g. "MITRE ATLAS 2026.09". */
  framework: string;
  summary: string;
  /** Site-relative link to its reference page or section. */
  href: string;
}

/** The parsed catalog files. */
export interface CatalogData {
  atlas: AtlasCatalog;
  rmf: RmfCatalog;
  owasp: readonly OwaspCatalog[];
  stride: StrideCatalog;
}

/** Result of checking an ID against what an answer expects. */
export type IdCheck = { ok: true; entry: CatalogEntry } | { ok: false; message: string };

/** Kinds a caller can ask for when checking an answer. */
export type Expected = 'technique' | 'tactic' | 'mitigation' | 'case study' | 'subcategory' | 'owasp';

const RMF_LABEL = 'NIST AI RMF 1.0';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

export class Catalog {
  readonly atlas: AtlasCatalog;
  readonly rmf: RmfCatalog;
  readonly owasp: readonly OwaspCatalog[];
  readonly stride: StrideCatalog;

  private readonly entries = new Map<string, CatalogEntry>();
  private readonly techniquesById = new Map<string, Technique>();
  private readonly subTechniquesByParent = new Map<string, Technique[]>();
  private readonly mitigationsByTechnique = new Map<string, Mitigation[]>();
  private readonly caseStudiesByTechnique = new Map<string, CaseStudy[]>();
  private readonly owaspByTechnique = new Map<string, OwaspItem[]>();
  private readonly strideByTechnique = new Map<string, Array<{ category: StrideCategory; threat: StrideThreat }>>();
  private readonly owaspItems = new Map<string, OwaspItem>();
  private readonly formerNames = new Map<string, string>();
  private readonly retiredById = new Map<string, RetiredItem>();
  /** "ATLAS 2026.09": the release the catalog was built from, as pages and messages name it. */
  readonly atlasRelease: string;

  constructor(data: CatalogData) {
    this.atlas = data.atlas;
    this.atlasRelease = `ATLAS ${data.atlas.version}`;
    const ATLAS_LABEL = `MITRE ${this.atlasRelease}`;
    for (const item of data.atlas.retired ?? []) this.retiredById.set(item.id, item);
    this.rmf = data.rmf;
    this.owasp = data.owasp;
    this.stride = data.stride;
    const tacticName = new Map(data.atlas.tactics.map((t) => [t.id, t.name]));
    for (const tactic of data.atlas.tactics)
      this.add(tactic.id, 'tactic', tactic.name, ATLAS_LABEL, tactic.summary, tactic.formerNames);
    for (const technique of data.atlas.techniques) {
      this.techniquesById.set(technique.id, technique);
      if (technique.parent) push(this.subTechniquesByParent, technique.parent, technique);
      this.add(
        technique.id,
        technique.parent ? 'sub-technique' : 'technique',
        technique.name,
        ATLAS_LABEL,
        technique.summary,
        technique.formerNames,
      );
      for (const tactic of technique.tactics)
        if (!tacticName.has(tactic)) throw new Error(`${technique.id} names unknown tactic ${tactic}`);
    }
    for (const mitigation of data.atlas.mitigations) {
      this.add(mitigation.id, 'mitigation', mitigation.name, ATLAS_LABEL, mitigation.summary, mitigation.formerNames);
      for (const id of mitigation.techniques) push(this.mitigationsByTechnique, id, mitigation);
    }
    for (const study of data.atlas.caseStudies) {
      this.add(study.id, 'case study', study.name, ATLAS_LABEL, study.summary, []);
      for (const id of study.techniques) push(this.caseStudiesByTechnique, id, study);
    }
    for (const fn of data.rmf.functions) this.add(fn.id, 'function', fn.title, RMF_LABEL, fn.summary, []);
    for (const category of data.rmf.categories)
      this.add(category.id, 'category', category.title, RMF_LABEL, category.summary, []);
    for (const sub of data.rmf.subcategories) this.add(sub.id, 'subcategory', sub.title, RMF_LABEL, sub.summary, []);
    for (const file of data.owasp) {
      for (const edition of file.editions) {
        const kind: EntryKind =
          file.framework === 'owasp-ml'
            ? 'OWASP ML Top 10 item'
            : file.framework === 'owasp-llm'
              ? 'OWASP LLM Top 10 item'
              : 'OWASP Agentic Top 10 item';
        for (const item of edition.items) {
          this.owaspItems.set(item.id, item);
          this.add(item.id, kind, item.name, edition.title, item.summary, item.formerNames);
          for (const id of item.atlas) push(this.owaspByTechnique, id, item);
        }
      }
    }
    for (const category of data.stride.categories) {
      for (const threat of category.threats)
        for (const id of threat.atlas) push(this.strideByTechnique, id, { category, threat });
    }
  }

  private add(
    id: string,
    kind: EntryKind,
    name: string,
    framework: string,
    summary: string,
    former: readonly string[],
  ): void {
    if (this.entries.has(id)) throw new Error(`Duplicate catalog ID ${id}`);
    this.entries.set(id, { id, kind, name, framework, summary, href: hrefForId(id) });
    for (const old of former) this.formerNames.set(old.toLowerCase(), id);
  }

  /** The entry for an exact ID, or undefined. */
  get(id: string): CatalogEntry | undefined {
    return this.entries.get(id);
  }

  /** Every entry, in catalog order. */
  all(): CatalogEntry[] {
    return [...this.entries.values()];
  }

  /** The entry for a current or former name ("ML Model Inference API Access" -> AML.T0040). */
  findByName(name: string): CatalogEntry | undefined {
    const wanted = name.trim().toLowerCase();
    const former = this.formerNames.get(wanted);
    if (former) return this.entries.get(former);
    return this.all().find((e) => e.name.toLowerCase() === wanted);
  }

  /** An ID a release removed, with what replaced it; undefined for current and unknown IDs. */
  retired(id: string): RetiredItem | undefined {
    return this.retiredById.get(normaliseId(id));
  }

  /** A name as learners see it: a sub-technique with its parent ("Publish Poisoned AI Artifacts: Models"). */
  fullName(id: string): string {
    const technique = this.techniquesById.get(id);
    const parent = technique?.parent ? this.techniquesById.get(technique.parent) : undefined;
    return withParentName(this.entries.get(id)?.name ?? id, parent?.name);
  }

  /** Removed IDs a current item took the place of (a sub-technique of AML.T0115 for each publish-poisoned technique). */
  replacing(id: string): RetiredItem[] {
    return this.allRetired().filter((r) => r.replacedBy.includes(id));
  }

  /** Every removed ID the catalog remembers. */
  allRetired(): RetiredItem[] {
    return [...this.retiredById.values()];
  }

  technique(id: string): Technique | undefined {
    return this.techniquesById.get(id);
  }

  tactic(id: string): Tactic | undefined {
    return this.atlas.tactics.find((t) => t.id === id);
  }

  mitigation(id: string): Mitigation | undefined {
    return this.atlas.mitigations.find((m) => m.id === id);
  }

  caseStudy(id: string): CaseStudy | undefined {
    return this.atlas.caseStudies.find((c) => c.id === id);
  }

  /** Top-level techniques under a tactic, in ID order. */
  techniquesOfTactic(tacticId: string): Technique[] {
    return this.atlas.techniques.filter((t) => !t.parent && t.tactics.includes(tacticId));
  }

  subTechniques(id: string): Technique[] {
    return this.subTechniquesByParent.get(id) ?? [];
  }

  /** Mitigations ATLAS links to the technique (for a sub-technique, also its parent's). */
  mitigationsOf(techniqueId: string): Mitigation[] {
    const own = this.mitigationsByTechnique.get(techniqueId) ?? [];
    const parent = this.technique(techniqueId)?.parent;
    const inherited = parent ? (this.mitigationsByTechnique.get(parent) ?? []) : [];
    return [...new Set([...own, ...inherited])];
  }

  /** True when ATLAS links the mitigation to the technique, directly or through its parent. */
  mitigates(mitigationId: string, techniqueId: string): boolean {
    return this.mitigationsOf(techniqueId).some((m) => m.id === mitigationId);
  }

  caseStudiesOf(techniqueId: string): CaseStudy[] {
    return this.caseStudiesByTechnique.get(techniqueId) ?? [];
  }

  /** OWASP items mapped to the technique or to its parent. */
  owaspOf(techniqueId: string): OwaspItem[] {
    const parent = this.technique(techniqueId)?.parent;
    return [
      ...new Set([
        ...(this.owaspByTechnique.get(techniqueId) ?? []),
        ...(parent ? (this.owaspByTechnique.get(parent) ?? []) : []),
      ]),
    ];
  }

  /** STRIDE-AI threats that name the technique or its parent. */
  strideOf(techniqueId: string): Array<{ category: StrideCategory; threat: StrideThreat }> {
    const parent = this.technique(techniqueId)?.parent;
    return [
      ...(this.strideByTechnique.get(techniqueId) ?? []),
      ...(parent ? (this.strideByTechnique.get(parent) ?? []) : []),
    ];
  }

  owaspItem(id: string): OwaspItem | undefined {
    return this.owaspItems.get(id);
  }

  rmfFunction(id: RmfFunctionId): RmfFunction | undefined {
    return this.rmf.functions.find((f) => f.id === id);
  }

  /**
   * Why an ID is not valid, in words a learner can act on; undefined when it is valid. It names
   * the valid range (a subcategory past the end of its category), the editions of an OWASP ID
   * written without one, or the ID behind a name (tests/unit/catalog.test.ts has examples).
   */
  explain(input: string): string | undefined {
    const id = normaliseId(input);
    if (this.entries.has(id)) return undefined;
    const gone = this.retiredById.get(id);
    if (gone) {
      const next = gone.replacedBy.map((r) => `${r} (${this.fullName(r)})`).join(' or ');
      return `${id} (${gone.name}) was removed in ATLAS ${gone.removedIn}; ${next ? `cite ${next} instead` : 'nothing replaced it'}.`;
    }
    const shape = shapeOf(id);
    if (!shape) {
      const byName = this.findByName(input);
      if (byName) return `“${input.trim()}” is a name; its ID is ${byName.id} (${byName.name}).`;
      return `“${input.trim()}” is not an ID from ${this.atlasRelease}, the AI RMF 1.0 or the OWASP lists.`;
    }
    return this.explainShape(id, shape);
  }

  private explainShape(id: string, shape: IdShape): string {
    switch (shape) {
      case 'atlas-tactic':
        return `${id} is not a tactic in ${this.atlasRelease}; its tactics run from AML.TA0000 to AML.TA0015.`;
      case 'atlas-technique': {
        const [parentId, sub] = [id.slice(0, 9), id.length > 9];
        const parent = this.technique(parentId);
        if (sub && parent) {
          const subs = this.subTechniques(parentId);
          return subs.length === 0
            ? `${id} is not in ${this.atlasRelease}: ${parentId} (${parent.name}) has no sub-techniques.`
            : `${id} is not in ${this.atlasRelease}: ${parentId} (${parent.name}) has sub-techniques ${subs[0]?.id.slice(9)}–${subs[subs.length - 1]?.id.slice(9)}.`;
        }
        return `${id} is not in ${this.atlasRelease}.`;
      }
      case 'atlas-mitigation':
        return `${id} is not in ${this.atlasRelease}; its mitigations run from AML.M0000 to ${this.atlas.mitigations[this.atlas.mitigations.length - 1]?.id}.`;
      case 'atlas-case-study':
        return `${id} is not a case study in ${this.atlasRelease}.`;
      case 'rmf-function':
        return `${id} is not an AI RMF function.`;
      case 'rmf-category': {
        const fn = id.split(' ')[0] ?? '';
        const count = this.rmf.categories.filter((c) => c.function === fn).length;
        return `${id} does not exist; ${fn} has categories ${fn} 1–${fn} ${count}.`;
      }
      case 'rmf-subcategory':
        return (
          explainSubcategory(
            id,
            this.rmf.subcategories.map((s) => s.id),
          ) ?? `${id} is not valid here.`
        );
      case 'owasp-ml':
      case 'owasp-llm': {
        const [prefix, edition] = id.split(':') as [string, string | undefined];
        const list = shape === 'owasp-ml' ? 'ML' : 'LLM';
        const editions = shape === 'owasp-ml' ? ['2023'] : ['2026', '2025'];
        if (edition === undefined) {
          const options = editions
            .map((year) => this.get(`${prefix}:${year}`))
            .filter((e): e is CatalogEntry => e !== undefined);
          return options.length === 0
            ? `${id} does not exist in the OWASP ${list} Top 10.`
            : `${id} needs its edition: ${options.map((e) => `${e.id} (${e.name})`).join(' or ')}.`;
        }
        if (!editions.includes(edition)) {
          return `There is no ${edition} edition of the OWASP ${list} Top 10; this site uses ${editions.join(' and ')}.`;
        }
        return `${id} does not exist; the list runs from ${list}01:${edition} to ${list}10:${edition}.`;
      }
      case 'owasp-agentic':
        return `${id} does not exist; the OWASP Top 10 for Agentic Applications 2026 runs from ASI01 to ASI10.`;
    }
  }

  /**
   * Checks an ID given where an answer expects a kind of item, e.g. a technique in a kill chain:
   * "AML.TA0011 is a tactic (Impact), not a technique".
   */
  check(input: string, expected: Expected): IdCheck {
    const id = normaliseId(input);
    const entry = this.entries.get(id);
    if (!entry) return { ok: false, message: this.explain(input) ?? `${id} is not valid here.` };
    const fits =
      expected === 'technique'
        ? entry.kind === 'technique' || entry.kind === 'sub-technique'
        : expected === 'owasp'
          ? entry.kind.startsWith('OWASP')
          : entry.kind === expected;
    if (fits) return { ok: true, entry };
    const wanted = expected === 'owasp' ? 'OWASP item' : expected;
    return {
      ok: false,
      message: `${id} is ${article(entry.kind)} ${entry.kind} (${entry.name}), not ${article(wanted)} ${wanted}.`,
    };
  }
}

export function createCatalog(data: CatalogData): Catalog {
  return new Catalog(data);
}
