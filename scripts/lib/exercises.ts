/**
 * What the CLIs need per exercise: how to grade, the reference answer, and the exports it
 * offers. Adding an exercise kind adds an entry here.
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { rangeScenarioSchema, scenarioSchema } from '../../src/lib/content/schema';
import { atlasGradingCatalog } from '../../src/lib/catalog/atlas-grading';
import { atlasReferenceAnswers, gradeAtlasSimulation, type AtlasCatalog } from '../../src/lib/grading/atlas';
import { atlasMarkdown, navigatorLayer } from '../../src/lib/export/atlas';
import { referenceRuns } from '../../src/lib/range/records';
import type { GradeReport } from '../../src/lib/grading/report';
import { gradeRmfGap, rmfReferenceAnswers } from '../../src/lib/grading/rmf';
import { gradeStrideTable, referenceAnswers } from '../../src/lib/grading/stride';
import { rmfCsv, rmfMarkdown, type RmfExportContext } from '../../src/lib/export/rmf';
import { strideCsv, strideMarkdown, strideThreatDragon, type StrideExportContext } from '../../src/lib/export/stride';
import type { ExerciseId, Submission } from '../../src/lib/share/submission';
import { createSubmission } from '../../src/lib/share/submission';
import { loadCatalogFiles } from './catalog';
import { loadRmfContent } from './rmf-content';
import { loadRubric } from './rubrics';

export type ExportFormat = 'csv' | 'md' | 'threat-dragon' | 'navigator';

export interface Exercise {
  id: ExerciseId;
  grade(submission: Submission, options?: { revealMissed?: boolean }): GradeReport;
  reference(now: Date): Submission;
  /** The exports this exercise offers. */
  exports: Partial<Record<ExportFormat, (submission: Submission) => string>>;
}

function strideScenario() {
  const rubric = loadRubric('stride-medical-imaging');
  return { rubric, scenario: scenarioSchema.parse(YAML.parse(readFileSync(`content/scenarios/${rubric.scenario}.yaml`, 'utf8'))) };
}

/** What the STRIDE exports need to know about the chest X-ray scenario. */
export function strideExportContext(): StrideExportContext {
  const { scenario } = strideScenario();
  return {
    title: scenario.title,
    components: [...scenario.components, ...scenario.actors.map((a) => ({ ...a, kind: 'actor' as const }))],
    flows: scenario.flows,
  };
}

function strideExercise(): Exercise {
  const { rubric, scenario } = strideScenario();
  const componentNames = Object.fromEntries(
    [...scenario.components, ...scenario.decompositionChoices.components, ...scenario.decompositionChoices.boundaries].map((c) => [c.id, c.name]),
  );
  const context = strideExportContext();
  const grade: Exercise['grade'] = (submission, options = {}) =>
    gradeStrideTable(rubric, (submission as Submission<'stride-medical-imaging'>).answers, { componentNames, ...options });
  const own = (s: Submission) => s as Submission<'stride-medical-imaging'>;
  return {
    id: 'stride-medical-imaging',
    grade,
    reference: (now) => createSubmission('stride-medical-imaging', referenceAnswers(rubric), now, { learner: 'Reference answer' }),
    exports: {
      csv: (s) => strideCsv(own(s), context),
      md: (s) => strideMarkdown(own(s), context, grade(s)),
      'threat-dragon': (s) => `${JSON.stringify(strideThreatDragon(own(s), context), null, 2)}\n`,
    },
  };
}

/** AI RMF subcategory titles by ID, from the catalog. */
export function rmfSubcategoryTitles(): Record<string, string> {
  const rmf = loadCatalogFiles().find((f) => f.framework === 'nist-ai-rmf');
  if (!rmf || rmf.framework !== 'nist-ai-rmf') throw new Error('content/catalog has no AI RMF file');
  return Object.fromEntries(rmf.subcategories.map((s) => [s.id, s.title]));
}

function rmfExercise(): Exercise {
  const { rubric, scenario, problems } = loadRmfContent();
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const subcategories = rmfSubcategoryTitles();
  const factTitles = Object.fromEntries(scenario.dossier.map((f) => [f.id, f.title]));
  const contextNames = Object.fromEntries(scenario.contexts.map((c) => [c.id, c.name]));
  const context: RmfExportContext = { title: scenario.title, subcategories, facts: factTitles, contexts: contextNames, obligations: scenario.obligations };
  const own = (s: Submission) => s as Submission<'rmf-chatbot-gap'>;
  const grade: Exercise['grade'] = (submission, options = {}) => gradeRmfGap(rubric, own(submission).answers, { subcategories, factTitles, contextNames, ...options });
  return {
    id: 'rmf-chatbot-gap',
    grade,
    reference: (now) => createSubmission('rmf-chatbot-gap', rmfReferenceAnswers(rubric), now, { learner: 'Reference answer' }),
    exports: {
      csv: (s) => rmfCsv(own(s), context),
      md: (s) => rmfMarkdown(own(s), context, grade(s)),
    },
  };
}

/** The ATLAS names, tactics and mitigation links the Project 3 grader needs, from the catalog. */
export function atlasCatalog(): AtlasCatalog {
  const atlas = loadCatalogFiles().find((f) => f.framework === 'atlas');
  if (!atlas || atlas.framework !== 'atlas') throw new Error('content/catalog has no ATLAS file');
  return atlasGradingCatalog(atlas);
}

function atlasExercise(): Exercise {
  const rubric = loadRubric('atlas-fraud-simulation');
  const scenario = rangeScenarioSchema.parse(YAML.parse(readFileSync(`content/scenarios/${rubric.scenario}.yaml`, 'utf8')));
  const catalog = atlasCatalog();
  const roeNames = Object.fromEntries(scenario.roeChoices.map((c) => [c.id, c.name]));
  const own = (s: Submission) => s as Submission<'atlas-fraud-simulation'>;
  const grade: Exercise['grade'] = (submission, options = {}) => gradeAtlasSimulation(rubric, own(submission).answers, { catalog, roeNames, ...options });
  return {
    id: 'atlas-fraud-simulation',
    grade,
    // The reference runs are real: the range runs them on the default seed (about a second in all).
    reference: (now) => createSubmission('atlas-fraud-simulation', atlasReferenceAnswers(rubric, catalog, referenceRuns(now)), now, { learner: 'Reference answer' }),
    exports: {
      md: (s) => atlasMarkdown(own(s), catalog, { title: scenario.title, roeNames }, grade(s)),
      navigator: (s) => `${JSON.stringify(navigatorLayer(own(s), catalog, scenario.title), null, 2)}\n`,
    },
  };
}

const FACTORIES: Partial<Record<ExerciseId, () => Exercise>> = {
  'stride-medical-imaging': strideExercise,
  'rmf-chatbot-gap': rmfExercise,
  'atlas-fraud-simulation': atlasExercise,
};

const cache = new Map<ExerciseId, Exercise>();

export function exercise(id: ExerciseId): Exercise {
  let found = cache.get(id);
  if (!found) {
    const factory = FACTORIES[id];
    if (!factory) throw new Error(`The exercise "${id}" has no grader yet.`);
    found = factory();
    cache.set(id, found);
  }
  return found;
}
