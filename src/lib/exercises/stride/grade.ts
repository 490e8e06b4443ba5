/**
 * Grades a STRIDE-AI threat table against its key, the way a senior reviewer would:
 *
 * - each row is read through the threat-pattern library (patterns/read.ts): the threat sentence
 *   decides what the row is; the impact is consulted only when the sentence states no pattern.
 *   A learner may correct the reading; the grader uses their choice when the text supports it;
 * - rows and the key's threats (a pattern plus the scenario's specifics) are paired by optimal
 *   assignment (most pairs first, then the most value), so row order never matters and each
 *   threat counts once;
 * - coverage weighs each threat by its risk (likelihood x severity) and by placement (component
 *   and category; alternatives the key or the pattern accepts count in full, with the why), and
 *   asks for a concrete impact;
 * - a mitigation counts when it names a control for that threat and is not a catch-all;
 * - ratings earn calibration credit;
 * - precision subtracts, and only for true copies, stuffed threat sentences, misconceptions and
 *   floods of rows that read as no AI threat at all. Distinct rows that share a pattern and
 *   plausible extras are neutral, as the page promises.
 *
 * score = max(0, 0.6 coverage + 0.25 mitigations + 0.15 calibration - precision deduction)
 *         x (0.9 + 0.1 decomposition)          (one function per part; WEIGHTS below)
 */
import { assignMaximum } from '../../grading/assignment';
import { meaningfulWords, normaliseText } from '../../grading/words';
import { overallVerdict, round4, type GradeReport } from '../../grading/report';
import {
  compileConcept,
  joinTexts,
  mentions,
  mentionsAll,
  wordCount,
  type CompiledConcept,
  type CompiledText,
} from '../../grading/text';
import {
  applyChoice,
  CATCH_ALL_AT,
  compileLibrary,
  controlsIn,
  listSeparators,
  readRow,
  readText,
  type CompiledLibrary,
  type ReadingChoice,
  type RowReading,
} from '../../patterns/read';
import { readingSentence } from '../../patterns/describe';
import { compiledOnce } from '../compile';
import type { KindFeedback, PartResult } from '../types';
import { STRIDE_NAMES, type StrideAnswers, type StrideLetter } from './answers';
import { MIN_MITIGATION_WORDS } from './risk';
import type { StrideKey, StrideRubric } from './rubric';
import { type StrideStep } from './steps';
import { own } from '../../own';

type Threat = StrideRubric['threats'][number];
type Row = StrideAnswers['rows'][number];

/** Names for feedback: components by id (from the scenario). */
export interface StrideGradeOptions {
  componentNames?: Readonly<Record<string, string>>;
  /** Name missed threats instead of hinting (second attempt, or the learner asked). */
  revealMissed?: boolean;
}

/** Weights of the score: the table parts, and the decomposition's share. */
const WEIGHTS = {
  coverage: 0.6,
  mitigations: 0.25,
  calibration: 0.15,
  decompositionBase: 0.9,
  decomposition: 0.1,
} as const;

/** Each copy, stuffed row, misconception or flooding row subtracts this from the table score... */
const PENALTY = 0.05;
/** ...up to this much in all. */
const MAX_DEDUCTION = 0.4;
/** Rows that read as no AI threat pattern are free up to this many; each one past it is half a penalty. */
export const UNRELATED_FREE = 20;
/** Two rows on the same component whose threat sentences share this much of their words are copies. */
const COPY_SIMILARITY = 0.8;
/** An impact shorter than this (meaningful words) is not concrete: the row's coverage counts this share. */
const THIN_IMPACT_CREDIT = 0.5;
const MIN_IMPACT_WORDS = 3;
/** An impact shared (nearly word for word) with this many other rows is boilerplate. */
const BOILERPLATE_AT = 3;
/** A threat sentence whose words, pattern names aside, repeat on this many other rows of its component is a template. */
const TEMPLATE_AT = 3;
/** ...or on this many other rows anywhere in the table (the same sentence with each component's name slotted in). */
const TEMPLATE_ANYWHERE_AT = 4;
/** Fewer words than this left once the pattern names are taken out say too little to compare. */
const TEMPLATE_MIN_WORDS = 4;

type Feedback = KindFeedback<StrideStep>;
type Part = PartResult<StrideStep>;

interface CompiledThreat {
  threat: Threat;
  weight: number;
  patterns: ReadonlySet<string>;
  specifics: CompiledConcept[][] | undefined;
  controls: ReadonlySet<string>;
  /** Accepted categories besides the key's, with why (the key's reasons first, then the pattern's). */
  alsoCategories: ReadonlyMap<StrideLetter, string>;
  patternName: string;
}

