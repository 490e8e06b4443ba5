/**
 * Reading free text through the threat-pattern library: which patterns a threat sentence states,
 * which controls a mitigation names. The same reading drives the STRIDE grader and the editor's
 * read-back ("Read as: model extraction through scores"), so what the learner is shown is what
 * the grader uses.
 */
import {
  mentionedConcepts,
  compileConcept,
  compileText,
  knownWords,
  mentions,
  stemsOf,
  mentionsAll,
  wordCount,
  type CompiledConcept,
  type CompiledText,
} from '../grading/text';
import { MAX_WORDS, meaningfulWords, normaliseText } from '../grading/words';
import { compiledOnce } from '../exercises/compile';
import { OTHER_READING, type PatternLibrary, type ThreatControl, type ThreatPattern } from './types';

/**
 * A threat sentence is a keyword list, not a threat, when it lists three or more patterns (with
 * LIST_SEPARATORS or more commas, slashes or semicolons between short items: fewer than
 * LIST_ITEM_WORDS meaningful words per separator), or states STUFFED_AT or more however written. A
 * rich sentence often touches three or four patterns ("a swapped pickle checkpoint runs code"), and
 * a long one has commas: that is one threat told well, and the assignment picks the key threat it
 * stands for.
 */
export const STUFFED_AT = 6;
export const LISTED_AT = 3;
export const LIST_SEPARATORS = 5;
export const LIST_ITEM_WORDS = 4;
/** A mitigation naming controls of this many kinds is a catch-all, specific to nothing. */
export const CATCH_ALL_AT = 6;
/** A threat sentence needs this many meaningful words to be read at all: who does what to which asset. */
export const MIN_THREAT_WORDS = 5;

export interface CompiledPattern {
  pattern: ThreatPattern;
  /** Alternatives, each an AND of OR-groups. */
  match: CompiledConcept[][][];
  /** Distinctive word stems of its phrasings: a sentence using one of them says part of the pattern. */
  stems: ReadonlySet<string>;
}

/** Not a concept: ordinary words the reader must take as written (see concepts.yaml). */
export const PLAIN_WORDS = 'plain-words';

/** A stem used by this many concepts or more is too common to show what a sentence is about. */
const COMMON_STEM_AT = 4;

export interface CompiledLibrary {
  library: PatternLibrary;
  patterns: CompiledPattern[];
  patternById: ReadonlyMap<string, CompiledPattern>;
  controls: Array<{ control: ThreatControl; concept: CompiledConcept }>;
  concepts: ReadonlyMap<string, CompiledConcept>;
  /** Concept -> the patterns whose phrasings use it, and the control it stands for: to read only what a text touches. */
  patternsOfConcept: ReadonlyMap<CompiledConcept, readonly CompiledPattern[]>;
  controlOfConcept: ReadonlyMap<CompiledConcept, string>;
  /** Every word of the library's phrasings: read exactly, never as a typo of another. */
  known: ReadonlySet<string>;
  /** Words of the patterns' names: what is left of a sentence without them shows whether it was written or templated. */
  nameWords: ReadonlySet<string>;
}

