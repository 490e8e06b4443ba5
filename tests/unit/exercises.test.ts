import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { bindExercise } from '../../src/lib/exercises/bind';
import { loadKind } from '../../src/lib/exercises/loaders';
import { EXERCISE_IDS, EXERCISES, KIND_IDS, kindOf } from '../../src/lib/exercises/registry';
import { rubricFileSchema } from '../../src/lib/exercises/rubric-file';
import { countMeaningfulWords } from '../../src/lib/grading/words';
import { compileText, wordCount } from '../../src/lib/grading/text';
import { readSubmission, type Submission } from '../../src/lib/share/submission';
import { loadCatalogFiles } from '../../scripts/lib/catalog';
import { exercise, scenarioOf } from '../../scripts/lib/exercises';
import { loadAnswerKey, loadRubric } from '../../scripts/lib/rubrics';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('the registry', () => {
  it('names the known exercises when an id is unknown, instead of falling back to a kind', () => {
    expect(() => kindOf('pentest')).toThrow(`Unknown exercise "pentest". Known: ${EXERCISE_IDS.join(', ')}.`);
  });

  it('refuses to load an unknown kind, naming the known ones', async () => {
    await expect(loadKind('threat-tree' as never)).rejects.toThrow(`Known: ${KIND_IDS.join(', ')}`);
  });

  it('agrees with content: every registered exercise has an answer key of its kind, and every key is registered', () => {
    const keys = readdirSync('content/rubrics').filter((f) => f.endsWith('.yaml'));
    expect(keys.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual([...EXERCISE_IDS].sort());
    for (const id of EXERCISE_IDS) expect(loadRubric(id).kind).toBe(EXERCISES[id]);
  });

  it('rejects an answer key whose kind is not the one the registry lists for its exercise', () => {
    const rmfKey = YAML.parse(readFileSync('content/rubrics/rmf-chatbot-gap.yaml', 'utf8')) as Record<string, unknown>;
    const parsed = rubricFileSchema.safeParse({ ...rmfKey, kind: 'stride-table' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('the registry lists rmf-chatbot-gap as "rmf-gap"');
  });

  it('will not bind a key to another exercise', async () => {
    const rubric = loadAnswerKey('rmf-chatbot-gap');
    await expect(
      bindExercise('stride-medical-imaging', rubric, {
        scenario: scenarioOf('stride-medical-imaging'),
        catalog: loadCatalogFiles(),
      }),
    ).rejects.toThrow('is not the key of stride-medical-imaging');
  });

  it('grades a submission only with its own exercise', async () => {
    const stride = await exercise('stride-medical-imaging');
    const rmf = await (await exercise('rmf-chatbot-gap')).reference(NOW);
    expect(() => stride.grade(rmf)).toThrow('This grader is for stride-medical-imaging, not rmf-chatbot-gap');
  });
});

describe('every kind', () => {
  it.each(EXERCISE_IDS)(
    '%s: its reference is a valid submission that grades 1, and every export accepts it',
    async (id) => {
      const bound = await exercise(id);
      const reference = await bound.reference(NOW);
      const read = readSubmission(JSON.stringify(reference));
      expect(read.ok).toBe(true);
      const report = await bound.check(reference);
      expect(report.score).toBe(1);
      for (const exporter of Object.values(bound.exports))
        expect(exporter(reference, report).length).toBeGreaterThan(0);
    },
  );

  it.each(EXERCISE_IDS)(
    '%s: the grading context is the same function of scenario and catalog everywhere (pure, deterministic)',
    async (id) => {
      const kind = await loadKind(kindOf(id));
      const a = kind.gradingContext(scenarioOf(id), loadCatalogFiles());
      const b = kind.gradingContext(scenarioOf(id), loadCatalogFiles());
      expect(JSON.parse(JSON.stringify(a))).toEqual(b);
    },
  );

  it.each(EXERCISE_IDS)('%s: a kind refuses a scenario of another sort, naming it', async (id) => {
    const kind = await loadKind(kindOf(id));
    const other = EXERCISE_IDS.find((x) => EXERCISES[x] !== EXERCISES[id]) ?? id;
    expect(() => kind.gradingContext(scenarioOf(other), loadCatalogFiles())).toThrow(/needs a .* scenario/);
  });
});

/** Answers made by dropping and shuffling parts of the reference: the shapes learners produce. */
function variantsOf(reference: Submission) {
  const answers = reference.answers as unknown as Record<string, unknown>;
  const listKeys = Object.keys(answers).filter((k) => Array.isArray(answers[k]));
  return fc
    .record(Object.fromEntries(listKeys.map((k) => [k, fc.subarray(answers[k] as unknown[])])))
    .map((lists) => ({ ...answers, ...lists }));
}

describe('feedback items', () => {
  it.each(EXERCISE_IDS)(
    '%s: every item names a step of its own kind, and a row only where it points at one',
    async (id) => {
      const bound = await exercise(id);
      const reference = await bound.reference(NOW);
      const steps = new Set(bound.steps.map((s) => s.id));
      await fc.assert(
        fc.asyncProperty(variantsOf(reference), fc.boolean(), async (answers, revealMissed) => {
          // Read back as a learner's file would be: the variant must be a valid submission of this exercise.
          const read = readSubmission(JSON.stringify({ ...reference, answers }));
          if (!read.ok) throw new Error(read.error);
          const report = bound.grade(read.value, { revealMissed });
          for (const item of report.feedback) {
            expect(steps.has(item.step), `${item.target}: step "${item.step}"`).toBe(true);
            if (item.row !== undefined) expect(Number.isInteger(item.row) && item.row >= 0).toBe(true);
          }
        }),
        { numRuns: 40 },
      );
    },
  );
});

describe('word counts', () => {
  it('the editor counts exactly the words the grader reads', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              'the',
              'of',
              'model',
              'poisoned',
              'AML.T0040',
              '—',
              ' - ',
              'is',
              'PII',
              'torch.load',
              're-identification',
              ',',
              '.',
              '\n',
              'Zoë',
            ),
            fc.string(),
          ),
          { maxLength: 80 },
        ),
        (parts) => {
          const text = parts.join(' ');
          expect(countMeaningfulWords(text)).toBe(wordCount(compileText(text)));
        },
      ),
    );
  });
});
