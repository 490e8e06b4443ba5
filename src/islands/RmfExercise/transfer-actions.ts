/**
 * Export and import for the AI RMF exercise, loaded only when the learner uses them (the share
 * code needs a compression library the editor does not).
 */
import { rmfCsv, rmfMarkdown, type RmfExportContext } from '../../lib/exercises/rmf/export';
import type { GradeReport } from '../../lib/grading/report';
import { encodeShareCode } from '../../lib/share/share-code';
import type { Result } from '../../lib/share/safe-json';
import type { ExerciseOfKind } from '../../lib/exercises/registry';
import { createSubmission, type Submission } from '../../lib/share/submission';
import { type RmfAnswers } from '../../lib/exercises/rmf/answers';
import { readImportFor, saveExport, saveSubmission, senderFields, type Sender } from '../common/submission-files';

type RmfSubmission = Submission<ExerciseOfKind<'rmf-gap'>>;

export function submissionOf(exercise: ExerciseOfKind<'rmf-gap'>, answers: RmfAnswers, who: Sender): RmfSubmission {
  // Empty owner or due fields are editor state, not part of the answer.
  const priorities = answers.priorities.map((p) => ({
    subcategory: p.subcategory,
    gap: p.gap,
    mitigation: p.mitigation,
    ...(p.owner?.trim() ? { owner: p.owner.trim() } : {}),
    ...(p.due?.trim() ? { due: p.due.trim() } : {}),
  }));
  return createSubmission(exercise, { ...answers, priorities }, new Date(), senderFields(who));
}

export function download(
  kind: string,
  submission: RmfSubmission,
  context: RmfExportContext,
  report?: GradeReport,
): string {
  if (kind === 'csv') return saveExport(submission, 'risk-register.csv', rmfCsv(submission, context), 'text/csv');
  if (kind === 'md')
    return saveExport(submission, 'report.md', rmfMarkdown(submission, context, report), 'text/markdown');
  return saveSubmission(submission);
}

export function shareCodeOf(submission: RmfSubmission): string {
  return encodeShareCode(submission);
}

/** Reads an imported file or pasted code; only submissions of this exercise are accepted. */
export function readImport(
  exercise: ExerciseOfKind<'rmf-gap'>,
  text: string,
  kind: 'file' | 'code',
): Result<RmfAnswers> {
  return readImportFor(exercise, text, kind);
}