interface CompiledMisconception {
  misconception: StrideRubric['misconceptions'][number];
  when: CompiledConcept[][] | undefined;
  mitigation: CompiledConcept[][] | undefined;
}

interface CompiledKey {
  lib: CompiledLibrary;
  /** The system's real components: a row on a decoy from step 1 stands for no threat of the key. */
  parts: ReadonlySet<string>;
  threats: CompiledThreat[];
  totalWeight: number;
  misconceptions: CompiledMisconception[];
  vague: CompiledConcept;
}

/** The reference link of a feedback item, left out (not undefined) when there is none. */
const seeAlso = (see: string | undefined): { see?: string } => (see ? { see } : {});

const compileKey = compiledOnce((key: StrideKey): CompiledKey => {
  const lib = compileLibrary(key.library);
  const local = new Map(
    Object.entries(key.concepts).map(([id, phrases]) => [id, compileConcept(`${key.exercise}:${id}`, phrases)]),
  );
  const resolve = (groups: string[][] | undefined) =>
    groups?.map((group) =>
      group.map((id) => local.get(id) ?? lib.concepts.get(id)).filter((c): c is CompiledConcept => c !== undefined),
    );
  const threats = key.threats.map((threat): CompiledThreat => {
    const pattern = lib.patternById.get(threat.pattern)?.pattern;
    const alsoCategories = new Map<StrideLetter, string>(threat.alsoCategories.map((c) => [c.letter, c.reason]));
    for (const s of pattern?.stride ?? [])
      if (s.letter !== threat.category && !alsoCategories.has(s.letter)) alsoCategories.set(s.letter, s.why);
    return {
      threat,
      weight: threat.likelihood * threat.severity,
      patterns: new Set([threat.pattern, ...threat.alsoPatterns]),
      specifics: resolve(threat.specifics),
      controls: new Set(threat.controls ?? pattern?.controls ?? []),
      alsoCategories,
      patternName: pattern?.name ?? threat.pattern,
    };
  });
  return {
    lib,
    parts: new Set(key.decomposition.components),
    threats,
    totalWeight: threats.reduce((n, t) => n + t.weight, 0),
    misconceptions: key.misconceptions.map((misconception) => ({
      misconception,
      when: resolve(misconception.when),
      mitigation: resolve(misconception.mitigation),
    })),
    vague: compileConcept(`${key.exercise}:vague`, key.vagueMitigations),
  };
});

interface RowAnalysis {
  index: number;
  threatText: CompiledText;
  /** Threat and impact read as one, on first need. */
  content: () => CompiledText;
  /** The impact, read. */
  impactText: CompiledText;
  mitigation: CompiledText;
  reading: RowReading;
  /** Pattern ids the grader uses: the learner's choice where the text supports it, else the reading. */
  patterns: string[];
  /** What became of the learner's own reading, if they gave one. */
  choice: ReadingChoice;
  /** Controls the mitigation names. */
  controls: ReadonlySet<string>;
  impactWords: number;
  boilerplateImpact: boolean;
  /** The threat sentence is one template filled with pattern names, repeated across rows. */
  templated: boolean;
  /** Its impact and its mitigation are both pasted on BOILERPLATE_AT or more other rows. */
  pasted: boolean;
  duplicateOf: number | undefined;
  misconception: CompiledMisconception | undefined;
}

/** Stems of a row's threat text, for spotting copies. */
function signature(text: CompiledText): Set<string> {
  const stems = new Set<string>();
  for (const clause of text.clauses) for (const word of clause) stems.add(word.stem);
  return stems;
}

/** Whether two word sets are near-identical: Jaccard similarity at least COPY_SIMILARITY. */
function nearlySame(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  // Similarity >= t needs shared >= t (|a| + |b|) / (1 + t): stop as soon as too many words are missing.
  const need = Math.ceil((COPY_SIMILARITY * (a.size + b.size)) / (1 + COPY_SIMILARITY) - 1e-9);
  if (need > Math.min(a.size, b.size)) return false;
  let missing = a.size - need;
  for (const x of a) if (!b.has(x) && --missing < 0) return false;
  return true;
}

function onComponent(threat: Threat, component: string): boolean {
  return component === threat.component || threat.alsoComponents.includes(component);
}

function componentFit(threat: Threat, component: string): number {
  return onComponent(threat, component) ? 1 : 0.5;
}

