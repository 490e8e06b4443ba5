/**
 * Registers the `draft:<item id>` family (exercises in progress). Its own module so exercise
 * pages load this validator without those of lesson checks, interview practice and flashcards.
 */
import { parseDraft } from '../lib/progress/draft';
import { registerFamily } from '../lib/progress/keys';
import { isItemId } from '../lib/progress/record';

/** An exercise in progress (`draft:<item id>`). */
export const DRAFT_FAMILY = registerFamily({
  prefix: 'draft:',
  exact: false,
  label: 'exercise draft',
  preference: false,
  validateKey: isItemId,
  validate: parseDraft,
});