export const compileLibrary = compiledOnce((library: PatternLibrary): CompiledLibrary => {
  const concepts = new Map(
    Object.entries(library.concepts)
      .filter(([id]) => id !== PLAIN_WORDS)
      .map(([id, phrases]) => [id, compileConcept(`library:${id}`, phrases)]),
  );
  const resolve = (groups: string[][]) =>
    groups.map((group) => group.map((id) => concepts.get(id)).filter((c): c is CompiledConcept => c !== undefined));
  const conceptStems = new Map(
    Object.entries(library.concepts).map(([id, phrases]) => [id, new Set(phrases.flatMap(stemsOf))]),
  );
  const spread = new Map<string, number>();
  for (const stems of conceptStems.values()) for (const stem of stems) spread.set(stem, (spread.get(stem) ?? 0) + 1);
  const patterns = library.patterns.map((pattern) => ({
    pattern,
    match: pattern.match.map(resolve),
    stems: new Set(
      pattern.match
        .flat(2)
        .flatMap((id) => [...(conceptStems.get(id) ?? [])])
        .filter((stem) => (spread.get(stem) ?? 0) < COMMON_STEM_AT),
    ),
  }));
  const patternsOfConcept = new Map<CompiledConcept, CompiledPattern[]>();
  for (const p of patterns)
    for (const concept of new Set(p.match.flat(2))) {
      const list = patternsOfConcept.get(concept);
      if (list) list.push(p);
      else patternsOfConcept.set(concept, [p]);
    }
  const controls = library.controls.map((control) => ({
    control,
    concept: compileConcept(`control:${control.id}`, control.phrasings),
  }));
  return {
    library,
    patterns,
    patternById: new Map(patterns.map((p) => [p.pattern.id, p])),
    controls,
    concepts,
    patternsOfConcept,
    controlOfConcept: new Map(controls.map((c) => [c.concept, c.control.id])),
    known: knownWords([...Object.values(library.concepts).flat(), ...library.controls.flatMap((c) => c.phrasings)]),
    nameWords: new Set(library.patterns.flatMap((p) => meaningfulWords(normaliseText(p.name)))),
  };
});

/** A learner's text, compiled the way the library reads it. */
export function readText(lib: CompiledLibrary, text: string): CompiledText {
  let texts = readTexts.get(lib);
  if (!texts) readTexts.set(lib, (texts = new Map()));
  let compiled = texts.get(text);
  if (!compiled) {
    if (texts.size >= READ_TEXTS_KEPT) texts.clear();
    texts.set(text, (compiled = compileText(text, MAX_WORDS, lib.known)));
  }
  return compiled;
}

/**
 * Texts already read, per library: a check after an edit re-reads every row, and all but the
 * edited one are unchanged. A compiled text is never changed once cut into words; what it caches
 * (its index, the concepts found) is checked against the vocabulary and concepts each time, so a
 * text read before a concept was compiled is still read right.
 */
const readTexts = new WeakMap<CompiledLibrary, Map<string, CompiledText>>();
/** Past this many texts the cache starts again (a 200-row table has 600). */
const READ_TEXTS_KEPT = 2000;

/** Whether the text states the pattern (any alternative). */
export function statesPattern(text: CompiledText, pattern: CompiledPattern): boolean {
  return pattern.match.some((alternative) => mentionsAll(text, alternative));
}

/**
 * Whether the text says at least part of the pattern: one of its distinctive words ("pixels" for
 * evasion), or one of its concept groups. Enough to honour a learner's own reading of a sentence
 * the library cannot read as a whole; a sentence about something else shares none.
 */
export function touchesPattern(text: CompiledText, pattern: CompiledPattern): boolean {
  if (text.clauses.some((clause) => clause.some((word) => pattern.stems.has(word.stem)))) return true;
  return pattern.match.some((alternative) =>
    alternative.some((group) => group.some((concept) => mentions(text, concept) === 'yes')),
  );
}

/** The patterns a text states, a broader one left out when a narrower one is also stated. In library order. */
export function patternsIn(lib: CompiledLibrary, text: CompiledText): string[] {
  // Only patterns with a concept the text could mention can be stated at all.
  const touched = new Set<CompiledPattern>();
  for (const concept of mentionedConcepts(text))
    for (const p of lib.patternsOfConcept.get(concept) ?? []) touched.add(p);
  const found = lib.patterns.filter((p) => touched.has(p) && statesPattern(text, p)).map((p) => p.pattern.id);
  const parents = new Set(found.map((id) => lib.patternById.get(id)?.pattern.parent).filter((p) => p !== undefined));
  return found.filter((id) => !parents.has(id));
}

/** The controls a mitigation names. */
export function controlsIn(lib: CompiledLibrary, text: CompiledText): Set<string> {
  const named = new Set<string>();
  for (const concept of mentionedConcepts(text)) {
    const id = lib.controlOfConcept.get(concept);
    if (id !== undefined && mentions(text, concept) === 'yes') named.add(id);
  }
  return named;
}