function categoryFit(item: CompiledThreat, category: StrideLetter): number {
  return category === item.threat.category || item.alsoCategories.has(category) ? 1 : 0.6;
}

/** How close the ratings are to the key's, 0 to 1; a rating not given counts as the furthest miss (2). */
function calibration(threat: Threat, likelihood: number | null, severity: number | null): number {
  const miss = (given: number | null, key: number) => (given === null ? 2 : Math.abs(given - key));
  return 1 - (miss(likelihood, threat.likelihood) + miss(severity, threat.severity)) / 4;
}

/** A mitigation naming controls of CATCH_ALL_AT kinds or more is a list for every threat, specific to none. */
function catchAll(r: RowAnalysis): boolean {
  return r.controls.size >= CATCH_ALL_AT;
}

function specificMitigation(item: CompiledThreat, r: RowAnalysis): boolean {
  if (catchAll(r) || wordCount(r.mitigation) < MIN_MITIGATION_WORDS) return false;
  for (const c of r.controls) if (item.controls.has(c)) return true;
  return false;
}

/** A threat sentence's words other than the patterns' names. */
function residueOf(lib: CompiledLibrary, threat: CompiledText): Set<string> {
  const words = new Set<string>();
  for (const clause of threat.clauses) for (const w of clause) if (!lib.nameWords.has(w.surface)) words.add(w.surface);
  return words;
}

/** Rows whose threat sentence, pattern names aside, is nearly the same as TEMPLATE_AT or more other rows' on the same component, or TEMPLATE_ANYWHERE_AT or more anywhere. */
function templatedThreats(
  rows: ReadonlyArray<{ component: string; words: Set<string> }>,
  /** Words of the components' names and ids: a template slots these in, so across components they do not count. */
  partWords: ReadonlySet<string>,
): boolean[] {
  const unnamed = rows.map((row) => new Set([...row.words].filter((w) => !partWords.has(w))));
  return rows.map((row, i) => {
    if (row.words.size < TEMPLATE_MIN_WORDS) return false;
    let sameComponent = 0;
    let anywhere = 0;
    for (let j = 0; j < rows.length && sameComponent < TEMPLATE_AT && anywhere < TEMPLATE_ANYWHERE_AT; j++) {
      const other = rows[j];
      if (j === i || !other) continue;
      if (other.component === row.component) {
        if (nearlySame(row.words, other.words)) sameComponent++;
      } else if (nearlySame(unnamed[i] ?? row.words, unnamed[j] ?? other.words)) anywhere++;
    }
    return sameComponent >= TEMPLATE_AT || sameComponent + anywhere >= TEMPLATE_ANYWHERE_AT;
  });
}

/** A concrete impact counts in full; a thin one, or one pasted on many rows, only in part. */
function impactFit(r: RowAnalysis): number {
  return r.impactWords >= MIN_IMPACT_WORDS && !r.boilerplateImpact ? 1 : THIN_IMPACT_CREDIT;
}

/** Rows whose text (an impact, a mitigation) reads nearly the same as BOILERPLATE_AT or more other rows': boilerplate, not this threat's. */
function boilerplateTexts(texts: ReadonlyArray<Set<string>>): boolean[] {
  return texts.map((sig, i) => {
    if (sig.size === 0) return false;
    let same = 0;
    for (let j = 0; j < texts.length && same < BOILERPLATE_AT; j++)
      if (j !== i && nearlySame(sig, texts[j] as Set<string>)) same++;
    return same >= BOILERPLATE_AT;
  });
}

/**
 * Whether the row's threat or impact mentions every group. Phrases never cross a clause, so
 * reading the two texts apart gives the same answer as reading them joined, without joining.
 */
function saysAll(
  r: Pick<RowAnalysis, 'threatText' | 'impactText'>,
  groups: readonly (readonly CompiledConcept[])[],
): boolean {
  return groups.every((group) =>
    group.some((c) => mentions(r.threatText, c) === 'yes' || mentions(r.impactText, c) === 'yes'),
  );
}

/**
 * What a row stands for: its reading, plus what its sentence states more narrowly than a reading
 * the learner picked ("Caller spoofing" picked for a sentence about enrolling fake phones still
 * says the fake phones).
 */
function meaningOf(lib: CompiledLibrary, r: RowAnalysis): readonly string[] {
  if (r.choice !== 'used') return r.patterns;
  const narrower = r.reading.stated.filter((id) => {
    const parent = lib.patternById.get(id)?.pattern.parent;
    return parent !== undefined && r.patterns.includes(parent);
  });
  return narrower.length > 0 ? [...r.patterns, ...narrower] : r.patterns;
}

