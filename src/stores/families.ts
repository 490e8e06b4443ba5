/**
 * Key families beyond the built-in ones (progress, theme). Importing this module registers them;
 * modules that read such keys import it, and so does the Progress page, so export and import
 * validate everything a learner has saved.
 */
import { registerFamily } from '../lib/progress/keys';
import { parseDraft } from '../lib/progress/draft';
import { isItemId } from '../lib/progress/record';
import './family-quiz';

/** An exercise in progress (`draft:<item id>`). */
export const DRAFT_FAMILY = registerFamily({
  prefix: 'draft:',
  exact: false,
  label: 'exercise draft',
  preference: false,
  validateKey: isItemId,
  validate: parseDraft,
});
import './family-interview';
import './family-srs';
