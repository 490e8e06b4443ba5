/**
 * Export and import for the STRIDE exercise, loaded only when the learner uses them (the share
 * code needs a compression library the editor does not).
 */
import { strideCsv, strideMarkdown, strideThreatDragon, type StrideExportContext } from '../../lib/export/stride';
import type { GradeReport } from '../../lib/grading/report';
import { decodeShareCode, encodeShareCode } from '../../lib/share/share-code';
import type { Result } from '../../lib/share/safe-json';
import { createSubmission, readSubmission, serialiseSubmission, submissionFileName, type StrideAnswers, type Submission } from '../../lib/share/submission';
import { downloadText } from '../common/download';

type StrideSubmission = Submission<'stride-medical-imaging'>;

export function submissionOf(answers: StrideAnswers, learner: string): StrideSubmission {
  // Row ids are editor state, not part of the answer.
  const rows = answers.rows.map((row) => {
    const copy = { ...row };
    delete copy.id;
    return copy;
  });
  return createSubmission('stride-medical-imaging', { ...answers, rows }, new Date(), { learner });
}

export function download(kind: 'json' | 'csv' | 'md' | 'threat-dragon', submission: StrideSubmission, context: StrideExportContext, report?: GradeReport): string {
  switch (kind) {
    case 'json': {
      const name = submissionFileName(submission);
      downloadText(name, serialiseSubmission(submission));
      return name;
    }
    case 'csv': {
      const name = submissionFileName(submission, 'csv');
      downloadText(name, strideCsv(submission, context), 'text/csv');
      return name;
    }
    case 'md': {
      const name = submissionFileName(submission, 'md');
      downloadText(name, strideMarkdown(submission, context, report), 'text/markdown');
      return name;
    }
    case 'threat-dragon': {
      const name = submissionFileName(submission, 'threat-dragon.json');
      downloadText(name, `${JSON.stringify(strideThreatDragon(submission, context), null, 2)}\n`);
      return name;
    }
  }
}

export function shareCodeOf(submission: StrideSubmission): string {
  return encodeShareCode(submission);
}

/** Reads an imported file or pasted code; only submissions of this exercise are accepted. */
export function readImport(text: string, kind: 'file' | 'code'): Result<StrideAnswers> {
  const result = kind === 'file' ? readSubmission(text) : decodeShareCode(text);
  if (!result.ok) return result;
  if (result.value.exercise !== 'stride-medical-imaging') {
    return { ok: false, error: `This is a submission for "${result.value.exercise}", not for this project.` };
  }
  return { ok: true, value: (result.value as StrideSubmission).answers };
}
