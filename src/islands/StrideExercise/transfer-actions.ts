/**
 * Export and import for the STRIDE exercise, loaded only when the learner uses them (the share
 * code needs a compression library the editor does not).
 */
import {
  strideCsv,
  strideMarkdown,
  strideThreatDragon,
  type StrideExportContext,
} from '../../lib/exercises/stride/export';
import type { GradeReport } from '../../lib/grading/report';
import { encodeShareCode } from '../../lib/share/share-code';
import type { Result } from '../../lib/share/safe-json';
import type { ExerciseOfKind } from '../../lib/exercises/registry';
import { createSubmission, type Submission } from '../../lib/share/submission';
import { type StrideAnswers } from '../../lib/exercises/stride/answers';
import { readImportFor, saveExport, saveSubmission, senderFields, type Sender } from '../common/submission-files';

type StrideSubmission = Submission<ExerciseOfKind<'stride-table'>>;

export function submissionOf(
  exercise: ExerciseOfKind<'stride-table'>,
  answers: StrideAnswers,
  who: Sender,
): StrideSubmission {
  // Row ids are editor state, not part of the answer.
  const rows = answers.rows.map((row) => {
    const copy = { ...row };
    delete copy.id;
    return copy;
  });
  return createSubmission(exercise, { ...answers, rows }, new Date(), senderFields(who));
}

export function download(
  kind: string,
  submission: StrideSubmission,
  context: StrideExportContext,
  report?: GradeReport,
): string {
  switch (kind) {
    case 'csv':
      return saveExport(submission, 'csv', strideCsv(submission, context), 'text/csv');
    case 'md':
      return saveExport(submission, 'md', strideMarkdown(submission, context, report), 'text/markdown');
    case 'threat-dragon':
      return saveExport(
        submission,
        'threat-dragon.json',
        `${JSON.stringify(strideThreatDragon(submission, context), null, 2)}\n`,
      );
    default:
      return saveSubmission(submission);
  }
}

export function shareCodeOf(submission: StrideSubmission): string {
  return encodeShareCode(submission);
}

/** Reads an imported file or pasted code; only submissions of this exercise are accepted. */
export function readImport(
  exercise: ExerciseOfKind<'stride-table'>,
  text: string,
  kind: 'file' | 'code',
): Result<StrideAnswers> {
  return readImportFor(exercise, text, kind);
}
