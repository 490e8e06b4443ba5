/** The key's own answer to a STRIDE-AI table: what the rubric lint and `--reference` grade. */
import type { StrideAnswers } from './answers';
import type { StrideRubric } from './rubric';

/** The rubric's reference answer as answers: scores 1 by construction (checked by the rubric lint). */
export function strideReferenceAnswers(rubric: StrideRubric): StrideAnswers {
  return {
    components: [...rubric.decomposition.components],
    boundaries: [...rubric.decomposition.boundaries],
    rows: rubric.threats.map((t) => ({
      id: t.id,
      component: t.component,
      category: t.category,
      threat: t.reference.threat,
      impact: t.reference.impact,
      likelihood: t.likelihood,
      severity: t.severity,
      mitigation: t.reference.mitigation,
    })),
  };
}
