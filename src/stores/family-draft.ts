/**
 * Registers the `draft:<item id>` family (exercises in progress). Its own module so exercise
 * pages load this validator without those of lesson checks, interview practice and flashcards.
 */
import { parseDraft, type Draft } from '../lib/progress/draft';
import { registerFamily, type KeyFamily } from '../lib/progress/keys';
import { isItemId } from '../lib/progress/record';

/** An exercise in progress (`draft:<item id>`). */
export const DRAFT_FAMILY: KeyFamily<Draft> = {
  prefix: 'draft:',
  label: 'exercise draft',
  validateKey: isItemId,
  validate: parseDraft,
};
registerFamily(DRAFT_FAMILY);
