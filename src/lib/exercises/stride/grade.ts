/**
 * Grades a STRIDE-AI threat table against its rubric, the way a senior reviewer would:
 *
 * - each row is read for the concepts of each expected threat (text.ts);
 * - rows and expected threats are paired by optimal assignment (most pairs first, then the most
 *   value), so row order never matters and each threat counts once;
 * - coverage weighs each threat by its risk (likelihood x severity) and by whether the row sits
 *   on the right component and category (accepted alternatives count in full, with the why);
 * - mitigations count when they are specific to the threat; ratings earn calibration credit;
 * - precision falls for copies, rows that name several threats, wrong components, known
 *   misconceptions and a flood of unrelated rows; a few plausible extras are neutral, since no
 *   key is complete.
 *
 * score = precision x (0.6 coverage + 0.25 mitigations + 0.15 calibration) x (0.9 + 0.1 decomposition)
 * (one function per part; WEIGHTS below)
 */
import { assignMaximum } from '../../grading/assignment';
import { overallVerdict, round4, type GradeReport } from '../../grading/report';
import { compiledOnce, conceptResolver } from '../compile';
import type { KindFeedback, PartResult } from '../types';
import type { StrideRubric } from './rubric';
import {
  compileConcept,
  compileText,
  joinTexts,
  mentions,
  mentionsAll,
  wordCount,
  type CompiledConcept,
  type CompiledText,
} from '../../grading/text';
import { MIN_MITIGATION_WORDS } from './risk';
import { STRIDE_NAMES, type StrideAnswers, type StrideLetter } from './answers';
import { type StrideStep } from './steps';

type Threat = StrideRubric['threats'][number];

/** Names for feedback: components by id (from the scenario). */
export interface StrideGradeOptions {
  componentNames?: Readonly<Record<string, string>>;
  /** Name missed threats instead of hinting (second attempt, or the learner asked). */
  revealMissed?: boolean;
}

/** Weights of the score: the table parts (times precision), and the decomposition's share. */
const WEIGHTS = {
  coverage: 0.6,
  mitigations: 0.25,
  calibration: 0.15,
  decompositionBase: 0.9,
  decomposition: 0.1,
} as const;

type Feedback = KindFeedback<StrideStep>;
type Part = PartResult<StrideStep>;

/** Rows naming this many expected threats at once are keyword lists, not analysis. */
const STUFFED_AT = 3;
/** Rows shorter than this (meaningful words) are too thin to assess. */
const MIN_WORDS = 3;

interface CompiledThreat {
  threat: Threat;
  weight: number;
  requires: CompiledConcept[][];
  mitigations: CompiledConcept[][];
}

interface CompiledRubric {
  threats: CompiledThreat[];
  totalWeight: number;
  misconceptions: Array<{
    id: string;
    when: CompiledConcept[][];
    message: string;
    learn: string;
    see: string | undefined;
  }>;
  vague: CompiledConcept;
}

/** The reference link of a feedback item, left out (not undefined) when there is none. */
const seeAlso = (see: string | undefined): { see?: string } => (see ? { see } : {});

const compileRubric = compiledOnce((rubric: StrideRubric): CompiledRubric => {
  const resolve = conceptResolver(rubric);
  const threats = rubric.threats.map((threat) => ({
    threat,
    weight: threat.likelihood * threat.severity,
    requires: resolve(threat.requires),
    mitigations: resolve(threat.mitigations),
  }));
  const compiled: CompiledRubric = {
    threats,
    totalWeight: threats.reduce((n, t) => n + t.weight, 0),
    misconceptions: rubric.misconceptions.map((m) => ({
      id: m.id,
      when: resolve(m.when),
      message: m.message,
      learn: m.learn,
      see: m.see,
    })),
    vague: compileConcept('vague', rubric.vagueMitigations),
  };
  return compiled;
});

interface RowAnalysis {
  index: number;
  content: CompiledText;
  mitigation: CompiledText;
  /** Indexes of expected threats whose concepts the row mentions. */
  matches: number[];
  duplicateOf: number | undefined;
  thin: boolean;
  misconception: CompiledRubric['misconceptions'][number] | undefined;
}

