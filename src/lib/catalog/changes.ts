/**
 * What changed between the release the catalog was built from and the one before it, and between
 * the OWASP LLM Top 10 editions, grouped the way the "What changed" page shows it. Derived only
 * from the catalog (its `changes`, `retired` and OWASP counterparts), so the next release is a
 * data update: rerun the generator and the page follows.
 */
import type { Catalog, OwaspEdition } from './catalog';
import { shapeOf } from './ids';

export interface AddedItem {
  id: string;
  /** As learners see it: a sub-technique with its parent's name. */
  name: string;
  /** Tactic IDs (techniques only). */
  tactics: readonly string[];
  maturity?: string | undefined;
}

export interface AtlasChanges {
  from: string;
  to: string;
  counts: Array<{ what: string; before: number; after: number }>;
  /** Tactic order before and after, when the matrix's columns moved. */
  columns?: { before: readonly string[]; after: readonly string[] } | undefined;
  removed: Array<{ id: string; name: string; lastIn: string; removedIn: string; replacedBy: readonly string[] }>;
  renamed: Array<{ id: string; kind: string; from: string; to: string }>;
  moved: Array<{ id: string; added: readonly string[]; removed: readonly string[] }>;
  maturity: Array<{ id: string; from: string; to: string }>;
  techniques: AddedItem[];
  mitigations: AddedItem[];
  caseStudies: Array<{ id: string; name: string; type: string; date: string }>;
}

const KIND_ORDER = ['atlas-tactic', 'atlas-technique', 'atlas-mitigation', 'atlas-case-study'];
const KIND_NAME: Record<string, string> = {
  'atlas-tactic': 'tactic',
  'atlas-technique': 'technique',
  'atlas-mitigation': 'mitigation',
  'atlas-case-study': 'case study',
};

/** ATLAS: undefined when the catalog records no previous release. */
export function atlasChanges(catalog: Catalog): AtlasChanges | undefined {
  const { atlas } = catalog;
  const changes = atlas.changes;
  if (!changes) return undefined;
  const added = new Set(changes.added);
  const removed = atlas.retired ?? [];
  const removedOf = (shape: string) => removed.filter((r) => shapeOf(r.id) === shape).length;
  const addedOf = (shape: string) => changes.added.filter((id) => shapeOf(id) === shape).length;
  const isSub = (id: string) => catalog.technique(id)?.parent !== undefined;
  const subsRemoved = removed.filter((r) => shapeOf(r.id) === 'atlas-technique' && /\.\d{3}$/.test(r.id)).length;
  const topNow = atlas.techniques.filter((t) => !t.parent).length;
  const subNow = atlas.techniques.length - topNow;
  const addedTechniques = changes.added.filter((id) => shapeOf(id) === 'atlas-technique');
  const removedTechniques = removed.filter((r) => shapeOf(r.id) === 'atlas-technique');
  /** A row of the counts table: the number before is the number now, less what came, plus what went. */
  const count = (what: string, after: number, came: number, went: number) => ({
    what,
    before: after - came + went,
    after,
  });
  const counts = [
    count('Tactics', atlas.tactics.length, addedOf('atlas-tactic'), removedOf('atlas-tactic')),
    count(
      'Techniques',
      topNow,
      addedTechniques.filter((id) => !isSub(id)).length,
      removedTechniques.length - subsRemoved,
    ),
    count('Sub-techniques', subNow, addedTechniques.filter(isSub).length, subsRemoved),
    count('Mitigations', atlas.mitigations.length, addedOf('atlas-mitigation'), removedOf('atlas-mitigation')),
    count('Case studies', atlas.caseStudies.length, addedOf('atlas-case-study'), removedOf('atlas-case-study')),
  ];

  const byOrder = (a: { id: string }, b: { id: string }) =>
    KIND_ORDER.indexOf(shapeOf(a.id) ?? '') - KIND_ORDER.indexOf(shapeOf(b.id) ?? '') || a.id.localeCompare(b.id);
  const after = atlas.tactics.map((t) => t.id);
  const before = changes.previousTacticOrder;
  return {
    from: changes.from,
    to: atlas.version,
    counts,
    columns: before && before.join() !== after.join() ? { before, after } : undefined,
    removed: [...removed].sort(byOrder),
    renamed: changes.renamed.map((r) => ({ ...r, kind: KIND_NAME[shapeOf(r.id) ?? ''] ?? 'item' })).sort(byOrder),
    moved: [...changes.tacticsChanged].sort(byOrder),
    maturity: [...changes.maturityChanged].sort(byOrder),
    techniques: atlas.techniques
      .filter((t) => added.has(t.id))
      .map((t) => ({ id: t.id, name: catalog.fullName(t.id), tactics: t.tactics, maturity: t.maturity })),
    mitigations: atlas.mitigations.filter((m) => added.has(m.id)).map((m) => ({ id: m.id, name: m.name, tactics: [] })),
    caseStudies: atlas.caseStudies
      .filter((c) => added.has(c.id))
      .map((c) => ({ id: c.id, name: c.name, type: c.type, date: c.date }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
  };
}

export interface OwaspRenumbering {
  /** The current edition's ID and the previous edition's closest entry. */
  rows: Array<{
    current: string;
    name: string;
    previous?: string | undefined;
    previousName?: string | undefined;
    change: string;
  }>;
  /** Previous-edition entries no current entry continues. */
  dropped: Array<{ id: string; name: string }>;
}

/** How one OWASP list's entries map from its previous edition to the current one. */
export function owaspRenumbering(current: OwaspEdition, previous: OwaspEdition): OwaspRenumbering {
  const previousById = new Map(previous.items.map((i) => [i.id, i]));
  const number = (id: string) => id.replace(/:\d{4}$/, '');
  const rows = current.items.map((item) => {
    const before = item.counterpart ? previousById.get(item.counterpart) : undefined;
    const change = !before
      ? 'new entry'
      : number(before.id) === number(item.id)
        ? before.name === item.name
          ? 'same number'
          : 'same number, renamed'
        : before.name === item.name
          ? 'renumbered'
          : 'renumbered and renamed';
    return { current: item.id, name: item.name, previous: before?.id, previousName: before?.name, change };
  });
  const continued = new Set(rows.map((r) => r.previous));
  const dropped = previous.items.filter((i) => !continued.has(i.id)).map((i) => ({ id: i.id, name: i.name }));
  return { rows, dropped };
}
