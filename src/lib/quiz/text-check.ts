/**
 * Grades a free-text check with the concept matcher: the answer must mention every concept
 * group (any synonym of each). Kept apart so lesson pages load the matcher only when needed.
 */
import { compileConcept, compileText, mentions } from '../grading/text';
import type { Question, Verdict } from './questions';

type TextQuestion = Extract<Question, { type: 'text' }>;

export function gradeText(question: TextQuestion, answer: string): Verdict {
  const text = compileText(answer);
  const covered = question.concepts.map(
    (synonyms, i) => mentions(text, compileConcept(`${question.id}#${i}`, synonyms)) === 'yes',
  );
  const count = covered.filter(Boolean).length;
  const correct = count === covered.length;
  const summary = correct
    ? 'Right: your answer covers every idea the question asks for.'
    : `Your answer covers ${count} of the ${covered.length} ideas the question asks for.`;
  return { correct, summary, marks: [], covered };
}