/** Stems of a row's threat text, for spotting copies. */
function signature(text: CompiledText): Set<string> {
  const stems = new Set<string>();
  for (const clause of text.clauses) for (const word of clause) stems.add(word.stem);
  return stems;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

function componentFit(threat: Threat, component: string): number {
  if (component === threat.component || threat.alsoComponents.includes(component)) return 1;
  return 0.5;
}

function categoryFit(threat: Threat, category: StrideLetter): number {
  if (category === threat.category || threat.alsoCategories.some((c) => c.letter === category)) return 1;
  return 0.6;
}

function calibration(threat: Threat, likelihood: number, severity: number): number {
  return 1 - (Math.abs(likelihood - threat.likelihood) + Math.abs(severity - threat.severity)) / 4;
}

function specificMitigation(item: CompiledThreat, text: CompiledText): boolean {
  return mentionsAll(text, item.mitigations);
}

/** A key that orders rows by content only, so nothing depends on where a row sits in the table. */
function canonicalKey(row: StrideAnswers['rows'][number], content: CompiledText, mitigation: CompiledText): string {
  const surfaces = (t: CompiledText) => t.clauses.map((clause) => clause.map((w) => w.surface).join(' ')).join(' ');
  return `${row.component}|${row.category}|${row.likelihood}${row.severity}|${surfaces(content)}|${surfaces(mitigation)}`;
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
      message: `Missing from your model: ${name(id)}. ${decomposition.why[id] ?? ''}`.trim(),
      lesson: decomposition.learn,
    });
  }
  for (const id of wrongPicks) {
    feedback.push({
      step,
      target: 'decomposition',
      verdict: 'wrong',
      message: `${name(id)} is not part of this system. ${decomposition.distractors[id] ?? 'It does not appear in the description.'}`,
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

/** Step 2, read: every row's concepts, copies among rows on the same component, thin rows, misconceptions (in a content order, so table order never changes the result). */
function readRows(compiled: CompiledRubric, answers: StrideAnswers): RowAnalysis[] {
  const read = answers.rows.map((row, index) => {
    const threatOnly = compileText(row.threat);
    const content = joinTexts(threatOnly, compileText(row.impact));
    const mitigation = compileText(row.mitigation);
    return { index, content, threatOnly, mitigation, key: canonicalKey(row, content, mitigation) };
  });
  read.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Copies are looked for among rows on the same component only.
  const signatures = new Map<string, Array<{ index: number; sig: Set<string> }>>();
  return read.map(({ index, content, threatOnly, mitigation }) => {
    const row = answers.rows[index] as StrideAnswers['rows'][number];
    const sig = signature(threatOnly);
    const sameComponent = signatures.get(row.component) ?? [];
    const original = sameComponent.find((other) => jaccard(other.sig, sig) >= 0.8);
    sameComponent.push({ index, sig });
    signatures.set(row.component, sameComponent);
    const raw = compiled.threats.flatMap((item, i) => (mentionsAll(content, item.requires) ? [i] : []));
    // A row that reads as two threats, one of them on the row's own component, means that one.
    const onComponent = raw.filter((i) => {
      const t = compiled.threats[i]?.threat;
      return t !== undefined && (t.component === row.component || t.alsoComponents.includes(row.component));
    });
    const matches = raw.length === 2 && onComponent.length === 1 ? onComponent : raw;
    const misconception = compiled.misconceptions.find((m) =>
      m.when.every((group) => group.some((c) => mentions(content, c) === 'yes' || mentions(mitigation, c) === 'yes')),
    );
    return {
      index,
      content,
      mitigation,
      matches,
      duplicateOf: original?.index,
      thin: wordCount(threatOnly) < MIN_WORDS,
      misconception,
    };
  });
}

/** Rows paired with expected threats by optimal assignment: original row index -> expected threat index. */
function pairRows(compiled: CompiledRubric, answers: StrideAnswers, rows: readonly RowAnalysis[]): Map<number, number> {
  const eligible = (r: RowAnalysis) =>
    r.duplicateOf === undefined && r.matches.length > 0 && r.matches.length < STUFFED_AT && !r.thin;
  const W = compiled.totalWeight;
  const pairValue = (item: CompiledThreat, r: RowAnalysis) => {
    const row = answers.rows[r.index];
    if (!row) return 0;
    const q = componentFit(item.threat, row.component) * categoryFit(item.threat, row.category);
    const mit = specificMitigation(item, r.mitigation) ? 1 : 0;
    const cal = calibration(item.threat, row.likelihood, row.severity);
    return (item.weight * (0.6 * q + 0.25 * mit + 0.15 * cal)) / W;
  };
  // Every usable pair is worth 1 plus its value (< 1 in total): the most pairs first, then the best ones.
  const values = compiled.threats.map((item, i) =>
    rows.map((r) => (eligible(r) && r.matches.includes(i) ? 1 + pairValue(item, r) : 0)),
  );
  const assigned = assignMaximum(values, rows.length);
  /** Original row index -> expected threat index. */
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
  extras: number;
  feedback: Feedback[];
}

/** Step 2, judge: each row in table order, matched or not, with what to fix. */
function reviewRows(
  compiled: CompiledRubric,
  answers: StrideAnswers,
  rows: readonly RowAnalysis[],
  rowToThreat: ReadonlyMap<number, number>,
  options: StrideGradeOptions,
): RowReview {
  const feedback: Feedback[] = [];
  const name = (component: string) => options.componentNames?.[component] ?? component;
  // Per expected threat, summed in a fixed order at the end, so table order cannot change the rounding.
  const coverageOf = new Array<number>(compiled.threats.length).fill(0);
  const mitigationOf = new Array<number>(compiled.threats.length).fill(0);
  const calibrationOf = new Array<number>(compiled.threats.length).fill(0);
  let penalties = 0;
  let extras = 0;

  const inTableOrder = [...rows].sort((a, b) => a.index - b.index);
  for (const r of inTableOrder) {
    const row = answers.rows[r.index];
    if (!row) continue;
    const at = { step: 'analyze', target: `row ${r.index + 1}`, row: r.index } as const;
    const item = rowToThreat.has(r.index) ? compiled.threats[rowToThreat.get(r.index) as number] : undefined;
    if (r.misconception) {
      penalties += 1;
      feedback.push({
        ...at,
        verdict: 'wrong',
        message: r.misconception.message,
        lesson: r.misconception.learn,
        ...seeAlso(r.misconception.see),
      });
    }
    if (r.duplicateOf !== undefined) {
      penalties += 1;
      feedback.push({
        ...at,
        verdict: 'duplicate',
        message: `Repeats row ${r.duplicateOf + 1}. One row per threat: delete the copy or make it about something else.`,
      });
      continue;
    }
    if (r.matches.length >= STUFFED_AT) {
      penalties += 1;
      feedback.push({
        ...at,
        verdict: 'wrong',
        message: `This row strings together ${r.matches.length} different threats, so none of them is analyzed. One row, one threat: split it, with a concrete impact and mitigation for each.`,
      });
      continue;
    }
    if (!item) {
      if (r.thin) {
        extras++;
        feedback.push({
          ...at,
          verdict: 'extra',
          message: 'Too short to assess. Say who does what to which asset, and why it matters here.',
        });
      } else if (r.matches.length > 0) {
        penalties += 0.5;
        const other = rows.find((x) => x.index !== r.index && rowToThreat.get(x.index) === r.matches[0]);
        const threatName = compiled.threats[r.matches[0] as number]?.threat.name ?? 'another threat';
        feedback.push({
          ...at,
          verdict: 'duplicate',
          message: other
            ? `Covers the same threat as row ${other.index + 1}${options.revealMissed ? ` (${threatName})` : ''}. Merge the two rows.`
            : 'Covers a threat another row already covers better. Merge them.',
        });
      } else if (!r.misconception) {
        extras++;
        feedback.push({
          ...at,
          verdict: 'extra',
          message:
            'Not in our key. Keys are never complete: if you can explain how this would happen in this system, it is a fair entry and costs you nothing.',
        });
      }
      continue;
    }
    const threat = item.threat;
    const compFit = componentFit(threat, row.component);
    const catFit = categoryFit(threat, row.category);
    const mit = specificMitigation(item, r.mitigation);
    const cal = calibration(threat, row.likelihood, row.severity);
    const i = rowToThreat.get(r.index) as number;
    coverageOf[i] = item.weight * compFit * catFit;
    mitigationOf[i] = mit ? item.weight : 0;
    calibrationOf[i] = item.weight * cal;
    const notes: string[] = [threat.explanation];
    let verdict: Feedback['verdict'] = 'correct';
    if (compFit < 1) {
      verdict = 'partial';
      penalties += 0.5;
      notes.unshift(`This threat belongs on ${name(threat.component)}, not ${name(row.component)}.`);
    }
    if (catFit < 1) {
      verdict = 'partial';
      notes.unshift(
        `The key files this under ${threat.category} (${STRIDE_NAMES[threat.category]}), not ${row.category}: ask which security property the attacker breaks.`,
      );
    } else if (row.category !== threat.category) {
      const alt = threat.alsoCategories.find((c) => c.letter === row.category);
      notes.push(`${row.category} is accepted as well as ${threat.category}: ${alt?.reason ?? ''}`.trim());
    }
    if (r.matches.length === 2) {
      penalties += 0.5;
      verdict = 'partial';
      notes.push('The row also describes a second threat; give it a row of its own.');
    }
    if (!mit) {
      verdict = verdict === 'correct' ? 'partial' : verdict;
      const vague = mentions(r.mitigation, compiled.vague) === 'yes' || wordCount(r.mitigation) < MIN_MITIGATION_WORDS;
      notes.push(
        vague
          ? 'The mitigation is too general to act on. Name the control and where it applies.'
          : 'The mitigation does not address this threat specifically. What control would stop or detect it here?',
      );
    }
    if (cal <= 0.5)
      notes.push(
        `Check the rating: the key rates likelihood ${threat.likelihood} and severity ${threat.severity}; you gave ${row.likelihood} and ${row.severity}.`,
      );
    feedback.push({
      ...at,
      verdict,
      message: `${verdict === 'correct' ? 'Matches' : 'Partly matches'} a key threat. ${notes.join(' ')}`,
      lesson: threat.learn,
      ...seeAlso(threat.see),
    });
  }
  return { coverageOf, mitigationOf, calibrationOf, penalties, extras, feedback };
}

/** Expected threats no row covers: hints first, names on a later attempt. */
function missedThreats(
  compiled: CompiledRubric,
  covered: ReadonlySet<number>,
  options: StrideGradeOptions,
): Feedback[] {
  const feedback: Feedback[] = [];
  const name = (component: string) => options.componentNames?.[component] ?? component;
  compiled.threats.forEach((item, i) => {
    if (covered.has(i)) return;
    const threat = item.threat;
    feedback.push({
      step: 'analyze',
      target: `missed: ${threat.id}`,
      verdict: 'missed',
      message: options.revealMissed
        ? `${threat.name} (${name(threat.component)}, ${threat.category}). ${threat.explanation}`
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

/** Coverage: the key's threats found, weighted by risk and by placement (component and category). */
function coveragePart(compiled: CompiledRubric, review: RowReview, matched: number): Pick<Part, 'score' | 'detail'> {
  const W = compiled.totalWeight;
  return {
    score: W === 0 ? 0 : sum(review.coverageOf) / W,
    detail: `${threatWord(matched)} of the key's ${compiled.threats.length} found, weighted by risk and placement.`,
  };
}

/** Mitigations: share of the key's risk with a specific, relevant mitigation. */
function mitigationsPart(compiled: CompiledRubric, review: RowReview): Pick<Part, 'score' | 'detail'> {
  const W = compiled.totalWeight;
  return {
    score: W === 0 ? 0 : sum(review.mitigationOf) / W,
    detail: 'Share of the key’s risk with a specific, relevant mitigation.',
  };
}

/** Calibration: how close the ratings of matched rows are to the key's. */
function calibrationPart(compiled: CompiledRubric, review: RowReview): Pick<Part, 'score' | 'detail'> {
  const W = compiled.totalWeight;
  return {
    score: W === 0 ? 0 : sum(review.calibrationOf) / W,
    detail: 'How close your likelihood and severity ratings are to the key’s.',
  };
}

/** Precision: falls for copies, stuffed rows, wrong components, misconceptions and floods of extras beyond one per key threat. */
function precisionPart(compiled: CompiledRubric, review: RowReview, matched: number): Pick<Part, 'score' | 'detail'> {
  const penalties = review.penalties + Math.max(0, review.extras - compiled.threats.length);
  return {
    score: matched === 0 ? 0 : matched / (matched + penalties),
    detail:
      'Falls for copies, rows that name several threats, wrong components, misconceptions and floods of unrelated rows.',
  };
}

export function gradeStrideTable(
  rubric: StrideRubric,
  answers: StrideAnswers,
  options: StrideGradeOptions = {},
): GradeReport {
  const compiled = compileRubric(rubric);
  const decomposition = gradeDecomposition(rubric, answers, (id) => options.componentNames?.[id] ?? id);
  const rows = readRows(compiled, answers);
  const rowToThreat = pairRows(compiled, answers, rows);
  const review = reviewRows(compiled, answers, rows, rowToThreat, options);
  const covered = new Set(rowToThreat.values());
  const matched = rowToThreat.size;
  const coverage = coveragePart(compiled, review, matched);
  const mitigations = mitigationsPart(compiled, review);
  const calibrationScore = calibrationPart(compiled, review);
  const precision = precisionPart(compiled, review, matched);
  const table =
    precision.score *
    (WEIGHTS.coverage * coverage.score +
      WEIGHTS.mitigations * mitigations.score +
      WEIGHTS.calibration * calibrationScore.score);
  const score = round4(table * (WEIGHTS.decompositionBase + WEIGHTS.decomposition * decomposition.score));
  const part = (label: string, p: Pick<Part, 'score' | 'detail'>) => ({
    label,
    score: round4(p.score),
    detail: p.detail,
  });
  return {
    exercise: rubric.exercise,
    score,
    parts: {
      coverage: part('Coverage', coverage),
      mitigations: part('Mitigations', mitigations),
      calibration: part('Risk calibration', calibrationScore),
      precision: part('Precision', precision),
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
