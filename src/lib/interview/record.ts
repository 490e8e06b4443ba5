/**
 * The learner's interview practice as stored (`aitm:v1:interview:attempts`): drill attempts with
 * their coverage and self-assessment, and mock interviews. Validated on read like everything else.
 */

export const CRITERIA = ['structure', 'accuracy', 'depth', 'practicality', 'communication'] as const;
export type Criterion = (typeof CRITERIA)[number];

export type SelfScores = Record<Criterion, number>;

export interface DrillAttempt {
  /** Interview question id. */
  question: string;
  /** ISO 8601. */
  at: string;
  /** Seconds spent answering (pauses excluded). */
  seconds: number;
  /** What the learner wrote (kept so they can review it). */
  answer: string;
  /** Key points covered, of `total`. */
  covered: number;
  total: number;
  structured: boolean;
  /** 1-5 per criterion once the learner rated the answer; null before. */
  self: SelfScores | null;
  /** The mock interview this attempt belongs to, if any. */
  mock?: string;
}

export interface MockInterview {
  id: string;
  /** ISO 8601. */
  startedAt: string;
  questions: string[];
  finished: boolean;
}

export interface InterviewRecord {
  attempts: DrillAttempt[];
  mocks: MockInterview[];
}

export const INTERVIEW_LIMITS = { attempts: 200, mocks: 50, answer: 6_000, questionsPerMock: 10 };

export const emptyInterviewRecord = (): InterviewRecord => ({ attempts: [], mocks: [] });

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const isIso = (v: unknown): v is string => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const onlyKeys = (v: Record<string, unknown>, allowed: readonly string[]) =>
  Object.keys(v).every((k) => allowed.includes(k));

function parseSelf(value: unknown): SelfScores | null | undefined {
  if (value === null) return null;
  if (!isPlain(value) || Object.keys(value).length !== CRITERIA.length) return undefined;
  for (const c of CRITERIA) if (!isInt(value[c], 1, 5)) return undefined;
  return value as unknown as SelfScores;
}

function parseAttempt(value: unknown): DrillAttempt | null {
  if (
    !isPlain(value) ||
    !onlyKeys(value, ['question', 'at', 'seconds', 'answer', 'covered', 'total', 'structured', 'self', 'mock'])
  )
    return null;
  const { question, at, seconds, answer, covered, total, structured, mock } = value;
  const self = parseSelf(value['self']);
  if (typeof question !== 'string' || !ID.test(question) || !isIso(at) || !isInt(seconds, 0, 86_400)) return null;
  if (typeof answer !== 'string' || answer.length > INTERVIEW_LIMITS.answer) return null;
  if (!isInt(total, 0, 50) || !isInt(covered, 0, total) || typeof structured !== 'boolean' || self === undefined)
    return null;
  if (mock !== undefined && (typeof mock !== 'string' || !ID.test(mock))) return null;
  return { question, at, seconds, answer, covered, total, structured, self, ...(mock === undefined ? {} : { mock }) };
}

function parseMock(value: unknown): MockInterview | null {
  if (!isPlain(value) || !onlyKeys(value, ['id', 'startedAt', 'questions', 'finished'])) return null;
  const { id, startedAt, questions, finished } = value;
  if (typeof id !== 'string' || !ID.test(id) || !isIso(startedAt) || typeof finished !== 'boolean') return null;
  if (!Array.isArray(questions) || questions.length === 0 || questions.length > INTERVIEW_LIMITS.questionsPerMock)
    return null;
  if (!questions.every((q) => typeof q === 'string' && ID.test(q))) return null;
  return { id, startedAt, questions: [...questions] as string[], finished };
}

export function parseInterviewRecord(value: unknown): InterviewRecord | null {
  if (
    !isPlain(value) ||
    Object.keys(value).length !== 2 ||
    !Array.isArray(value['attempts']) ||
    !Array.isArray(value['mocks'])
  )
    return null;
  if (value['attempts'].length > INTERVIEW_LIMITS.attempts || value['mocks'].length > INTERVIEW_LIMITS.mocks)
    return null;
  const attempts = value['attempts'].map(parseAttempt);
  const mocks = value['mocks'].map(parseMock);
  if (attempts.some((a) => a === null) || mocks.some((m) => m === null)) return null;
  return { attempts: attempts as DrillAttempt[], mocks: mocks as MockInterview[] };
}

/** Adds an attempt, dropping the oldest past the limit. */
export function withAttempt(record: InterviewRecord, attempt: DrillAttempt): InterviewRecord {
  return {
    ...record,
    attempts: [...record.attempts, { ...attempt, answer: attempt.answer.slice(0, INTERVIEW_LIMITS.answer) }].slice(
      -INTERVIEW_LIMITS.attempts,
    ),
  };
}