/** A row is this key threat: it is read as one of its patterns, and says its specifics (or sits on its component). */
function isInstance(lib: CompiledLibrary, item: CompiledThreat, r: RowAnalysis, row: Row): boolean {
  if (!meaningOf(lib, r).some((p) => item.patterns.has(p))) return false;
  return item.specifics === undefined || onComponent(item.threat, row.component) || saysAll(r, item.specifics);
}

/** A key that orders rows by content only, so nothing depends on where a row sits in the table. */
function canonicalKey(row: Row, threat: CompiledText, impact: readonly string[], mitigation: CompiledText): string {
  const surfaces = (t: CompiledText) => t.clauses.map((clause) => clause.map((w) => w.surface).join(' ')).join(' ');
  return `${row.component}|${row.category}|${row.likelihood}${row.severity}|${row.reading ?? ''}|${surfaces(threat)}|${impact.join(' ')}|${surfaces(mitigation)}`;
}

/** Step 1: the components and trust boundaries picked, against the system's real ones. */
function gradeDecomposition(rubric: StrideRubric, answers: StrideAnswers, name: (id: string) => string): Part {
  const feedback: Feedback[] = [];
  const step = 'decompose';
  const picked = new Set(answers.components);
  const pickedBoundaries = new Set(answers.boundaries ?? []);
  const { decomposition } = rubric;
  const expectedParts = [...decomposition.components, ...decomposition.boundaries];
  const pickedParts = new Set([...picked, ...pickedBoundaries]);
  const hits = expectedParts.filter((id) => pickedParts.has(id));
  const wrongPicks = [...pickedParts].filter((id) => !expectedParts.includes(id));
  const score = expectedParts.length === 0 ? 1 : hits.length / (expectedParts.length + wrongPicks.length);
  for (const id of expectedParts.filter((x) => !pickedParts.has(x))) {
    feedback.push({
      step,
      target: 'decomposition',
      verdict: 'missed',
      message: `Missing from your model: ${name(id)}. ${own(decomposition.why, id) ?? ''}`.trim(),
      lesson: decomposition.learn,
    });
  }
  for (const id of wrongPicks) {
    feedback.push({
      step,
      target: 'decomposition',
      verdict: 'wrong',
      message: `${name(id)} is not part of this system. ${own(decomposition.distractors, id) ?? 'It does not appear in the description.'}`,
      lesson: decomposition.learn,
    });
  }
  if (wrongPicks.length === 0 && hits.length === expectedParts.length) {
    feedback.push({
      step,
      target: 'decomposition',
      verdict: 'correct',
      message: 'Your decomposition has every component and trust boundary of the system, and nothing else.',
    });
  }

  return { score, detail: 'Components and trust boundaries picked, against the system’s real ones.', feedback };
}

function misconceptionOf(compiled: CompiledKey, r: Omit<RowAnalysis, 'misconception' | 'duplicateOf'>) {
  return compiled.misconceptions.find(({ misconception: m, when, mitigation }) => {
    if (m.pattern !== undefined && !r.patterns.includes(m.pattern)) return false;
    if (when !== undefined && !saysAll(r, when)) return false;
    if (mitigation !== undefined && !mentionsAll(r.mitigation, mitigation)) return false;
    return !m.withoutControls.some((c) => r.controls.has(c));
  });
}

