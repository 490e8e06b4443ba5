/** The STRIDE-AI table kind (`stride-table`): everything the registry loads for it. */
import type { ExerciseKind } from '../types';
import { checkStrideAnswers, type StrideAnswers } from './answers';
import { STRIDE_STEPS, type StrideStep } from './steps';
import { strideExportContext, strideGradingContext, type StrideGradingContext } from './context';
import { strideCsv, strideMarkdown, strideThreatDragon } from './export';
import { gradeStrideTable } from './grade';
import { strideReferenceAnswers } from './reference';
import type { StrideKey } from './rubric';

/** The types the stride kind is made of. */
export interface StrideTypes {
  answers: StrideAnswers;
  rubric: StrideKey;
  context: StrideGradingContext;
  step: StrideStep;
}

export const strideKind: ExerciseKind<StrideTypes> = {
  id: 'stride-table',
  steps: STRIDE_STEPS,
  check: checkStrideAnswers,
  gradingContext: (scenario) => strideGradingContext(scenario),
  grade: (rubric, answers, context, options = {}) => gradeStrideTable(rubric, answers, { ...context, ...options }),
  reference: (rubric) => strideReferenceAnswers(rubric),
  exports(scenario) {
    const context = strideExportContext(scenario);
    return {
      csv: (s) => strideCsv(s, context),
      md: (s, report) => strideMarkdown(s, context, report),
      'threat-dragon': (s) => `${JSON.stringify(strideThreatDragon(s, context), null, 2)}\n`,
    };
  },
};
