/**
 * Interview practice: drill attempts and mock interviews, saved at once (an attempt is a
 * deliberate act), synced across tabs.
 */
import {
  emptyInterviewRecord,
  withAttempt,
  type DrillAttempt,
  type InterviewRecord,
  type MockInterview,
  type SelfScores,
  INTERVIEW_LIMITS,
} from '../lib/interview/record';
import { flushWrites, scheduleWrite } from './deferred-writes';
import { INTERVIEW_FAMILY } from './family-interview';
import { storedAtom } from './stored-atom';

const KEY = 'interview:attempts';

export const $interview = storedAtom(INTERVIEW_FAMILY, KEY, emptyInterviewRecord);

function save(next: InterviewRecord): void {
  $interview.set(next);
  scheduleWrite(KEY, next);
  flushWrites();
}

/** Records an attempt; returns its index, for rating it afterwards. */
export function recordDrillAttempt(attempt: DrillAttempt): number {
  const next = withAttempt($interview.get(), attempt);
  save(next);
  return next.attempts.length - 1;
}

/** Sets the self-assessment of the attempt made at `at` for `question`. */
export function rateAttempt(question: string, at: string, self: SelfScores): void {
  const record = $interview.get();
  save({
    ...record,
    attempts: record.attempts.map((a) => (a.question === question && a.at === at ? { ...a, self } : a)),
  });
}

export function startMock(mock: MockInterview): void {
  const record = $interview.get();
  save({ ...record, mocks: [...record.mocks, mock].slice(-INTERVIEW_LIMITS.mocks) });
}

export function finishMock(id: string): void {
  const record = $interview.get();
  save({ ...record, mocks: record.mocks.map((m) => (m.id === id ? { ...m, finished: true } : m)) });
}

/** Forgets all practice; returns it for Undo. */
export function clearInterview(): InterviewRecord {
  const before = $interview.get();
  save(emptyInterviewRecord());
  return before;
}

export function restoreInterview(record: InterviewRecord): void {
  save(record);
}
