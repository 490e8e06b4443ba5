/**
 * Registers the `quiz:<lesson item id>` family (answers to a lesson's checks). Its own module so
 * lesson pages load this validator without those of the exercise drafts.
 */
import { registerFamily, type KeyFamily } from '../lib/progress/keys';
import { isItemId } from '../lib/progress/record';
import { parseQuizRecord, type QuizRecord } from '../lib/quiz/record';

/** A lesson's check answers (`quiz:<lesson item id>`). */
export const QUIZ_FAMILY: KeyFamily<QuizRecord> = {
  prefix: 'quiz:',
  label: 'lesson check answers',
  validateKey: isItemId,
  validate: parseQuizRecord,
};
registerFamily(QUIZ_FAMILY);
