/** Loads answer keys from content/rubrics/ in Node (CLIs, tests), validated like the build does. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { rubricFileSchema, type AtlasRubric, type RmfRubric, type RubricFile, type StrideRubric } from '../../src/lib/grading/rubric-schema';
import { formatIssues } from '../../src/lib/content/format-issues';

/** The answer key type of each exercise that has one. */
export interface RubricByExercise {
  'stride-medical-imaging': StrideRubric;
  'rmf-chatbot-gap': RmfRubric;
  'atlas-fraud-simulation': AtlasRubric;
}

const KINDS: Record<keyof RubricByExercise, RubricFile['kind']> = { 'stride-medical-imaging': 'stride-table', 'rmf-chatbot-gap': 'rmf-gap', 'atlas-fraud-simulation': 'atlas-chain' };

export function loadRubric<E extends keyof RubricByExercise>(exercise: E, dir = 'content/rubrics'): RubricByExercise[E] {
  const file = path.join(dir, `${exercise}.yaml`);
  const parsed = rubricFileSchema.safeParse(YAML.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(formatIssues(file, parsed.error).join('\n'));
  if (parsed.data.kind !== KINDS[exercise] || parsed.data.exercise !== exercise) throw new Error(`${file}: is not the answer key of ${exercise}`);
  return parsed.data as RubricByExercise[E];
}
