/**
 * Blind calibration: submissions written from the learner's page alone (tests/fixtures/blind/,
 * see its README) must stay in their score bands. A failure here means the grader or the key
 * moved away from how experts, terse experts, half-finished, confidently wrong and gaming
 * learners actually write; fix the grader or the key, never the fixture.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSubmission } from '../../src/lib/share/submission';
import { exercise } from '../../scripts/lib/exercises';
import { EXERCISE_IDS, isExerciseId, isLabExercise } from '../../src/lib/exercises/registry';

const ROOT = 'tests/fixtures/blind';

/** Score bands by kind of submission (DESIGN.md, "Grading model"). */
const BANDS: Record<string, { min: number; max: number }> = {
  expert: { min: 0.75, max: 1 },
  terse: { min: 0.55, max: 1 },
  half: { min: 0.2, max: 0.7 },
  wrong: { min: 0, max: 0.25 },
  gaming: { min: 0, max: 0.2 },
  'bare-names': { min: 0, max: 0.3 },
};

const kindOf = (file: string) => {
  const name = path.basename(file, '.json');
  return name.endsWith('bare-names') ? 'bare-names' : (name.split('-').pop() ?? '');
};

for (const id of readdirSync(ROOT).filter((d) => !d.includes('.'))) {
  describe(`blind calibration: ${id}`, () => {
    if (!isExerciseId(id)) throw new Error(`${ROOT}/${id}: not an exercise the registry knows`);
    const files = readdirSync(path.join(ROOT, id)).filter((f) => f.endsWith('.json'));
    const grade = async (file: string) => {
      const result = readSubmission(readFileSync(path.join(ROOT, id, file), 'utf8'));
      if (!result.ok) throw new Error(`${file}: ${result.error}`);
      return (await (await exercise(id)).check(result.value)).score;
    };

    // A project has three writers or more of every kind; a lab at least an expert, a half and a gaming answer.
    const required = isLabExercise(id)
      ? { expert: 1, half: 1, gaming: 1 }
      : { expert: 3, terse: 3, half: 3, wrong: 3, gaming: 3 };
    it('has the kinds of submission it needs, each in a known band', () => {
      for (const file of files) expect(BANDS[kindOf(file)], file).toBeDefined();
      for (const [kind, least] of Object.entries(required))
        expect(files.filter((f) => kindOf(f) === kind).length, kind).toBeGreaterThanOrEqual(least);
    });

    it('grades its reference answer at least 0.99', async () => {
      const bound = await exercise(id);
      expect((await bound.check(await bound.reference(new Date('2026-12-06T00:00:00Z')))).score).toBeGreaterThanOrEqual(
        0.99,
      );
    });

    for (const file of files) {
      const band = BANDS[kindOf(file)];
      it(`keeps ${file} in its band (${band?.min}-${band?.max})`, async () => {
        const score = await grade(file);
        expect(score).toBeGreaterThanOrEqual(band?.min ?? 0);
        expect(score).toBeLessThanOrEqual(band?.max ?? 1);
      });
    }

    it('scores each half answer below the same writer’s expert answer', async () => {
      for (const file of files.filter((f) => kindOf(f) === 'half')) {
        const expert = file.replace(/-half\.json$/, '-expert.json');
        if (!files.includes(expert)) continue;
        expect(await grade(file), file).toBeLessThan(await grade(expert));
      }
    });
  });
}

/** Every corpus stays byte for byte as written (SHA256SUMS) and valid submissions of its exercise. */
for (const id of readdirSync(ROOT).filter((d) => !d.includes('.'))) {
  describe(`frozen corpus: ${ROOT}/${id}`, () => {
    const dir = path.join(ROOT, id);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

    it('is byte for byte as written (SHA256SUMS lists every file)', () => {
      const sums = readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/));
      expect(sums.map(([, file]) => file).sort()).toEqual([...files].sort());
      for (const [sum, file] of sums)
        expect(
          createHash('sha256')
            .update(readFileSync(path.join(dir, file ?? '')))
            .digest('hex'),
          file,
        ).toBe(sum);
    });

    it('holds valid submissions of its exercise', () => {
      for (const file of files) {
        const result = readSubmission(readFileSync(path.join(dir, file), 'utf8'));
        expect(result.ok ? result.value.exercise : result.error, file).toBe(id);
      }
    });
  });
}

/** Every exercise has a blind corpus: a lab is calibrated like a project before it goes live. */
describe('every exercise is calibrated', () => {
  it.each(EXERCISE_IDS)('%s has a blind corpus', (id) => {
    expect(existsSync(path.join(ROOT, id, 'SHA256SUMS'))).toBe(true);
  });
});