/** Commas, slashes and semicolons: how lists are written. */
export function listSeparators(text: string): number {
  return (text.match(/[,;/]/g) ?? []).length;
}

/** How a row is read: from its threat sentence, or (when that states none) from threat and impact. */
export interface RowReading {
  /** Pattern ids the row is read as (none when stuffed or thin). */
  patterns: string[];
  /** Where the reading came from. */
  source: 'threat' | 'impact' | 'none';
  /** The threat sentence lists several patterns (see STUFFED_AT). */
  stuffed: boolean;
  /** The threat sentence is too short to read. */
  thin: boolean;
  /** Patterns the threat sentence alone states (for stuffing and feedback). */
  stated: string[];
}

/**
 * Reads a row. The threat sentence decides; the impact is consulted only when the sentence states
 * no pattern, and then only if it points to one or two (an impact listing consequences never
 * makes a row "several threats").
 */
export function readRow(
  lib: CompiledLibrary,
  threat: CompiledText,
  /** Threat and impact read as one; asked for only when the threat sentence states nothing. */
  content: () => CompiledText,
  separators: number,
): RowReading {
  const thin = wordCount(threat) < MIN_THREAT_WORDS;
  const stated = patternsIn(lib, threat);
  if (thin) return { patterns: [], source: 'none', stuffed: false, thin, stated };
  const listed = separators >= LIST_SEPARATORS && wordCount(threat) < LIST_ITEM_WORDS * separators;
  if (stated.length >= STUFFED_AT || (stated.length >= LISTED_AT && listed))
    return { patterns: [], source: 'threat', stuffed: true, thin, stated };
  if (stated.length > 0) return { patterns: stated, source: 'threat', stuffed: false, thin, stated };
  const withImpact = patternsIn(lib, content());
  if (withImpact.length > 0 && withImpact.length < LISTED_AT)
    return { patterns: withImpact, source: 'impact', stuffed: false, thin, stated };
  return { patterns: [], source: 'none', stuffed: false, thin, stated };
}

/** What became of a learner's own reading of a row. */
export type ReadingChoice = 'none' | 'used' | 'other' | 'unsupported' | 'unknown';

/**
 * The patterns a row stands for once the learner's correction is applied: their pick when the
 * threat sentence says at least part of it (picking never replaces writing the threat), none for
 * "something else", and the reviewer's reading otherwise.
 */
export function applyChoice(
  lib: CompiledLibrary,
  reading: RowReading,
  threat: CompiledText,
  chosen: string | undefined,
): { patterns: string[]; choice: ReadingChoice } {
  if (chosen === undefined) return { patterns: reading.patterns, choice: 'none' };
  if (chosen === OTHER_READING) return { patterns: [], choice: 'other' };
  const pattern = lib.patternById.get(chosen);
  if (!pattern) return { patterns: reading.patterns, choice: 'unknown' };
  const supported =
    !reading.thin && !reading.stuffed && (reading.patterns.includes(chosen) || touchesPattern(threat, pattern));
  return supported ? { patterns: [chosen], choice: 'used' } : { patterns: reading.patterns, choice: 'unsupported' };
}

/** The read-back of one row as the editor shows it: the reading, the learner's choice applied, names. */
export function readBack(
  library: PatternLibrary,
  threat: string,
  impact: string,
  chosen?: string,
): RowReading & { choice: ReadingChoice; names: string[] } {
  const lib = compileLibrary(library);
  const threatText = readText(lib, threat);
  const reading = readRow(lib, threatText, () => readText(lib, `${threat}\n${impact}`), listSeparators(threat));
  const applied = applyChoice(lib, reading, threatText, chosen);
  return {
    ...reading,
    ...applied,
    names: applied.patterns.map((id) => lib.patternById.get(id)?.pattern.name ?? id),
  };
}
