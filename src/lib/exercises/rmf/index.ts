/** The AI RMF gap analysis kind (`rmf-gap`): everything the registry loads for it. */
import type { ExerciseKind } from '../types';
import { checkRmfAnswers, type RmfAnswers } from './answers';
import { RMF_STEPS, type RmfStep } from './steps';
import { rmfExportContext, rmfGradingContext, type RmfGradingContext } from './context';
import { rmfCsv, rmfMarkdown } from './export';
import { gradeRmfGap } from './grade';
import { rmfReferenceAnswers } from './reference';
import type { RmfRubric } from './rubric';

/** The types the rmf kind is made of. */
export interface RmfTypes {
  answers: RmfAnswers;
  rubric: RmfRubric;
  context: RmfGradingContext;
  step: RmfStep;
}

export const rmfKind: ExerciseKind<RmfTypes> = {
  id: 'rmf-gap',
  steps: RMF_STEPS,
  check: checkRmfAnswers,
  gradingContext: rmfGradingContext,
  grade: (rubric, answers, context, options = {}) => gradeRmfGap(rubric, answers, { ...context, ...options }),
  reference: (rubric) => rmfReferenceAnswers(rubric),
  exports(scenario, grading) {
    const context = rmfExportContext(scenario, grading);
    return {
      csv: (s) => rmfCsv(s, context),
      md: (s, report) => rmfMarkdown(s, context, report),
    };
  },
};
