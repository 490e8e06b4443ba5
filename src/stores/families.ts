/**
 * Every key family beyond the built-in ones (progress, theme). Importing this module registers
 * them all: the Progress page does (through backup.ts), so export and import validate everything a
 * learner has saved. Stores import only their own family's module, so a page pays for the
 * validators it uses.
 */
import './family-dashboard';
import './family-draft';
import './family-interview';
import './family-quiz';
import './family-room';
import './family-srs';
