/**
 * Rubric lint: every answer key grades its own reference answer 1.0, each reference row reads as
 * its own threat's pattern (from the threat sentence alone), and key and scenario agree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { scenarioSchema } from '../../src/lib/content/schema';
import { gradeStrideTable } from '../../src/lib/exercises/stride/grade';
import { strideReferenceAnswers } from '../../src/lib/exercises/stride/reference';
import { readBack } from '../../src/lib/patterns/read';
import { displayedChoices } from '../../src/lib/exercises/choices';
import { loadStrideKey } from '../../scripts/lib/rubrics';
import { EXERCISE_IDS, isExerciseOfKind, isLabExercise } from '../../src/lib/exercises/registry';

/** Every STRIDE-AI exercise: Project 1 and the STRIDE labs. */
const STRIDE_EXERCISES = EXERCISE_IDS.filter((id) => isExerciseOfKind(id, 'stride-table'));

for (const id of STRIDE_EXERCISES) {
  const rubric = loadStrideKey(id);

  describe(`STRIDE rubric: ${id}`, () => {
    it('grades its reference answer 1.0, with every row correct', () => {
      const report = gradeStrideTable(rubric, strideReferenceAnswers(rubric));
      expect(report.feedback.filter((f) => f.verdict !== 'correct')).toEqual([]);
      expect(report.score).toBe(1);
    });

    it('reads every reference row as its own threat, on its own component', () => {
      const wrong: string[] = [];
      for (const threat of rubric.threats) {
        const reading = readBack(rubric.library, threat.reference.threat, threat.reference.impact);
        if (reading.source !== 'threat' || !reading.patterns.includes(threat.pattern))
          wrong.push(`${threat.id} reads as ${reading.patterns.join(', ') || 'nothing'} (${reading.source})`);
      }
      expect(wrong).toEqual([]);
      const report = gradeStrideTable(rubric, strideReferenceAnswers(rubric));
      expect(report.items.every((item) => item.covered)).toBe(true);
    });

    it('gives every reference mitigation credit and no reference row a misconception', () => {
      const report = gradeStrideTable(rubric, strideReferenceAnswers(rubric));
      expect(report.parts['mitigations']?.score).toBe(1);
      expect(report.parts['precision']?.score).toBe(1);
    });

    it('covers all six STRIDE categories and every component', () => {
      expect(new Set(rubric.threats.map((t) => t.category))).toEqual(new Set(['S', 'T', 'R', 'I', 'D', 'E']));
      expect(new Set(rubric.threats.map((t) => t.component))).toEqual(new Set(rubric.decomposition.components));
    });
  });

  describe(`${id}: rubric and scenario agree`, () => {
    const scenario = scenarioSchema.parse(
      YAML.parse(readFileSync(`content/scenarios/${rubric.scenario}.yaml`, 'utf8')),
    );
    const realComponents = scenario.components.map((c) => c.id);
    const realBoundaries = scenario.trustBoundaries.map((b) => b.id);

    it('on the components and trust boundaries', () => {
      expect([...rubric.decomposition.components].sort()).toEqual([...realComponents].sort());
      expect([...rubric.decomposition.boundaries].sort()).toEqual([...realBoundaries].sort());
    });

    it('in step 1, where a candidate sits says nothing about whether it is real', () => {
      // Content lists the real parts first; the page shows a seeded shuffle. Neither list may come
      // out as all real parts before all decoys (or the reverse), on this page or any other.
      const shown = displayedChoices(id, scenario.decompositionChoices);
      const real = new Set([...realComponents, ...realBoundaries]);
      for (const list of [shown.components, shown.boundaries]) {
        const flags = list.map((c) => real.has(c.id));
        const sorted = (xs: boolean[]) => xs.every((x, i) => i === 0 || xs[i - 1] === x || xs[i - 1] === true);
        const reversed = (xs: boolean[]) => xs.every((x, i) => i === 0 || xs[i - 1] === x || xs[i - 1] === false);
        if (flags.includes(true) && flags.includes(false))
          expect(sorted(flags) || reversed(flags), JSON.stringify(flags)).toBe(false);
      }
    });

    it('on the distractors offered in step 1, each explained', () => {
      const offered = [...scenario.decompositionChoices.components, ...scenario.decompositionChoices.boundaries].map(
        (c) => c.id,
      );
      const distractors = offered.filter((id) => !realComponents.includes(id) && !realBoundaries.includes(id));
      expect(Object.keys(rubric.decomposition.distractors).sort()).toEqual(distractors.sort());
      expect(Object.keys(rubric.decomposition.why).sort()).toEqual([...realComponents, ...realBoundaries].sort());
    });
  });

  // A lab's page states the count from the key itself; a project's text says it in words.
  if (!isLabExercise(id))
    describe(`${id}: the page and its key agree`, () => {
      it('on how many threats the key holds', () => {
        const page = readFileSync(`content/projects/${id}.mdx`, 'utf8');
        expect(/key of the (\d+) threats/.exec(page)?.[1]).toBe(String(rubric.threats.length));
      });
    });
}
