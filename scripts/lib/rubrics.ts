/** Loads answer keys from content/rubrics/ in Node (CLIs, tests), validated like the build does. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { rubricFileSchema, type RubricFile } from '../../src/lib/grading/rubric-schema';
import { formatIssues } from '../../src/lib/content/format-issues';

export function loadRubric(exercise: string, dir = 'content/rubrics'): RubricFile {
  const file = path.join(dir, `${exercise}.yaml`);
  const parsed = rubricFileSchema.safeParse(YAML.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(formatIssues(file, parsed.error).join('\n'));
  return parsed.data;
}
