/**
 * Keyword lists: text written as a string of terms ("refund limit, daily cap, PII redaction, DLP,
 * guardrails...") rather than as sentences that say something. Graders read written answers for
 * what they state, so a list of every term a key might look for must not pass as a statement.
 *
 * A stretch of text is a list when it has at least LIST_MIN_SEPARATORS separators (commas,
 * semicolons and colons followed by a space, spaced slashes, vertical bars, bullets), its items
 * average fewer than WORDS_PER_ITEM meaningful words, and it has none of the small words that make
 * a clause (is, were, must, it, which, because...). Prose with an enumeration ("refunds, personal
 * data and wrong answers"), and terse notes listing four or five actions, stay prose.
 */
import { countMeaningfulWords, normaliseText } from './words';

/** A list has at least this many separators. */
export const LIST_MIN_SEPARATORS = 6;
/** List items average fewer meaningful words than this. */
const WORDS_PER_ITEM = 4;

/** Punctuation followed by a space (not "2,000" or "LLM03:2026"), a spaced slash, bars, bullets. */
const SEPARATORS = /[,;:](?=\s|$)|\s\/\s|[|•·]|\n\s*[-*]\s/g;

/** Words that make a clause: a sentence with one of them says something, however terse. */
const CLAUSE_WORDS = new Set(
  'is are was were be been being am has have had will would can could must should may might does did do it they we our its their them which who whom whose because so but if until unless than then when while'.split(
    ' ',
  ),
);

/** Whether a stretch of text (a field, a sentence) is a keyword list. */
export function isKeywordList(text: string): boolean {
  const separators = (text.match(SEPARATORS) ?? []).length;
  if (separators < LIST_MIN_SEPARATORS) return false;
  if (countMeaningfulWords(text, Number.MAX_SAFE_INTEGER) >= WORDS_PER_ITEM * (separators + 1)) return false;
  return !normaliseText(text)
    .split(/[^a-z0-9]+/)
    .some((w) => CLAUSE_WORDS.has(w));
}

/** The sentences of a text: split after a full stop, question or exclamation mark before a capital, and at line breaks. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z"“‘(])|\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A text split into its prose and its keyword-list sentences, with their meaningful word counts. */
export function splitProse(text: string): { prose: string; listed: string; listWords: number; words: number } {
  const prose: string[] = [];
  const listed: string[] = [];
  for (const sentence of sentencesOf(text)) (isKeywordList(sentence) ? listed : prose).push(sentence);
  const listedText = listed.join('\n');
  return {
    prose: prose.join('\n'),
    listed: listedText,
    listWords: countMeaningfulWords(listedText, Number.MAX_SAFE_INTEGER),
    words: countMeaningfulWords(text, Number.MAX_SAFE_INTEGER),
  };
}
