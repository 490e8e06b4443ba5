/** Registers the interview-practice family: drill attempts and mock interviews (`interview:attempts`). */
import { parseInterviewRecord, type InterviewRecord } from '../lib/interview/record';
import { registerFamily, type KeyFamily } from '../lib/progress/keys';

/** Drill attempts and mock interviews (`interview:attempts`). */
export const INTERVIEW_FAMILY: KeyFamily<InterviewRecord> = {
  prefix: 'interview:attempts',
  exact: true,
  label: 'interview practice',
  validate: parseInterviewRecord,
};
registerFamily(INTERVIEW_FAMILY);
