/** What grading and exporting the adversarial simulation need: the ATLAS slice (names, tactics, links) and the scenario's names. */
import type { AtlasCatalog as AtlasFile, CatalogFile } from '../../catalog/schema';
import type { ScenarioFile } from '../../content/schema';
import type { AtlasCatalog } from './grade';

export interface AtlasGradingContext {
  catalog: AtlasCatalog;
  /** Rules-of-engagement choice names by id (none for an incident). */
  roeNames: Readonly<Record<string, string>>;
}

/** The slice of the ATLAS catalog the grader, the editor and the exports need. */
export function atlasGradingCatalog(
  file: Pick<AtlasFile, 'tactics' | 'techniques' | 'mitigations'> & Partial<Pick<AtlasFile, 'version' | 'retired'>>,
): AtlasCatalog {
  return {
    ...(file.version ? { version: file.version } : {}),
    tactics: file.tactics.map((t) => ({ id: t.id, name: t.name })),
    techniques: file.techniques.map((t) => ({ id: t.id, name: t.name, tactics: [...t.tactics] })),
    mitigations: file.mitigations.map((m) => ({ id: m.id, name: m.name, techniques: [...m.techniques] })),
    retired: (file.retired ?? []).map((r) => ({
      id: r.id,
      name: r.name,
      removedIn: r.removedIn,
      replacedBy: [...r.replacedBy],
    })),
  };
}

export function atlasGradingContext(scenario: ScenarioFile, catalog: readonly CatalogFile[]): AtlasGradingContext {
  if (scenario.kind !== 'range' && scenario.kind !== 'incident')
    throw new Error(
      `An ATLAS exercise needs a range or an incident scenario; "${scenario.title}" is a ${scenario.kind} scenario.`,
    );
  const atlas = catalog.find((f) => f.framework === 'atlas');
  if (!atlas || atlas.framework !== 'atlas')
    throw new Error('An adversarial simulation needs the ATLAS catalog (content/catalog/atlas.yaml).');
  return {
    catalog: atlasGradingCatalog(atlas),
    roeNames: scenario.kind === 'range' ? Object.fromEntries(scenario.roeChoices.map((c) => [c.id, c.name])) : {},
  };
}
