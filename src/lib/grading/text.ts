/**
 * Text matching for free-text answers: does a learner's sentence mention a concept?
 *
 * Text is normalised (NFKD, accents and case folded, hyphens joined), cut into clauses at
 * punctuation, stripped of stop words and stemmed (Porter). A concept is a list of synonym
 * phrases; a phrase matches when its words appear in order inside one clause (at most one other
 * word between two of them), each word equal or close enough: the first letter must agree, one
 * edit is allowed from 5 letters and two from 9 (a transposition counts as one). A multi-word
 * phrase also matches its words written as one. A match preceded closely by a negation ("no",
 * "without", "not") in the same clause does not count.
 *
 * So "posioned trainig data" still means poisoned training data, and "de-identification" never
 * means "re-identification".
 *
 * Speed: every concept word goes into one vocabulary, bucketed by first letter. A text's distinct
 * words are compared once with the vocabulary words that could be similar (same first letter,
 * close length), results are memoised, and each text keeps an index from vocabulary word to the
 * positions that match it. A 40-row table grades in about a millisecond.
 */
import { stemmer } from 'stemmer';
import { clausesOf, MAX_WORDS, meaningfulWords, normaliseText } from './words';

/** One word of a text, as written (normalised) and stemmed. */
export interface Word {
  surface: string;
  stem: string;
}

/** A text ready for matching: clauses of words, and an index filled as concepts are looked up. */
export interface CompiledText {
  clauses: Word[][];
  /** Vocabulary id -> ascending positions of matching words, each as clause * 65536 + index. */
  index: Map<number, number[]>;
  /** Vocabulary ids below this have been indexed. */
  indexed: number;
  /** Words known as written (surfaces and stems): never read as typos of other words. */
  known: ReadonlySet<string> | undefined;
  /** Every concept the text mentions (see `mentioned`), and how many concepts existed when it was built. */
  found: Map<CompiledConcept, Mention> | undefined;
  foundOf: number;
}

/** A phrase as vocabulary ids: its words in order, and the words written as one. */
interface Phrase {
  words: number[];
  joined: number | undefined;
}

/** A concept ready for matching: its synonym phrases. */
export interface CompiledConcept {
  id: string;
  phrases: Phrase[];
  /** Vocabulary id -> the rest of each phrase that starts with that word ([] for a one-word phrase or a joined form). */
  starts: Map<number, number[][]>;
}

/** Whether a concept is mentioned. */
export type Mention = 'yes' | 'negated' | 'no';

/** Words that flip the meaning of what follows in their clause. */
const NEGATORS = new Set([
  'no',
  'not',
  'without',
  'never',
  'none',
  'cannot',
  'cant',
  'dont',
  'doesnt',
  'isnt',
  'arent',
  'wont',
  'lack',
  'lacks',
  'lacking',
  'absent',
]);

/** How many words before a match a negation still applies to. */
const NEGATION_WINDOW = 3;

const stemCache = new Map<string, string>();

function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    cached = stemmer(word);
    if (stemCache.size < 50_000) stemCache.set(word, cached);
  }
  return cached;
}

function words(clause: string): Word[] {
  return meaningfulWords(clause).map((surface) => ({ surface, stem: stem(surface) }));
}

/** Edits allowed for a word of this length: none below 5 letters, one from 5, two from 9. */
function allowedEdits(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits), capped. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const cols = b.length + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    prevPrev = prev;
    prev = current;
  }
  return prev[cols - 1] ?? cap + 1;
}

/** Close enough: the same first letter and within the allowed edits. */
export function similarWords(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0]) return false;
  const cap = allowedEdits(Math.min(a.length, b.length));
  return cap > 0 && editDistance(a, b, cap) <= cap;
}

function sameWord(text: Word, concept: Word): boolean {
  return (
    text.stem === concept.stem || similarWords(text.stem, concept.stem) || similarWords(text.surface, concept.surface)
  );
}

// ---- the vocabulary of every concept word

const vocabulary: Word[] = [];
const vocabularyIds = new Map<string, number>();
/** First letter -> vocabulary ids whose surface or stem starts with it. */
const buckets = new Map<string, number[]>();

function vocabularyId(word: Word): number {
  const key = `${word.surface}\u0000${word.stem}`;
  let id = vocabularyIds.get(key);
  if (id === undefined) {
    id = vocabulary.length;
    vocabulary.push(word);
    vocabularyIds.set(key, id);
    for (const letter of new Set([word.surface[0] ?? '', word.stem[0] ?? ''])) {
      const bucket = buckets.get(letter);
      if (bucket) bucket.push(id);
      else buckets.set(letter, [id]);
    }
  }
  return id;
}

