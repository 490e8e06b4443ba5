import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeStrideTable } from '../../src/lib/exercises/stride/grade';
import { strideReferenceAnswers } from '../../src/lib/exercises/stride/reference';
import type { StrideAnswers, StrideRow } from '../../src/lib/exercises/stride/answers';
import { loadCatalog } from '../../scripts/lib/catalog';
import { loadStrideKey } from '../../scripts/lib/rubrics';
import { goodAnswers, partialAnswers, shotgunAnswers, stuffedAnswers } from './fixtures/stride-submissions';

const rubric = loadStrideKey('stride-medical-imaging');
const reference = strideReferenceAnswers(rubric);
const grade = (answers: StrideAnswers) => gradeStrideTable(rubric, answers).score;
const rowsOf = (rows: StrideRow[]): StrideAnswers => ({
  components: reference.components,
  boundaries: reference.boundaries ?? [],
  rows,
});

describe('example submissions', () => {
  it('score in the order good > partial > keyword-stuffed >= shotgun, with stuffing at most 0.1', () => {
    const scores = [grade(goodAnswers), grade(partialAnswers), grade(stuffedAnswers), grade(shotgunAnswers)];
    // The good answer covers 14 of the 21 threats of key version 2, each well.
    expect(scores[0]).toBeGreaterThan(0.6);
    expect(scores[0]).toBeGreaterThan(scores[1] as number);
    expect(scores[1]).toBeGreaterThan(scores[2] as number);
    expect(scores[2]).toBeGreaterThanOrEqual(scores[3] as number);
    expect(scores[2]).toBeLessThanOrEqual(0.1);
  });

  it('still counts "posioned trainig data" as poisoning', () => {
    const row: StrideRow = {
      component: 'data-sources',
      category: 'T',
      threat: 'The labelling contractor could add posioned trainig data by flipping pneumothorax lables to normal',
      impact: 'Model misses pneumothorax',
      likelihood: 2,
      severity: 3,
      mitigation: 'double read a sample of contractor labels and compare label distributions',
    };
    const report = gradeStrideTable(rubric, rowsOf([row]));
    expect(report.feedback.find((f) => f.target === 'row 1')).toMatchObject({ verdict: 'correct' });
    expect(report.feedback.some((f) => f.expected === 'label-poisoning')).toBe(false);
  });

  it('does not take de-identification for re-identification', () => {
    const deid = (threat: string): StrideRow => ({
      component: 'data-sources',
      category: 'I',
      threat,
      impact: 'patients exposed',
      likelihood: 2,
      severity: 3,
      mitigation: 'scrub burned-in text with OCR',
    });
    const covered = (threat: string) =>
      gradeStrideTable(rubric, rowsOf([deid(threat)]))
        .items.filter((i) => i.covered)
        .map((i) => i.id);
    expect(covered('Images go through de-identification before they are exported to the cluster')).toEqual([]);
    expect(covered('Researchers could re-identify patients from the exported images with the linkage table')).toEqual([
      'reidentification-linkage',
    ]);
    expect(covered('Burned-in names on portable films survive the de-identification script')).toEqual([
      'deidentification-failure',
    ]);
  });

  it('explains a wrong component, a wrong category and an accepted alternative', () => {
    const ref = reference.rows.find((r) => r.id === 'adversarial-evasion') as StrideRow;
    const feedbackFor = (row: StrideRow) =>
      gradeStrideTable(rubric, rowsOf([row])).feedback.find((f) => f.target === 'row 1')?.message ?? '';
    expect(feedbackFor({ ...ref, component: 'model-registry' })).toMatch(
      /belongs on inference-api, not model-registry/,
    );
    expect(feedbackFor({ ...ref, category: 'R' })).toMatch(/The key files this under T \(Tampering\), not R/);
    expect(feedbackFor({ ...ref, category: 'E' })).toMatch(/E is accepted as well as T/);
  });

  it('hints at missed threats first, and names them when asked', () => {
    const hinted = gradeStrideTable(rubric, rowsOf([])).feedback.find((f) => f.expected === 'parser-exploit');
    expect(hinted?.message).toMatch(/^Hint for inference-api:/);
    expect(hinted?.message).not.toMatch(/DICOM file exploits|Code execution/);
    const revealed = gradeStrideTable(rubric, rowsOf([]), { revealMissed: true }).feedback.find(
      (f) => f.expected === 'parser-exploit',
    );
    expect(revealed?.message).toMatch(/^Code execution through a malformed DICOM file/);
  });

  it('corrects a known misconception', () => {
    const row: StrideRow = {
      component: 'inference-api',
      category: 'T',
      threat: 'Adversarial examples sent to the API make the model miss pneumothorax',
      impact: 'Urgent studies are not prioritized',
      likelihood: 1,
      severity: 3,
      mitigation: 'Encrypt all traffic with TLS so adversarial examples cannot be injected',
    };
    const report = gradeStrideTable(rubric, rowsOf([row]));
    expect(report.feedback.some((f) => f.verdict === 'wrong' && /Encryption protects images/.test(f.message))).toBe(
      true,
    );
    expect(report.parts['precision']?.score).toBeLessThan(1);
  });

  it('links every feedback item about a threat to the page that teaches it', () => {
    const report = gradeStrideTable(rubric, partialAnswers);
    for (const item of report.feedback.filter(
      (f) => f.verdict === 'missed' || f.verdict === 'correct' || f.verdict === 'partial',
    )) {
      expect(item.lesson, item.target).toMatch(/^\//);
    }
  });
});

// ---- properties

const variants = (row: StrideRow): StrideRow[] => [
  row,
  { ...row, mitigation: 'monitor it' },
  { ...row, likelihood: 3, severity: 1 },
  { ...row, category: row.category === 'I' ? 'D' : 'I' },
];
const extras: StrideRow[] = [
  {
    component: 'clinician-app',
    category: 'D',
    threat: 'The worklist web server runs out of disk space and stops loading studies',
    impact: 'Radiologists cannot open the worklist',
    likelihood: 1,
    severity: 2,
    mitigation: 'Alert on disk usage and rotate logs',
  },
  {
    component: 'clinician-app',
    category: 'S',
    threat: 'radiologist',
    impact: '',
    likelihood: 1,
    severity: 1,
    mitigation: '',
  },
];
const pool = [...reference.rows.flatMap(variants), ...extras];
const arbRows = fc
  .uniqueArray(fc.integer({ min: 0, max: pool.length - 1 }), { maxLength: 20 })
  .map((ix) => ix.map((i) => pool[i] as StrideRow));
const arbAnswers = fc
  .tuple(arbRows, fc.subarray(reference.components))
  .map(([rows, components]) => ({ components, boundaries: [], rows }));

const shuffle = <T>(items: T[], seed: number): T[] => {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

describe('grader properties', () => {
  it('keeps the score in [0, 1]', () => {
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        const score = grade(answers);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('ignores row order, row ids, case and punctuation', () => {
    fc.assert(
      fc.property(arbAnswers, fc.integer(), (answers, seed) => {
        const restyled = shuffle(answers.rows, seed).map((row, i) => ({
          ...row,
          id: `r${seed}-${i}`,
          threat: `${row.threat.toUpperCase()}!!`,
          impact: row.impact.replace(/,/g, ' ;'),
          mitigation: row.mitigation.toLowerCase(),
        }));
        expect(grade({ ...answers, rows: restyled })).toBe(grade(answers));
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 100) },
    );
  });

  it('never rewards a duplicate row', () => {
    fc.assert(
      fc.property(
        arbAnswers.filter((a) => a.rows.length > 0),
        fc.nat(),
        (answers, pick) => {
          const copy = answers.rows[pick % answers.rows.length] as StrideRow;
          expect(grade({ ...answers, rows: [...answers.rows, { ...copy }] })).toBeLessThanOrEqual(grade(answers));
        },
      ),
    );
  });

  it('never lowers the score when a correct row for an uncovered threat is added', () => {
    fc.assert(
      fc.property(arbAnswers, fc.nat(), (answers, pick) => {
        const report = gradeStrideTable(rubric, answers);
        const missing = report.feedback.filter((f) => f.verdict === 'missed' && f.expected).map((f) => f.expected);
        fc.pre(missing.length > 0);
        const id = missing[pick % missing.length];
        const row = reference.rows.find((r) => r.id === id) as StrideRow;
        expect(grade({ ...answers, rows: [...answers.rows, row] })).toBeGreaterThanOrEqual(report.score);
      }),
    );
  });

  it('never rewards appending the whole vocabulary to every cell', () => {
    const vocabulary = [
      ...Object.values(rubric.library.concepts).flat(),
      ...rubric.library.controls.flatMap((c) => c.phrasings),
    ].join(', ');
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        const stuffed = answers.rows.map((row) => ({
          ...row,
          threat: `${row.threat} ${vocabulary}`,
          impact: `${row.impact} ${vocabulary}`,
          mitigation: `${row.mitigation} ${vocabulary}`,
        }));
        expect(grade({ ...answers, rows: stuffed })).toBeLessThanOrEqual(grade(answers));
      }),
    );
  });

  it('scores listing the whole catalog near 0', () => {
    const catalog = loadCatalog();
    const components = reference.components;
    const letters = ['S', 'T', 'R', 'I', 'D', 'E'] as const;
    const rows: StrideRow[] = catalog.atlas.techniques.map((t, i) => ({
      component: components[i % components.length] as string,
      category: letters[i % letters.length] as StrideRow['category'],
      threat: `${t.name}: ${t.summary}`,
      impact: '',
      likelihood: 2,
      severity: 2,
      mitigation: catalog
        .mitigationsOf(t.id)
        .map((m) => m.name)
        .join(', '),
    }));
    expect(grade(rowsOf(rows))).toBeLessThan(0.05);
  });
});
