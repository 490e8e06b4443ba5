/**
 * What an interview answer covered: each key point of the question checked with the concept
 * matcher (paraphrases and typos count; a negated mention does not), and whether the answer is
 * structured prose or a list of keywords. A keyword list can mention every point and still not
 * be an answer: the feedback says so.
 */
import type { InterviewQuestion } from '../content/schema';
import { compileConcept, compileText, mentionsAll, type CompiledConcept } from '../grading/text';

export interface PointCoverage {
  label: string;
  covered: boolean;
}

export interface Coverage {
  points: PointCoverage[];
  /** Share of key points covered, 0..1. */
  share: number;
  /** Words in the answer (as typed). */
  words: number;
  /** Sentences or bullet lines of five words or more. */
  explainedLines: number;
  /** The answer is mostly bare terms (short comma- or line-separated fragments). */
  keywordList: boolean;
  /** The answer is an explanation, not a list of terms. */
  structured: boolean;
  /** One or two sentences on the answer as a whole. */
  summary: string;
}

const compiled = new WeakMap<InterviewQuestion, CompiledConcept[][][]>();

function keyPoints(question: InterviewQuestion): CompiledConcept[][][] {
  let found = compiled.get(question);
  if (!found) {
    found = question.keyPoints.map((point, p) =>
      point.concepts.map((synonyms, c) => [compileConcept(`${question.id}:${p}:${c}`, synonyms)]),
    );
    compiled.set(question, found);
  }
  return found;
}

/** Sentences and bullet lines, as the learner wrote them. */
function lines(answer: string): string[] {
  return answer
    .split(/\n+|(?<=[.!?])\s+/)
    .map((l) => l.replace(/^\s*([-*•]|\d+[.)])\s*/, '').trim())
    .filter((l) => l.length > 0);
}

const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Fewer words than this is a note, not an answer (about thirty seconds spoken). */
export const MIN_WORDS = 40;

export function coverage(question: InterviewQuestion, answer: string): Coverage {
  const text = compileText(answer);
  const points = question.keyPoints.map((point, i) => ({
    label: point.label,
    covered: mentionsAll(text, keyPoints(question)[i] ?? []),
  }));
  const covered = points.filter((p) => p.covered).length;
  const share = points.length === 0 ? 0 : covered / points.length;
  const all = lines(answer);
  const explainedLines = all.filter((l) => wordsIn(l) >= 5).length;
  const words = wordsIn(answer);
  // Fragments between commas, semicolons, line breaks and sentence ends: a list of terms has many, each short.
  const fragments = answer
    .split(/[,;\n]+|(?<=[.!?])\s+/)
    .map((f) => f.replace(/^\s*([-*•]|\d+[.)])\s*/, '').trim())
    .filter((f) => wordsIn(f) > 0);
  const keywordList = fragments.length >= 4 && words / fragments.length < 3.5;
  // A structured answer explains: enough words, several lines of five words or more, most lines explained.
  const structured = !keywordList && words >= MIN_WORDS && explainedLines >= 2 && explainedLines >= all.length / 2;
  let summary: string;
  if (words === 0) summary = 'No answer yet.';
  else if (keywordList)
    summary =
      'This reads as a list of terms, not an answer: each point needs a sentence saying what it means for the system and why it matters. Mentioned points are marked, but a list does not show you can apply them.';
  else if (!structured && words < MIN_WORDS)
    summary = `${words} words: too short to be an answer an interviewer can judge. Aim for a few explained sentences.`;
  else if (!structured)
    summary =
      'Most of this answer is fragments. Say each point in a sentence: what it is, what it means for this system, and what you would do.';
  else if (share === 1)
    summary =
      'Every key point is there, in sentences. Check the outline for order and the follow-ups you should expect.';
  else summary = `${covered} of ${points.length} key points covered, in sentences. The missed points are listed below.`;
  return { points, share, words, explainedLines, keywordList, structured, summary };
}
