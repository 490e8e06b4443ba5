/**
 * Downloading and importing submissions, shared by the exercises' transfer actions (which load
 * lazily, with the share-code compression library).
 */
import { decodeShareCode } from '../../lib/share/share-code';
import type { Result } from '../../lib/share/safe-json';
import { readSubmission, serialiseSubmission, submissionFileName, type Submission } from '../../lib/share/submission';
import { type AnswersByExercise, type ExerciseId } from '../../lib/exercises/registry';
import { downloadText } from './download';

/** Downloads `text` named after the submission (`<exercise>-<date>.<extension>`); returns the name. */
export function saveExport(submission: Submission, extension: string, text: string, type?: string): string {
  const name = submissionFileName(submission, extension);
  downloadText(name, text, type);
  return name;
}

/** Downloads the submission itself as JSON; returns the file name. */
export function saveSubmission(submission: Submission): string {
  return saveExport(submission, 'json', serialiseSubmission(submission));
}

/** Reads an imported file or pasted code; only submissions of `exercise` are accepted. */
export function readImportFor<E extends ExerciseId>(
  exercise: E,
  text: string,
  kind: 'file' | 'code',
): Result<AnswersByExercise[E]> {
  const result = kind === 'file' ? readSubmission(text) : decodeShareCode(text);
  if (!result.ok) return result;
  if (result.value.exercise !== exercise)
    return {
      ok: false,
      error: `This is a submission for "${result.value.exercise}", not for the exercise on this page (${exercise}).`,
    };
  return { ok: true, value: (result.value as Submission<E>).answers };
}

/** Who a submission is from: all optional, as typed on the page. */
export interface Sender {
  learner: string;
  team: string;
  room: string;
}

/** The envelope fields for a sender, leaving out what is blank. */
export function senderFields(who: Sender): { learner?: string; team?: string; room?: string } {
  return {
    ...(who.learner.trim() ? { learner: who.learner.trim().slice(0, 120) } : {}),
    ...(who.team.trim() ? { team: who.team.trim().slice(0, 120) } : {}),
    ...(who.room.trim() ? { room: who.room.trim().slice(0, 40) } : {}),
  };
}
