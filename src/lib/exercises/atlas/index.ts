/** The ATLAS-informed adversarial simulation kind (`atlas-chain`): everything the registry loads for it. */
import type { ExerciseKind } from '../types';
import { checkAtlasAnswers, type AtlasAnswers } from './answers';
import { ATLAS_STEPS, type AtlasStep } from './steps';
import { atlasGradingContext, type AtlasGradingContext } from './context';
import { atlasMarkdown, navigatorLayer } from './export';
import { gradeAtlasSimulation } from './grade';
import { atlasReferenceAnswers } from './reference';
import type { AtlasRubric } from './rubric';

/** The types the atlas kind is made of. */
export interface AtlasTypes {
  answers: AtlasAnswers;
  rubric: AtlasRubric;
  context: AtlasGradingContext;
  step: AtlasStep;
}

export const atlasKind: ExerciseKind<AtlasTypes> = {
  id: 'atlas-chain',
  steps: ATLAS_STEPS,
  check: checkAtlasAnswers,
  gradingContext: atlasGradingContext,
  grade: (rubric, answers, context, options = {}) => gradeAtlasSimulation(rubric, answers, { ...context, ...options }),
  // Recorded runs are claims: replay them (the range is deterministic) before they earn credit.
  prepare: async (answers) => {
    if (answers.runs.length === 0) return { replays: [] };
    const [{ replayRuns }, { rangeRunner }] = await Promise.all([
      import('../../range/replay'),
      import('../../range/runner'),
    ]);
    return { replays: await replayRuns(answers.runs, await rangeRunner()) };
  },
  // The reference runs are real: the range runs them on the default seed (about a second in all),
  // so the range loads only here.
  reference: async (rubric, context, now) => {
    const { referenceRuns } = await import('../../range/records');
    return atlasReferenceAnswers(rubric, context.catalog, referenceRuns(now));
  },
  exports(scenario, context) {
    const meta = { title: scenario.title, roeNames: context.roeNames, incident: scenario.kind === 'incident' };
    return {
      md: (s, report) => atlasMarkdown(s, context.catalog, meta, report),
      navigator: (s) => `${JSON.stringify(navigatorLayer(s, context.catalog, scenario.title), null, 2)}\n`,
    };
  },
};
