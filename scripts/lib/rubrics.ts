/** Loads answer keys and scenarios from content/ in Node (CLIs, tests), validated like the build does. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { formatIssues } from '../../src/lib/content/format-issues';
import { scenarioFileSchema, type ScenarioFile } from '../../src/lib/content/schema';
import { kindOf, type ExerciseId, type ExerciseOfKind, type KindOf } from '../../src/lib/exercises/registry';
import { strideKey, type StrideKey } from '../../src/lib/exercises/stride/rubric';
import { loadPatternLibrary } from '../../src/data/patterns';
import { answerKey, rubricFileSchema, type AnswerKey, type RubricByKind } from '../../src/lib/exercises/rubric-file';

/** An exercise's answer key, of its kind's type; a key of another kind is an error. */
export function loadRubric<E extends ExerciseId>(exercise: E, dir = 'content/rubrics'): RubricByKind[KindOf<E>] {
  const file = path.join(dir, `${exercise}.yaml`);
  const parsed = rubricFileSchema.safeParse(YAML.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(formatIssues(file, parsed.error).join('\n'));
  const rubric = parsed.data;
  if (rubric.kind !== kindOf(exercise) || rubric.exercise !== exercise)
    throw new Error(`${file}: is not the answer key of ${exercise}`);
  return rubric as RubricByKind[KindOf<E>];
}

/** An exercise's answer key with the threat-pattern library, as graders receive it (rubric.json). */
export function loadAnswerKey(exercise: ExerciseId, dir = 'content/rubrics'): AnswerKey {
  return answerKey(loadRubric(exercise, dir), loadPatternLibrary());
}

/** A STRIDE exercise's key with the library, typed for the STRIDE grader (tests, bench). */
export function loadStrideKey(exercise: ExerciseOfKind<'stride-table'>, dir = 'content/rubrics'): StrideKey {
  return strideKey(loadRubric(exercise, dir), loadPatternLibrary());
}

/** A scenario file (content/scenarios/<id>.yaml). */
export function loadScenario(id: string, dir = 'content/scenarios'): ScenarioFile {
  const file = path.join(dir, `${id}.yaml`);
  const parsed = scenarioFileSchema.safeParse(YAML.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(formatIssues(file, parsed.error).join('\n'));
  return parsed.data;
}
