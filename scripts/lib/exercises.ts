/**
 * What the CLIs need per exercise: the answer key, the scenario, names for feedback, the export
 * context, and how to grade. Adding an exercise kind adds an entry here.
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { scenarioSchema } from '../../src/lib/content/schema';
import type { GradeReport } from '../../src/lib/grading/report';
import type { StrideRubric } from '../../src/lib/grading/rubric-schema';
import { gradeStrideTable, referenceAnswers } from '../../src/lib/grading/stride';
import type { StrideExportContext } from '../../src/lib/export/stride';
import type { ExerciseId, Submission } from '../../src/lib/share/submission';
import { createSubmission } from '../../src/lib/share/submission';
import { loadRubric } from './rubrics';

export interface Exercise {
  id: ExerciseId;
  grade(submission: Submission, options?: { revealMissed?: boolean }): GradeReport;
  reference(now: Date): Submission;
  exportContext: StrideExportContext;
}

function strideExercise(): Exercise {
  const rubric = loadRubric('stride-medical-imaging') as StrideRubric;
  const scenario = scenarioSchema.parse(YAML.parse(readFileSync(`content/scenarios/${rubric.scenario}.yaml`, 'utf8')));
  const componentNames = Object.fromEntries(
    [...scenario.components, ...scenario.decompositionChoices.components, ...scenario.decompositionChoices.boundaries].map((c) => [c.id, c.name]),
  );
  return {
    id: 'stride-medical-imaging',
    grade: (submission, options = {}) =>
      gradeStrideTable(rubric, (submission as Submission<'stride-medical-imaging'>).answers, { componentNames, ...options }),
    reference: (now) => createSubmission('stride-medical-imaging', referenceAnswers(rubric), now, { learner: 'Reference answer' }),
    exportContext: {
      title: scenario.title,
      components: [...scenario.components, ...scenario.actors.map((a) => ({ ...a, kind: 'actor' as const }))],
      flows: scenario.flows,
    },
  };
}

const cache = new Map<ExerciseId, Exercise>();

export function exercise(id: ExerciseId): Exercise {
  let found = cache.get(id);
  if (!found) {
    found = strideExercise();
    cache.set(id, found);
  }
  return found;
}
