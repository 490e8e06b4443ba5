/**
 * Components available inside lesson, project and workshop MDX without imports: pages render
 * content with `<Content components={mdxComponents} />`, so authors write prose, not code.
 */
import AnswerKey from './AnswerKey.astro';
import Atlas from './Atlas.astro';
import Callout from './Callout.astro';
import Check from './Check.astro';
import InstructorNotes from './InstructorNotes.astro';
import Owasp from './Owasp.astro';
import Rmf from './Rmf.astro';
import Term from './Term.astro';

export const mdxComponents = { AnswerKey, Atlas, Callout, Check, InstructorNotes, Owasp, Rmf, Term };
