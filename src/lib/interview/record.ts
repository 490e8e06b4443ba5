/**
 * The learner's interview practice as stored (`aitm:v1:interview:attempts`): drill attempts with
 * their coverage and self-assessment, and mock interviews. Validated on read like everything else.
 */

export const CRITERIA = ['structure', 'accuracy', 'depth', 'practicality', 'communication'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_LABELS: Record<Criterion, { label: string; prompt: string }> = {
  structure: {
    label: 'Structure',
    prompt: 'A clear order: context first, then the points, then a conclusion or priority.',
  },
  accuracy: { label: 'Framework accuracy', prompt: 'Framework names, IDs and terms used correctly and current.' },
  depth: {
    label: 'AI-specific depth',
    prompt: 'Threats and controls specific to data, models and their outputs, not generic IT security only.',
  },
  practicality: {
    label: 'Practicality',
    prompt: 'What you would actually do, who owns it, and how you would know it worked.',
  },
  communication: { label: 'Communication', prompt: 'Concise, plain words, at the level the listener needs.' },
};

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

export interface WeakArea {
  /** A topic id or a criterion. */
  name: string;
  kind: 'topic' | 'criterion';
  /** 0..1: average key-point coverage for a topic, average self-score / 5 for a criterion. */
  score: number;
}

/** What a set of attempts says: average coverage and self-scores, and the weakest topics and criteria first. */
export function summarizeAttempts(
  attempts: readonly DrillAttempt[],
  topicOf: (question: string) => string | undefined,
) {
  const coverage =
    attempts.length === 0
      ? 0
      : attempts.reduce((s, a) => s + (a.total === 0 ? 0 : a.covered / a.total), 0) / attempts.length;
  const rated = attempts.filter((a) => a.self !== null);
  const criteria = CRITERIA.map((c) => ({
    name: c,
    kind: 'criterion' as const,
    score: rated.length === 0 ? 0 : rated.reduce((s, a) => s + (a.self?.[c] ?? 0), 0) / rated.length / 5,
  }));
  const byTopic = new Map<string, number[]>();
  for (const a of attempts) {
    const topic = topicOf(a.question);
    if (!topic) continue;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), a.total === 0 ? 0 : a.covered / a.total]);
  }
  const topics = [...byTopic].map(([name, shares]) => ({
    name,
    kind: 'topic' as const,
    score: shares.reduce((s, x) => s + x, 0) / shares.length,
  }));
  const weakest: WeakArea[] = [...topics, ...(rated.length > 0 ? criteria : [])]
    .sort((a, b) => a.score - b.score)
    .slice(0, 3);
  return {
    coverage,
    structured: attempts.filter((a) => a.structured).length,
    rated: rated.length,
    criteria,
    topics,
    weakest,
  };
}