/**
 * For each learner word ever seen: the vocabulary words it matches, checked up to `upTo`. Pure
 * results, so they are kept across grading runs (bounded), and extended as vocabulary grows.
 */
const wordMatches = new Map<string, { upTo: number; ids: number[] }>();
/** The same, for each set of known words (a word in the set matches only exactly). */
const knownWordMatches = new WeakMap<ReadonlySet<string>, Map<string, { upTo: number; ids: number[] }>>();

function couldMatch(word: Word, other: Word): boolean {
  return (
    Math.abs(word.surface.length - other.surface.length) <= 2 || Math.abs(word.stem.length - other.stem.length) <= 2
  );
}

function vocabularyMatches(word: Word, known: ReadonlySet<string> | undefined): number[] {
  // A word known as written is not a typo of another ("production" is not "prediction").
  const exactOnly = known !== undefined && (known.has(word.surface) || known.has(word.stem));
  let cache = wordMatches;
  if (exactOnly) {
    let forKnown = knownWordMatches.get(known);
    if (!forKnown) {
      forKnown = new Map();
      knownWordMatches.set(known, forKnown);
    }
    cache = forKnown;
  }
  let entry = cache.get(word.surface);
  if (entry && entry.upTo === vocabulary.length) return entry.ids;
  if (!entry) {
    if (cache.size > 100_000) cache.clear();
    entry = { upTo: 0, ids: [] };
    cache.set(word.surface, entry);
  }
  const from = entry.upTo;
  const first = buckets.get(word.surface[0] ?? '') ?? [];
  const second = word.stem[0] === word.surface[0] ? [] : (buckets.get(word.stem[0] ?? '') ?? []);
  for (const bucket of [first, second]) {
    for (const id of bucket) {
      if (id < from || entry.ids.includes(id)) continue;
      const other = vocabulary[id] as Word;
      const matches = exactOnly
        ? word.stem === other.stem || word.surface === other.surface
        : couldMatch(word, other) && sameWord(word, other);
      if (matches) entry.ids.push(id);
    }
  }
  entry.upTo = vocabulary.length;
  return entry.ids;
}

/** Positions are encoded as clause * CLAUSE + index in clause (clauses are far shorter). */
const CLAUSE = 65_536;

/** Adds every vocabulary word registered since the text was last indexed. */
function ensureIndexed(text: CompiledText): void {
  if (text.indexed === vocabulary.length) return;
  const from = text.indexed;
  // In text order, so every position list comes out sorted.
  text.clauses.forEach((clause, c) => {
    clause.forEach((word, i) => {
      for (const id of vocabularyMatches(word, text.known)) {
        if (id < from) continue;
        const positions = text.index.get(id);
        if (positions) positions.push(c * CLAUSE + i);
        else text.index.set(id, [c * CLAUSE + i]);
      }
    });
  });
  text.indexed = vocabulary.length;
  text.found = undefined;
}

function fromClauses(clauses: Word[][], known: ReadonlySet<string> | undefined): CompiledText {
  return { clauses, index: new Map(), indexed: 0, known, found: undefined, foundOf: 0 };
}

/** The stems of a phrase's meaningful words. */
export function stemsOf(phrase: string): string[] {
  return words(normaliseText(phrase)).map((w) => w.stem);
}

/** Surfaces and stems of phrases: words a reader knows, so never typos (see `compileText`). */
export function knownWords(phrases: Iterable<string>): Set<string> {
  const known = new Set<string>();
  for (const phrase of phrases)
    for (const word of words(normaliseText(phrase))) {
      known.add(word.surface);
      known.add(word.stem);
    }
  return known;
}

/**
 * Cuts a text into clauses of words, ready for matching; reads at most `maxWords` words. Words in
 * `known` match only exactly: typo tolerance is for words the reader does not know.
 */
export function compileText(text: string, maxWords = MAX_WORDS, known?: ReadonlySet<string>): CompiledText {
  const clauses: Word[][] = [];
  let budget = maxWords;
  for (const part of clausesOf(text, maxWords)) {
    if (budget <= 0) break;
    const clause = words(part).slice(0, budget);
    budget -= clause.length;
    if (clause.length > 0) clauses.push(clause);
  }
  return fromClauses(clauses, known);
}

/** Two texts read as one (their clauses stay separate), without compiling them again. */
export function joinTexts(a: CompiledText, b: CompiledText): CompiledText {
  return fromClauses([...a.clauses, ...b.clauses], a.known);
}

