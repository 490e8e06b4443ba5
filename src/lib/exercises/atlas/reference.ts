/** The key's own answer to the adversarial simulation, and the key's steps in a valid order. */
import type { AtlasAnswers } from './answers';
import type { AtlasCatalog } from './grade';
import type { AtlasRubric } from './rubric';

/**
 * The reference answer: the key's chain, safeguards, defenses and plan (an incident key's: the
 * chain alone). Runs are not in the key:
 * pass the records of real range runs (see `referenceRuns` in lib/range/records.ts).
 */
export function atlasReferenceAnswers(
  rubric: AtlasRubric,
  catalog: AtlasCatalog,
  runs: AtlasAnswers['runs'] = [],
): AtlasAnswers {
  const order = topologicalSteps(rubric);
  return {
    chain: order.map((step) => {
      const technique = step.techniques[0] ?? '';
      const tactic = catalog.techniques.find((t) => t.id === technique)?.tactics[0];
      return { technique, ...(tactic ? { tactic } : {}), rationale: step.reference };
    }),
    roe: Object.keys(rubric.roe?.required ?? {}),
    runs: [...runs],
    defenses: (rubric.defenses?.reference ?? []).map((d) => ({
      mitigation: d.mitigation,
      counters: [...d.counters],
      note: d.note,
    })),
    hardening: rubric.hardening?.reference ?? '',
  };
}

/** Key steps in an order that respects every precedence edge (ties in file order). */
export function topologicalSteps(rubric: AtlasRubric): AtlasRubric['chain']['steps'] {
  const remaining = [...rubric.chain.steps];
  const done = new Set<string>();
  const out: AtlasRubric['chain']['steps'] = [];
  while (remaining.length > 0) {
    const index = remaining.findIndex((s) =>
      rubric.chain.order.every(([before, after]) => after !== s.id || done.has(before)),
    );
    // A cycle in the key would loop forever; the rubric lint rejects cycles, this guards anyway.
    const next = remaining.splice(index === -1 ? 0 : index, 1)[0];
    if (!next) break;
    done.add(next.id);
    out.push(next);
  }
  return out;
}
