/** What grading and exporting an AI RMF gap analysis need: subcategory titles, dossier and context names. */
import type { CatalogFile } from '../../catalog/schema';
import type { ScenarioFile } from '../../content/schema';
import type { RmfExportContext } from './export';

export interface RmfGradingContext {
  /** Every AI RMF subcategory ID with its title, to name items and explain unknown IDs. */
  subcategories: Readonly<Record<string, string>>;
  /** Dossier fact titles by id. */
  factTitles: Readonly<Record<string, string>>;
  /** Context names by id. */
  contextNames: Readonly<Record<string, string>>;
}

function dossier(scenario: ScenarioFile) {
  if (scenario.kind !== 'dossier')
    throw new Error(
      `An AI RMF gap analysis needs a dossier scenario; "${scenario.title}" is a ${scenario.kind} scenario.`,
    );
  return scenario;
}

export function rmfGradingContext(scenario: ScenarioFile, catalog: readonly CatalogFile[]): RmfGradingContext {
  const s = dossier(scenario);
  const rmf = catalog.find((f) => f.framework === 'nist-ai-rmf');
  if (!rmf || rmf.framework !== 'nist-ai-rmf')
    throw new Error('An AI RMF gap analysis needs the AI RMF catalog (content/catalog/nist-ai-rmf.yaml).');
  return {
    subcategories: Object.fromEntries(rmf.subcategories.map((x) => [x.id, x.title])),
    factTitles: Object.fromEntries(s.dossier.map((f) => [f.id, f.title])),
    contextNames: Object.fromEntries(s.contexts.map((c) => [c.id, c.name])),
  };
}

/** What the risk register and the stakeholder report print. */
export function rmfExportContext(scenario: ScenarioFile, context: RmfGradingContext): RmfExportContext {
  const s = dossier(scenario);
  return {
    ...context,
    title: s.title,
    obligations: s.obligations.map(({ name, text }) => ({ name, text })),
  };
}
