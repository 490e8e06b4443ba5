/**
 * "constructor" is a valid id, and ids from a learner's file are looked up in plain records: no
 * grader, feedback line or export may find Object.prototype's members there (issue 15).
 */
import { describe, expect, it } from 'vitest';
import { exercise } from '../../scripts/lib/exercises';
import type { ExerciseId } from '../../src/lib/exercises/registry';
import { readSubmission, serialiseSubmission, type Submission } from '../../src/lib/share/submission';

const NOW = new Date('2026-12-06T00:00:00Z');

/** The reference answer with "constructor" where an id goes, read back through the validator as a file would be. */
async function hostile(id: ExerciseId): Promise<Submission> {
  const file = JSON.parse(serialiseSubmission(await (await exercise(id)).reference(NOW))) as {
    answers: Record<string, unknown>;
  };
  const answers = file.answers;
  if (id === 'stride-medical-imaging') {
    const rows = answers['rows'] as Array<{ component: string }>;
    if (rows[0]) rows[0].component = 'constructor';
    answers['components'] = [...(answers['components'] as string[]), 'constructor'];
  } else if (id === 'rmf-chatbot-gap') {
    answers['contexts'] = [...(answers['contexts'] as string[]), 'constructor'];
    const first = (answers['assessments'] as Array<{ evidence?: string[] }>)[0];
    if (first) first.evidence = [...(first.evidence ?? []), 'constructor'];
  } else {
    answers['roe'] = [...(answers['roe'] as string[]), 'constructor'];
  }
  const read = readSubmission(JSON.stringify(file));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

describe('an id named "constructor"', () => {
  for (const id of ['stride-medical-imaging', 'rmf-chatbot-gap', 'atlas-fraud-simulation'] as const) {
    it(`is graded and exported as text by ${id}`, async () => {
      const bound = await exercise(id);
      const submission = await hostile(id);
      const report = bound.grade(submission, { revealMissed: true });
      const outputs = [
        JSON.stringify(report),
        ...Object.values(bound.exports).map((exporter) => exporter(submission, report)),
      ];
      for (const out of outputs) expect(out).not.toContain('native code');
    });
  }
});