/** Step 2, read: every row's reading, copies among rows on the same component, misconceptions (in a content order, so table order never changes the result). */
function readRows(compiled: CompiledKey, answers: StrideAnswers, partWords: ReadonlySet<string>): RowAnalysis[] {
  const { lib } = compiled;
  // A text pasted into several cells (a stock mitigation, a copied row) is read once.
  const texts = new Map<string, CompiledText>();
  const textOf = (value: string) => {
    let text = texts.get(value);
    if (!text) texts.set(value, (text = readText(lib, value)));
    return text;
  };
  const read = answers.rows.map((row, index) => {
    const threatText = textOf(row.threat);
    // The impact is matched against the library only when the threat sentence says nothing.
    const impactText = textOf(row.impact);
    const impactWords = impactText.clauses.flatMap((clause) => clause.map((w) => w.surface));
    let joined: CompiledText | undefined;
    const content = () => (joined ??= joinTexts(threatText, impactText));
    const mitigation = textOf(row.mitigation);
    return {
      index,
      row,
      threatText,
      impactText,
      impactWords,
      content,
      mitigation,
      key: canonicalKey(row, threatText, impactWords, mitigation),
    };
  });
  // Judged on the table as a whole, so order does not matter.
  const boilerplate = boilerplateTexts(read.map((r) => new Set(r.impactWords)));
  // A row whose impact and mitigation are both pasted on several others says nothing of its own.
  const pastedMitigation = boilerplateTexts(
    read.map((r) => new Set(r.mitigation.clauses.flatMap((clause) => clause.map((w) => w.surface)))),
  );
  const templated = templatedThreats(
    read.map((r) => ({ component: r.row.component, words: residueOf(lib, r.threatText) })),
    partWords,
  );
  read.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Copies are looked for among rows on the same component only.
  const signatures = new Map<string, Array<{ index: number; sig: Set<string> }>>();
  return read.map(({ index, row, threatText, impactText, impactWords, content, mitigation }) => {
    const sig = signature(threatText);
    const sameComponent = signatures.get(row.component) ?? [];
    const original = sameComponent.find((other) => nearlySame(other.sig, sig));
    sameComponent.push({ index, sig });
    signatures.set(row.component, sameComponent);
    const reading = readRow(lib, threatText, content, listSeparators(row.threat));
    const analysis = {
      index,
      threatText,
      impactText,
      content,
      mitigation,
      reading,
      ...applyChoice(lib, reading, threatText, row.reading),
      controls: controlsIn(lib, mitigation),
      impactWords: impactWords.length,
      boilerplateImpact: boilerplate[index] ?? false,
      templated: templated[index] ?? false,
      pasted: (boilerplate[index] ?? false) && (pastedMitigation[index] ?? false),
    };
    return { ...analysis, duplicateOf: original?.index, misconception: misconceptionOf(compiled, analysis) };
  });
}

/** The row reads as the threat's own pattern, or as its broader parent (a learner may pick "Training data poisoning" for a narrower kind). */
function readsAsOwn(compiled: CompiledKey, item: CompiledThreat, r: RowAnalysis): boolean {
  const own = item.threat.pattern;
  const parent = compiled.lib.patternById.get(own)?.pattern.parent;
  const meant = meaningOf(compiled.lib, r);
  return meant.includes(own) || (parent !== undefined && meant.includes(parent));
}

/** Whether a row can stand for a key threat at all: not a copy, not stuffed, not thin, read as something. */
const usable = (r: RowAnalysis) =>
  r.duplicateOf === undefined &&
  !r.reading.stuffed &&
  !r.reading.thin &&
  !r.templated &&
  !r.pasted &&
  r.patterns.length > 0;

/** Rows paired with expected threats by optimal assignment: original row index -> expected threat index. */
function pairRows(compiled: CompiledKey, answers: StrideAnswers, rows: readonly RowAnalysis[]): Map<number, number> {
  const W = compiled.totalWeight;
  const pairValue = (item: CompiledThreat, r: RowAnalysis, row: Row) => {
    const q = componentFit(item.threat, row.component) * categoryFit(item, row.category) * impactFit(r);
    const mit = specificMitigation(item, r) ? 1 : 0;
    const cal = calibration(item.threat, row.likelihood, row.severity);
    return (item.weight * (0.6 * q + 0.25 * mit + 0.15 * cal)) / W;
  };
  // Most pairs first, each weighed by how well it fits (an exact pair outweighs a pair on the wrong
  // component or letter, so three exact pairs beat four loose ones); then the most pairs where the
  // row reads as the threat's own pattern on its own component (so a row is not pulled to a heavier
  // threat it only touches); then the most value. Fits are tenths, so ten times one is a whole number
  // and the tie-breakers (each sum below 1) never outweigh a difference in fit.
  const n = rows.length + 1;
  const values = compiled.threats.map((item) =>
    rows.map((r) => {
      const row = answers.rows[r.index];
      if (!row || !usable(r) || !compiled.parts.has(row.component) || !isInstance(compiled.lib, item, r, row)) return 0;
      const fit = Math.round(10 * componentFit(item.threat, row.component) * categoryFit(item, row.category));
      const primary = readsAsOwn(compiled, item, r) && onComponent(item.threat, row.component);
      return fit + (primary ? 1 / n : 0) + pairValue(item, r, row) / (n * n);
    }),
  );
  const assigned = assignMaximum(values, rows.length);
  const rowToThreat = new Map<number, number>();
  assigned.forEach((position, item) => {
    const r = rows[position];
    if (r) rowToThreat.set(r.index, item);
  });
  return rowToThreat;
}

