/**
 * A threat row is "unrated" until the learner rates it (issue 19): a new row no longer shows
 * "risk 4" as if rated. The validator, the risk rules, the exports and the grader all say so.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStrideAnswers, type StrideRow } from '../../src/lib/exercises/stride/answers';
import { strideCsv, strideMarkdown, strideThreatDragon } from '../../src/lib/exercises/stride/export';
import { gradeStrideTable } from '../../src/lib/exercises/stride/grade';
import { strideReferenceAnswers } from '../../src/lib/exercises/stride/reference';
import { byRisk, highestRisks, isRated, ratingText, riskOf } from '../../src/lib/exercises/stride/risk';
import { strideExportContext } from '../../src/lib/exercises/stride/context';
import { createSubmission } from '../../src/lib/share/submission';
import { emptyRow } from '../../src/stores/stride-draft';
import { scenarioOf } from '../../scripts/lib/exercises';
import { loadStrideKey } from '../../scripts/lib/rubrics';

const rubric = loadStrideKey('stride-medical-imaging');
const reference = strideReferenceAnswers(rubric);
const unrated = (row: StrideRow): StrideRow => ({ ...row, likelihood: null, severity: null });

describe('an unrated row', () => {
  it('is what a new row starts as', () => {
    expect(emptyRow('inference-api')).toMatchObject({ likelihood: null, severity: null });
  });

  it('passes the validator as null, while other values are still refused', () => {
    const row = { ...unrated(reference.rows[0] as StrideRow) };
    expect(checkStrideAnswers({ components: [], rows: [row] }, 'answers').rows[0]).toMatchObject({
      likelihood: null,
      severity: null,
    });
    for (const bad of [0, 4, '2', undefined])
      expect(() => checkStrideAnswers({ components: [], rows: [{ ...row, severity: bad }] }, 'answers')).toThrow(
        /severity should be 1, 2, 3 or null \(unrated\)|severity is missing/,
      );
  });

  it('has no risk: it sorts after every rated row and is never a highest risk', () => {
    const rows = [
      { id: 'a', likelihood: null, severity: null },
      { id: 'b', likelihood: 1, severity: 1 },
      { id: 'c', likelihood: 3, severity: null },
      { id: 'd', likelihood: 3, severity: 3 },
    ] as const;
    expect(byRisk(rows).map((r) => r.id)).toEqual(['d', 'b', 'a', 'c']);
    expect(highestRisks([rows[0], rows[2]])).toEqual([]);
    expect(rows.map((r) => [isRated(r), riskOf(r), ratingText(r)])).toEqual([
      [false, 0, 'unrated'],
      [true, 1, 'L1 x S1'],
      [false, 0, 'unrated (L3)'],
      [true, 9, 'L3 x S3'],
    ]);
  });

  it('is exported as unrated: empty cells in CSV, "unrated" in Markdown, no severity in Threat Dragon', () => {
    const row = unrated(reference.rows[0] as StrideRow);
    const submission = createSubmission(
      'stride-medical-imaging',
      { components: [row.component], rows: [row] },
      new Date('2026-12-07T10:00:00Z'),
    );
    const context = strideExportContext(scenarioOf('stride-medical-imaging'));
    const csvRow = strideCsv(submission, context).split('\r\n')[1] ?? '';
    expect(csvRow).toMatch(/,,,unrated,/);
    expect(strideMarkdown(submission, context)).toMatch(/^\| unrated \| /m);
    const model = JSON.stringify(strideThreatDragon(submission, context));
    expect(model).toContain('"severity":""');
    expect(model).toContain('Not rated yet.');
    expect(model).not.toContain('null');
  });

  it('is told to rate it, without being shown the key’s ratings', () => {
    const row = unrated(reference.rows[0] as StrideRow);
    const report = gradeStrideTable(rubric, { components: reference.components, rows: [row] });
    const note = report.feedback.find((f) => f.target === 'row 1');
    expect(note?.message).toMatch(/Rate this threat/);
    expect(note?.message).not.toMatch(/the key rates likelihood/);
  });

  it('never scores above the same row rated as the key rates it (any row of the key)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: reference.rows.length - 1 }), (i) => {
        const row = reference.rows[i] as StrideRow;
        const score = (r: StrideRow) =>
          gradeStrideTable(rubric, { components: reference.components, rows: [r] }).parts['calibration']?.score ?? 0;
        expect(score(unrated(row))).toBeLessThan(score(row));
        expect(score({ ...row, severity: null })).toBeLessThan(score(row));
      }),
    );
  });
});
