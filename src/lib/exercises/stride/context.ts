/** What grading and exporting a STRIDE-AI table need from its scenario: component names, the diagram. */
import type { ScenarioFile } from '../../content/schema';
import type { StrideExportContext } from './export';

export interface StrideGradingContext {
  /** Component, actor and decomposition-choice names by id, for feedback. */
  componentNames: Readonly<Record<string, string>>;
}

function modelCard(scenario: ScenarioFile) {
  if (scenario.kind !== 'model-card')
    throw new Error(
      `A STRIDE-AI table needs a model-card scenario; "${scenario.title}" is a ${scenario.kind} scenario.`,
    );
  return scenario;
}

export function strideGradingContext(scenario: ScenarioFile): StrideGradingContext {
  const s = modelCard(scenario);
  return {
    componentNames: Object.fromEntries(
      [...s.components, ...s.decompositionChoices.components, ...s.decompositionChoices.boundaries].map((c) => [
        c.id,
        c.name,
      ]),
    ),
  };
}

/** The scenario as the exports draw it: title, components and actors with their places, flows. */
export function strideExportContext(scenario: ScenarioFile): StrideExportContext {
  const s = modelCard(scenario);
  return {
    title: s.title,
    components: [...s.components, ...s.actors.map((a) => ({ ...a, kind: 'actor' as const }))].map(
      ({ id, name, kind, description, x, y }) => ({ id, name, kind, description, x, y }),
    ),
    flows: s.flows.map(({ from, to, data }) => ({ from, to, data })),
  };
}