/** Per expected threat (summed in key order, so table order cannot change the rounding), penalties, and the feedback on each row. */
interface RowReview {
  coverageOf: number[];
  mitigationOf: number[];
  calibrationOf: number[];
  penalties: number;
  unrelated: number;
  feedback: Feedback[];
}

/** "Read as: X, on Y." or "Read as you chose: X." or what became of the learner's choice (the editor's words). */
function readingNote(compiled: CompiledKey, r: RowAnalysis, componentName: string, chosen: string | undefined): string {
  const name = (id: string) => compiled.lib.patternById.get(id)?.pattern.name ?? id;
  return readingSentence(
    { ...r.reading, choice: r.choice, names: r.patterns.map(name) },
    componentName,
    chosen === undefined ? undefined : name(chosen),
  );
}

/** Step 2, judge: each row in table order, matched or not, with what to fix. */
function reviewRows(
  compiled: CompiledKey,
  answers: StrideAnswers,
  rows: readonly RowAnalysis[],
  rowToThreat: ReadonlyMap<number, number>,
  options: StrideGradeOptions,
): RowReview {
  const feedback: Feedback[] = [];
  const name = (component: string) => own(options.componentNames, component) ?? component;
  const coverageOf = new Array<number>(compiled.threats.length).fill(0);
  const mitigationOf = new Array<number>(compiled.threats.length).fill(0);
  const calibrationOf = new Array<number>(compiled.threats.length).fill(0);
  let penalties = 0;
  let unrelated = 0;

  const rowOfThreat = new Map([...rowToThreat].map(([row, threat]) => [threat, row]));
  const inTableOrder = [...rows].sort((a, b) => a.index - b.index);
  for (const r of inTableOrder) {
    const row = answers.rows[r.index];
    if (!row) continue;
    const at = { step: 'analyze', target: `row ${r.index + 1}`, row: r.index } as const;
    const read = readingNote(compiled, r, name(row.component), row.reading);
    const withReading = (message: string) => (read ? `${read} ${message}` : message);
    const i = rowToThreat.get(r.index);
    const item = i === undefined ? undefined : compiled.threats[i];
    if (r.misconception) {
      penalties += 1;
      const m = r.misconception.misconception;
      feedback.push({ ...at, verdict: 'wrong', message: m.message, lesson: m.learn, ...seeAlso(m.see) });
    }
    if (r.duplicateOf !== undefined) {
      penalties += 1;
      feedback.push({
        ...at,
        verdict: 'duplicate',
        message: `Nearly the same threat sentence as row ${r.duplicateOf + 1}, on the same component. One row per threat: delete the copy or make it about something else.`,
      });
      continue;
    }
    if (r.reading.stuffed) {
      penalties += 1;
      const names = r.reading.stated.map((id) => compiled.lib.patternById.get(id)?.pattern.name ?? id);
      feedback.push({
        ...at,
        verdict: 'wrong',
        message: `The threat sentence names ${names.length} different threats (${names.join('; ')}), so none of them is analyzed. One row, one threat: split it, with a concrete impact and mitigation for each.`,
      });
      continue;
    }
    if (item === undefined || i === undefined) {
      if (r.templated) {
        feedback.push({
          ...at,
          verdict: 'extra',
          message:
            'This row repeats one template with a threat or component name slotted in, like several other rows, so it analyses nothing. Say who does what to which asset here, and why it matters.',
        });
      } else if (r.pasted) {
        feedback.push({
          ...at,
          verdict: 'extra',
          message:
            'This row’s impact and mitigation are pasted on several other rows, so nothing in it is about this threat. Say what this threat costs here and what would stop it.',
        });
      } else if (r.reading.thin) {
        feedback.push({
          ...at,
          verdict: 'extra',
          message: 'Too short to assess. Say who does what to which asset, and why it matters here.',
        });
      } else if (r.patterns.length > 0 && !compiled.parts.has(row.component)) {
        feedback.push({
          ...at,
          verdict: 'extra',
          message: withReading(
            `${name(row.component)} is not part of this system (see step 1), so a threat on it cannot be one of the key's. If the threat is real, which component of the system does it land on?`,
          ),
        });
      } else if (r.patterns.length > 0) {
        const same = compiled.threats.findIndex((t) => isInstance(compiled.lib, t, r, row));
        const otherIndex = same < 0 ? undefined : rowOfThreat.get(same);
        const other = otherIndex === undefined ? undefined : { index: otherIndex };
        feedback.push({
          ...at,
          verdict: 'extra',
          message: withReading(
            other
              ? `Row ${other.index + 1} already stands for the key's threat of this kind here; a distinct instance (another asset, actor or component) is welcome and costs nothing.`
              : 'A plausible threat that is not in our key for this system. Keys are never complete: it costs you nothing.',
          ),
        });
      } else if (r.choice !== 'other' && !r.misconception) {
        unrelated++;
        const costs = unrelated > UNRELATED_FREE;
        feedback.push({
          ...at,
          verdict: 'extra',
          message: withReading(
            costs
              ? `We could not read this as an AI threat, and it is more than ${UNRELATED_FREE} such rows: it costs a little precision. If it is a real threat here, pick its reading or say who does what to which asset.`
              : 'We could not read this as one of the AI threat patterns we know. If it is a real threat in this system, it costs you nothing; pick its reading below the row if we misread it.',
          ),
        });
      } else if (r.choice === 'other') {
        feedback.push({
          ...at,
          verdict: 'extra',
          message: withReading(
            'Not in our key. If you can explain how it would happen here, it is a fair entry and costs nothing.',
          ),
        });
      }
      continue;
    }
    const threat = item.threat;
    const compFit = componentFit(threat, row.component);
    const catFit = categoryFit(item, row.category);
    const mit = specificMitigation(item, r);
    const cal = calibration(threat, row.likelihood, row.severity);
    const impact = impactFit(r);
    coverageOf[i] = item.weight * compFit * catFit * impact;
    mitigationOf[i] = mit ? item.weight : 0;
    calibrationOf[i] = item.weight * cal;
    const notes: string[] = [threat.explanation];
    let verdict: Feedback['verdict'] = 'correct';
    if (compFit < 1) {
      verdict = 'partial';
      notes.unshift(`This threat belongs on ${name(threat.component)}, not ${name(row.component)}.`);
    }
    if (catFit < 1) {
      verdict = 'partial';
      notes.unshift(
        `The key files this under ${threat.category} (${STRIDE_NAMES[threat.category]}), not ${row.category}: ask which security property the attacker breaks.`,
      );
    } else if (row.category !== threat.category) {
      notes.push(
        `${row.category} is accepted as well as ${threat.category}: ${item.alsoCategories.get(row.category) ?? ''}`.trim(),
      );
    }
    if (impact < 1) {
      verdict = 'partial';
      notes.push(
        r.boilerplateImpact
          ? 'The impact is the same text as on several other rows, so it says nothing about this threat: say what happens here if it does.'
          : 'The impact is too thin to judge: say what happens to patients, data or the service if it does.',
      );
    }
    if (!mit) {
      verdict = verdict === 'correct' ? 'partial' : verdict;
      const vague = mentions(r.mitigation, compiled.vague) === 'yes' || wordCount(r.mitigation) < MIN_MITIGATION_WORDS;
      notes.push(
        catchAll(r)
          ? `The mitigation lists controls for ${r.controls.size} different kinds of threat, so it is specific to none. Keep the ones that stop or detect this threat here.`
          : vague
            ? 'The mitigation is too general to act on. Name the control and where it applies.'
            : 'The mitigation does not address this threat specifically. What control would stop or detect it here?',
      );
    }
    if (row.likelihood === null || row.severity === null)
      notes.push(
        'Rate this threat: until it has both a likelihood and a severity it has no risk and no place on the matrix.',
      );
    else if (cal <= 0.5)
      notes.push(
        `Check the rating: the key rates likelihood ${threat.likelihood} and severity ${threat.severity}; you gave ${row.likelihood} and ${row.severity}.`,
      );
    feedback.push({
      ...at,
      verdict,
      message: withReading(`${verdict === 'correct' ? 'Matches' : 'Partly matches'} a key threat. ${notes.join(' ')}`),
      lesson: threat.learn,
      ...seeAlso(threat.see),
    });
  }
  return { coverageOf, mitigationOf, calibrationOf, penalties, unrelated, feedback };
}

