/**
 * An exercise in progress, as stored under `aitm:v1:draft:<item id>`: the answers so far and
 * where the learner stands (attempts, whether missed items are revealed).
 */
import { isExerciseId, type AnswersByExercise, type ExerciseId } from '../exercises/registry';
import { validateAnswers } from '../share/submission';

/** A draft whose answers are A (its exercise's kind's answers). */
export interface Draft<A = AnswersByExercise[ExerciseId]> {
  exercise: ExerciseId;
  answers: A;
  /** Graded attempts so far. */
  attempts: number;
  /** The learner asked to see the names of missed items. */
  revealed: boolean;
}

export function parseDraft(value: unknown): Draft | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length !== 4 || !['exercise', 'answers', 'attempts', 'revealed'].every((k) => keys.includes(k))) return null;
  const { exercise, answers, attempts, revealed } = record;
  if (!isExerciseId(exercise)) return null;
  if (typeof attempts !== 'number' || !Number.isSafeInteger(attempts) || attempts < 0) return null;
  if (typeof revealed !== 'boolean') return null;
  const valid = validateAnswers(exercise, answers);
  return valid ? { exercise, answers: valid, attempts, revealed } : null;
}
