/**
 * An exercise in progress, as stored under `aitm:v1:draft:<item id>`: the answers so far and
 * where the learner stands (attempts, whether missed items are revealed).
 */
import { isExerciseId, type AnswersByExercise, type ExerciseId } from '../exercises/registry';
import { validateAnswers } from '../share/submission';
import { parseChecked, type Checked } from '../grading/checked';

/** A draft whose answers are A (its exercise's kind's answers). */
export interface Draft<A = AnswersByExercise[ExerciseId]> {
  exercise: ExerciseId;
  answers: A;
  /** Graded attempts so far. */
  attempts: number;
  /** The learner asked to see the names of missed items. */
  revealed: boolean;
  /** The last check: its report, kept with the work it graded. */
  checked?: Checked;
}

export function parseDraft(value: unknown): Draft | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const required = ['exercise', 'answers', 'attempts', 'revealed'];
  if (!required.every((k) => keys.includes(k)) || !keys.every((k) => required.includes(k) || k === 'checked'))
    return null;
  const { exercise, answers, attempts, revealed } = record;
  if (!isExerciseId(exercise)) return null;
  if (typeof attempts !== 'number' || !Number.isSafeInteger(attempts) || attempts < 0) return null;
  if (typeof revealed !== 'boolean') return null;
  const valid = validateAnswers(exercise, answers);
  if (!valid) return null;
  // A saved report that no longer reads (damaged, or from a format since changed) is dropped; the work never is.
  const checked = record.checked === undefined ? null : parseChecked(record.checked);
  return checked && checked.report.exercise === exercise
    ? { exercise, answers: valid, attempts, revealed, checked }
    : { exercise, answers: valid, attempts, revealed };
}