/** Expected threats no row covers: hints first, names on a later attempt. */
function missedThreats(compiled: CompiledKey, covered: ReadonlySet<number>, options: StrideGradeOptions): Feedback[] {
  const feedback: Feedback[] = [];
  const name = (component: string) => own(options.componentNames, component) ?? component;
  compiled.threats.forEach((item, i) => {
    if (covered.has(i)) return;
    const threat = item.threat;
    feedback.push({
      step: 'analyze',
      target: `missed: ${threat.id}`,
      verdict: 'missed',
      message: options.revealMissed
        ? `${threat.name} (${name(threat.component)}, ${threat.category}; pattern: ${item.patternName}). ${threat.explanation}`
        : `Hint for ${name(threat.component)}: ${threat.hint}`,
      lesson: threat.learn,
      ...seeAlso(threat.see),
      expected: threat.id,
    });
  });
  return feedback;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const threatWord = (n: number) => `${n} ${n === 1 ? 'threat' : 'threats'}`;

/** Coverage: the key's threats found, weighted by risk, placement (component and category) and a concrete impact. */
function coveragePart(compiled: CompiledKey, review: RowReview, matched: number): Pick<Part, 'score' | 'detail'> {
  const W = compiled.totalWeight;
  return {
    score: W === 0 ? 0 : sum(review.coverageOf) / W,
    detail: `${threatWord(matched)} of the key's ${compiled.threats.length} found, weighted by risk and placement.`,
  };
}

/** Mitigations: share of the key's risk with a specific, relevant mitigation. */
function mitigationsPart(compiled: CompiledKey, review: RowReview): Pick<Part, 'score' | 'detail'> {
  const W = compiled.totalWeight;
  return {
    score: W === 0 ? 0 : sum(review.mitigationOf) / W,
    detail: 'Share of the key’s risk with a specific, relevant mitigation.',
  };
}

/** Calibration: how close the ratings of matched rows are to the key's. */
function calibrationPart(compiled: CompiledKey, review: RowReview): Pick<Part, 'score' | 'detail'> {
  const W = compiled.totalWeight;
  return {
    score: W === 0 ? 0 : sum(review.calibrationOf) / W,
    detail: 'How close your likelihood and severity ratings are to the key’s.',
  };
}

/** Precision: what is subtracted for copies, stuffed rows, misconceptions and floods of unrelated rows. */
function precisionDeduction(review: RowReview): { deduction: number; part: Pick<Part, 'score' | 'detail'> } {
  const penalties = review.penalties + 0.5 * Math.max(0, review.unrelated - UNRELATED_FREE);
  const deduction = Math.min(MAX_DEDUCTION, PENALTY * penalties);
  return {
    deduction,
    part: {
      score: 1 - deduction,
      detail:
        deduction === 0
          ? 'Nothing subtracted: no copies, stuffed rows or misconceptions. Extra rows that read as plausible threats are free.'
          : `${Math.round(deduction * 100)} points subtracted for copies, rows naming several threats at once, misconceptions or more than ${UNRELATED_FREE} rows that read as no AI threat.`,
    },
  };
}

export function gradeStrideTable(
  key: StrideKey,
  answers: StrideAnswers,
  options: StrideGradeOptions = {},
): GradeReport {
  const compiled = compileKey(key);
  const decomposition = gradeDecomposition(key, answers, (id) => own(options.componentNames, id) ?? id);
  const partWords = new Set(
    [
      ...compiled.parts,
      ...answers.rows.map((r) => r.component),
      ...Object.values(options.componentNames ?? {}),
    ].flatMap((name) => meaningfulWords(normaliseText(name.replaceAll('-', ' ')))),
  );
  const rows = readRows(compiled, answers, partWords);
  const rowToThreat = pairRows(compiled, answers, rows);
  const review = reviewRows(compiled, answers, rows, rowToThreat, options);
  const covered = new Set(rowToThreat.values());
  const matched = rowToThreat.size;
  const coverage = coveragePart(compiled, review, matched);
  const mitigations = mitigationsPart(compiled, review);
  const calibrationScore = calibrationPart(compiled, review);
  const precision = precisionDeduction(review);
  const table = Math.max(
    0,
    WEIGHTS.coverage * coverage.score +
      WEIGHTS.mitigations * mitigations.score +
      WEIGHTS.calibration * calibrationScore.score -
      precision.deduction,
  );
  const score = round4(table * (WEIGHTS.decompositionBase + WEIGHTS.decomposition * decomposition.score));
  const part = (label: string, p: Pick<Part, 'score' | 'detail'>) => ({
    label,
    score: round4(p.score),
    detail: p.detail,
  });
  return {
    exercise: key.exercise,
    score,
    parts: {
      coverage: part('Coverage', coverage),
      mitigations: part('Mitigations', mitigations),
      calibration: part('Risk calibration', calibrationScore),
      precision: part('Precision', precision.part),
      decomposition: part('Decomposition', decomposition),
    },
    verdict: overallVerdict(score),
    feedback: [...decomposition.feedback, ...review.feedback, ...missedThreats(compiled, covered, options)],
    items: compiled.threats.map((item, i) => ({
      id: item.threat.id,
      label: item.threat.name,
      covered: covered.has(i),
    })),
  };
}
