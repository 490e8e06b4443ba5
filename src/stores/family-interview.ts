/** Registers the interview-practice family: drill attempts and mock interviews (`interview:attempts`). */
import { parseInterviewRecord } from '../lib/interview/record';
import { registerFamily } from '../lib/progress/keys';

/** Drill attempts and mock interviews (`interview:attempts`). */
export const INTERVIEW_FAMILY = registerFamily({
  prefix: 'interview:attempts',
  exact: true,
  label: 'interview practice',
  preference: false,
  validate: parseInterviewRecord,
});