export function compileConcept(id: string, synonyms: readonly string[]): CompiledConcept {
  const phrases = synonyms
    .map((s) => words(normaliseText(s)))
    .filter((p) => p.length > 0)
    .map((p) => {
      const joined = p.map((w) => w.surface).join('');
      return {
        words: p.map(vocabularyId),
        joined: p.length > 1 ? vocabularyId({ surface: joined, stem: stem(joined) }) : undefined,
      };
    });
  const starts = new Map<number, number[][]>();
  const addStart = (start: number, rest: number[]) => {
    const list = starts.get(start);
    if (list) list.push(rest);
    else starts.set(start, [rest]);
  };
  for (const phrase of phrases) {
    const [first, ...rest] = phrase.words;
    if (first !== undefined) addStart(first, rest);
    if (phrase.joined !== undefined) addStart(phrase.joined, []);
  }
  const concept = { id, phrases, starts };
  conceptCount++;
  for (const start of starts.keys()) {
    const starting = conceptsStartingWith.get(start);
    if (starting) starting.push(concept);
    else conceptsStartingWith.set(start, [concept]);
  }
  return concept;
}

/** No phrase starts here (shared, so a lookup that misses allocates nothing). */
const NO_PHRASES: readonly number[][] = [];

/** Vocabulary id -> the concepts with a phrase that starts with that word (or is that word joined). */
const conceptsStartingWith = new Map<number, CompiledConcept[]>();
/** Concepts compiled so far. */
let conceptCount = 0;

/**
 * Every concept the text mentions, found in one pass over its words: for each word, only the
 * concepts with a phrase starting there are tried. Rebuilt when the vocabulary grows or a concept
 * is compiled after the text was read.
 */
function mentioned(text: CompiledText): ReadonlyMap<CompiledConcept, Mention> {
  ensureIndexed(text);
  if (text.found && text.foundOf === conceptCount) return text.found;
  const found = new Map<CompiledConcept, Mention>();
  for (const [id, positions] of text.index) {
    const starting = conceptsStartingWith.get(id);
    if (!starting) continue;
    for (const concept of starting) {
      if (found.get(concept) === 'yes') continue;
      phrases: for (const rest of concept.starts.get(id) ?? NO_PHRASES) {
        // Most phrases fail on a word the text never uses: check that once, not at every start.
        if (!rest.every((word) => text.index.has(word))) continue;
        for (const start of positions) {
          if (rest.length > 0 && !followsFrom(text, rest, start)) continue;
          if (!negatedAt(text, start)) {
            found.set(concept, 'yes');
            break phrases;
          }
          if (!found.has(concept)) found.set(concept, 'negated');
        }
      }
    }
  }
  text.found = found;
  text.foundOf = conceptCount;
  return found;
}

/** Whether the phrase's remaining words follow `start` in its clause, each within two places. */
function followsFrom(text: CompiledText, rest: readonly number[], start: number): boolean {
  let position = start;
  for (const id of rest) {
    const positions = text.index.get(id);
    if (!positions) return false;
    let next = -1;
    for (const p of positions) {
      if (p > position + 2) break;
      if (p > position) {
        next = p;
        break;
      }
    }
    if (next < 0) return false;
    position = next;
  }
  return true;
}

function negatedAt(text: CompiledText, at: number): boolean {
  const clause = text.clauses[Math.floor(at / CLAUSE)] as Word[];
  const index = at % CLAUSE;
  for (let i = Math.max(0, index - NEGATION_WINDOW); i < index; i++)
    if (NEGATORS.has((clause[i] as Word).surface)) return true;
  return false;
}

/** The concepts a text mentions (or mentions only negated): to look only at what it touches. */
export function mentionedConcepts(text: CompiledText): Iterable<CompiledConcept> {
  return mentioned(text).keys();
}

/** Whether the text mentions the concept: yes, only negated ("no encryption"), or no. */
export function mentions(text: CompiledText, concept: CompiledConcept): Mention {
  return mentioned(text).get(concept) ?? 'no';
}

/** Every group needs at least one of its concepts mentioned (AND of ORs). */
export function mentionsAll(text: CompiledText, groups: ReadonlyArray<readonly CompiledConcept[]>): boolean {
  return groups.every((group) => group.some((concept) => mentions(text, concept) === 'yes'));
}

/** Meaningful words in a text (after stop words): to tell a real sentence from a keyword. */
export function wordCount(text: CompiledText): number {
  return text.clauses.reduce((n, clause) => n + clause.length, 0);
}
