/** The key's own answer to an AI RMF gap analysis: what the rubric lint and `--reference` grade. */
import type { RmfAnswers } from './answers';
import type { RmfRubric } from './rubric';

/** The key as answers: scores 1 by construction (checked by the rubric lint). */
export function rmfReferenceAnswers(rubric: RmfRubric): RmfAnswers {
  return {
    contexts: [...rubric.contexts.relevant],
    assessments: rubric.assessments.map((a) => ({
      subcategory: a.subcategory,
      status: a.status,
      evidence: [...a.evidence],
      note: a.explanation,
    })),
    priorities: rubric.priorities.top.map((p, i) => ({
      subcategory: p.subcategory,
      gap: p.reference.gap,
      mitigation: p.reference.mitigation,
      owner: p.reference.owner,
      due: `2027-0${i + 1}-15`,
    })),
    report: rubric.report.reference,
  };
}
