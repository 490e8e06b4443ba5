/** Registers the flashcard family: review state per deck (`srs:<deck>`). */
import { registerFamily, type KeyFamily } from '../lib/progress/keys';
import { parseDeckState, type DeckState } from '../lib/srs/state';

const DECK = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Review state of one deck (`srs:<deck>`). */
export const SRS_FAMILY: KeyFamily<DeckState> = {
  prefix: 'srs:',
  label: 'flashcard reviews',
  validateKey: (rest) => DECK.test(rest) && rest.length <= 40,
  validate: parseDeckState,
};
registerFamily(SRS_FAMILY);
