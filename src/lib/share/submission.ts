/**
 * The submission format: what a learner exports, shares as a code, sends to an instructor and
 * what `npm run grade` reads. Validation is hand-written (no schema library) because it runs in
 * the browser on every import: everything from outside is checked field by field, with a
 * message that names the field, and nothing saved is touched until it passes.
 *
 *   { "format": "aitm.submission", "version": 1, "exercise": "stride-medical-imaging",
 *     "submittedAt": "2026-11-26T10:00:00Z", "learner": "optional", "answers": { ... } }
 */
import {
  checkAnswers,
  isExerciseId,
  type AnswersByExercise,
  type AnswersOf,
  type ExerciseId,
  type KindId,
} from '../exercises/registry';
import { checkOrNull, fail, InvalidField, LIMITS, object, text } from './fields';
import { isPlainObject, MAX_FILE_BYTES, parseUntrustedJson, type Result } from './safe-json';

export const SUBMISSION_FORMAT = 'aitm.submission';
export const SUBMISSION_VERSION = 1;

/** A date, or a date and time with seconds optional and a zone ("Z" or "+01:00"). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

export interface Submission<E extends ExerciseId = ExerciseId> {
  format: typeof SUBMISSION_FORMAT;
  version: typeof SUBMISSION_VERSION;
  exercise: E;
  /** ISO 8601. */
  submittedAt: string;
  /** Optional name, for instructors. Plain text. */
  learner?: string;
  /** Optional team, for instructors. Plain text. */
  team?: string;
  /** Optional workshop room code. */
  room?: string;
  answers: AnswersByExercise[E];
}

/** Validates answers for one exercise (drafts in storage use this); null when anything is wrong. */
export function validateAnswers<E extends ExerciseId>(exercise: E, value: unknown): AnswersByExercise[E] | null {
  return checkOrNull((v, path) => checkAnswers(exercise, v, path), value, 'answers');
}

/** Validates a parsed value as a submission; the error names the field and the problem. */
export function validateSubmission(value: unknown): Result<Submission> {
  try {
    if (!isPlainObject(value)) return { ok: false, error: 'A submission should be a JSON object.' };
    if (value['format'] !== SUBMISSION_FORMAT) {
      return value['format'] === 'aitm.progress'
        ? { ok: false, error: 'This is a progress file, not an exercise submission. Import it on the Progress page.' }
        : {
            ok: false,
            error: 'This is not an AI Threat Modeling Lab submission: its "format" should be "aitm.submission".',
          };
    }
    const version = value['version'];
    if (typeof version === 'number' && version > SUBMISSION_VERSION) {
      return {
        ok: false,
        error: `The submission is format version ${version}, made by a newer version of the site; this one reads version ${SUBMISSION_VERSION}.`,
      };
    }
    if (version !== SUBMISSION_VERSION) return { ok: false, error: 'The submission has no valid "version".' };
    const envelope = object(
      value,
      'submission',
      ['format', 'version', 'exercise', 'submittedAt', 'learner', 'team', 'room', 'answers'],
      ['exercise', 'submittedAt', 'answers'],
    );
    const exercise = envelope['exercise'];
    if (!isExerciseId(exercise)) {
      return {
        ok: false,
        error: `The exercise "${String(exercise).slice(0, 60)}" is not one this version of the site can grade.`,
      };
    }
    const submittedAt = text(40)(envelope['submittedAt'], 'submission.submittedAt');
    // Strict ISO 8601 (what the site writes), so nothing else ever reaches a report as a "date".
    if (!ISO_DATE.test(submittedAt) || Number.isNaN(Date.parse(submittedAt)))
      fail('submission.submittedAt', 'should be an ISO 8601 date and time, such as 2026-11-26T10:00:00Z');
    const optional = (key: 'learner' | 'team' | 'room') =>
      envelope[key] === undefined ? {} : { [key]: text(LIMITS.name)(envelope[key], `submission.${key}`) };
    return {
      ok: true,
      value: {
        format: SUBMISSION_FORMAT,
        version: SUBMISSION_VERSION,
        exercise,
        submittedAt,
        ...optional('learner'),
        ...optional('team'),
        ...optional('room'),
        answers: checkAnswers(exercise, envelope['answers'], 'answers'),
      },
    };
  } catch (error) {
    if (error instanceof InvalidField) return { ok: false, error: `The submission is not valid: ${error.message}.` };
    throw error;
  }
}

/** Reads a submission file's text: size, JSON, prototype keys, then the fields. */
export function readSubmission(text: string): Result<Submission> {
  const parsed = parseUntrustedJson(text, MAX_FILE_BYTES);
  if (!parsed.ok) return parsed;
  return validateSubmission(parsed.value);
}

export function createSubmission<E extends ExerciseId>(
  exercise: E,
  answers: AnswersByExercise[E],
  now: Date,
  extra: { learner?: string; team?: string; room?: string } = {},
): Submission<E> {
  const who = Object.fromEntries(
    Object.entries(extra)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => [k, (v as string).trim()]),
  );
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    exercise,
    submittedAt: now.toISOString(),
    ...who,
    answers,
  };
}

export function serialiseSubmission(submission: Submission): string {
  return `${JSON.stringify(submission, null, 2)}\n`;
}

/** File name for a download, e.g. `stride-medical-imaging-2026-11-26.json`. */
export function submissionFileName(submission: Submission, extension = 'json'): string {
  return `${submission.exercise}-${submission.submittedAt.slice(0, 10)}.${extension}`;
}

/** A submission with answers of type A (any exercise whose kind has such answers). */
export type SubmissionOf<A> = Omit<Submission, 'answers'> & { answers: A };
/** A submission of any exercise of a kind: what that kind's exports read. */
export type KindSubmission<K extends KindId> = SubmissionOf<AnswersOf<K>>;
