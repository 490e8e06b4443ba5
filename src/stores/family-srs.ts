/** Registers the flashcard family: review state per deck (`srs:<deck>`). */
import { registerFamily } from '../lib/progress/keys';
import { parseDeckState } from '../lib/srs/state';

const DECK = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Review state of one deck (`srs:<deck>`). */
export const SRS_FAMILY = registerFamily({
  prefix: 'srs:',
  exact: false,
  label: 'flashcard reviews',
  preference: false,
  validateKey: (rest) => DECK.test(rest) && rest.length <= 40,
  validate: parseDeckState,
});
