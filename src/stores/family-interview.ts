/** Registers the interview-practice family: drill attempts and mock interviews (`interview:attempts`). */
import { parseInterviewRecord } from '../lib/interview/record';
import { registerFamily } from '../lib/progress/keys';

registerFamily({
  prefix: 'interview:attempts',
  exact: true,
  label: 'interview practice',
  preference: false,
  validate: parseInterviewRecord,
});
