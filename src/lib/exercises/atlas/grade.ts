/**
 * Grades the ATLAS-informed adversarial simulation (Project 3) the way a red-team lead reviews a
 * plan and its after-action report:
 *
 * - chain: the key's steps found (weighted; a parent technique or a sibling sub-technique earns
 *   half), against everything else listed (precision, weighed double in an F0.5 score, so listing
 *   the matrix does not pay); the
 *   order checked against the key's precedence graph, not one fixed sequence; a rationale for
 *   each matched step;
 * - rules of engagement: the safeguards ticked, with any unsafe choice cancelling credit;
 * - runs: at least one range run per attack family;
 * - defenses: every (mitigation, technique) pair checked against ATLAS's own links (precision),
 *   and the attack families the valid pairs cover (F0.5 again);
 * - the hardening plan: the points it must make.
 *
 * score = 0.2 techniques + 0.1 order + 0.05 rationale + 0.15 rules + 0.15 runs + 0.25 defenses + 0.1 plan
 */
import type { AtlasAnswers, ChainEntry } from './answers';
import type { AtlasStep } from './steps';
import { techniqueFullName } from '../../catalog/ids';
import { ramp, round4, type GradeReport } from '../../grading/report';
import { compiledOnce, conceptResolver } from '../compile';
import type { KindFeedback, PartResult } from '../types';
import { engagementOf, type AtlasRubric, type EngagementRubric } from './rubric';
import { compileText, mentionsAll, wordCount, type CompiledConcept } from '../../grading/text';
import { own } from '../../own';
import { normaliseText, textKey } from '../../grading/words';
import { isKeywordList, sentencesOf } from '../../grading/lists';
import type { RunReplay } from '../../range/replay-types';

export const ATLAS_WEIGHTS = {
  techniques: 0.2,
  order: 0.1,
  rationale: 0.05,
  roe: 0.15,
  runs: 0.15,
  defenses: 0.25,
  hardening: 0.1,
} as const;

/**
 * An incident lab's weights: its key has the chain alone, so the chain's three parts carry the
 * score in the engagement's proportions, with a little more on order, which is what tagging a
 * write-up in sequence practises.
 */
export const INCIDENT_WEIGHTS = {
  techniques: 0.6,
  order: 0.25,
  rationale: 0.15,
} as const;

type PartKey = keyof typeof ATLAS_WEIGHTS;

/** The parts of ATLAS the grader needs, from the catalog. */
export interface AtlasCatalog {
  /** The ATLAS release, e.g. "2026.09", as messages name it. */
  version?: string;
  tactics: readonly { id: string; name: string }[];
  techniques: readonly { id: string; name: string; tactics: readonly string[] }[];
  mitigations: readonly { id: string; name: string; techniques: readonly string[] }[];
  /** IDs a release removed and what replaced them, so older work still grades. */
  retired?: readonly { id: string; name: string; removedIn: string; replacedBy: readonly string[] }[];
}

export interface AtlasGradeOptions {
  catalog: AtlasCatalog;
  /** Rules-of-engagement choice names by id (from the scenario). */
  roeNames?: Readonly<Record<string, string>>;
  /** Name missed steps and safeguards instead of hinting (later attempts). */
  revealMissed?: boolean;
  /** Recorded runs replayed before grading; without them no run earns credit. */
  replays?: readonly RunReplay[];
}

/**
 * The chain gates the rest: with a techniques score at CHAIN_GATE[1] or more the rest counts in
 * full, at CHAIN_GATE[0] or less not at all, and in between in proportion.
 */
export const CHAIN_GATE = [0.3, 0.7] as const;
/** Fair techniques outside the key cost nothing, up to this many; past it a chain is a list. */
export const NEUTRAL_FREE = 8;
/**
 * A distractor (a technique the key rules out, such as a red herring of the write-up) counts this
 * many times against precision: it is not only unneeded, it points the response the wrong way.
 */
export const DISTRACTOR_COST = 2;
/**
 * A chain of more than this many times the key's steps is a list: its techniques part is scaled
 * by the ratio, so pasting every plausible technique does not pay even where most are fair.
 */
export const LIST_FACTOR = 2;
/**
 * One note pasted on more than half of a chain's steps (of PASTED_MIN or more) says nothing about
 * any of them: the chain was not read from the evidence, and its techniques part counts half.
 */
export const PASTED_MIN = 4;
export const PASTED_FACTOR = 0.5;

/** Credit for a parent technique, or a sibling sub-technique, in place of the key's. */
export const RELATED_CREDIT = 0.5;

const ID_SHAPE = /^AML\.T\d{4}(\.\d{3})?$/;
const parentOf = (id: string) => (/\.\d{3}$/.test(id) ? id.slice(0, -4) : null);
const techniquePage = (id: string) => `/reference/atlas/techniques/${id}/`;
const mitigationPage = (id: string) => `/reference/atlas/mitigations/${id}/`;
/** F-score with beta 0.5: precision weighs more than recall, so listing everything does not pay. */
const fHalf = (precision: number, recall: number) =>
  precision + recall === 0 ? 0 : (1.25 * precision * recall) / (0.25 * precision + recall);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Normalises what a learner typed: trims, upper-cases ("aml.t0040" -> "AML.T0040") and adds the
 * "AML." prefix practitioners often leave out ("T0040", "M0004", "TA0007" -> "AML.T0040"...).
 */
export function normaliseAtlasId(raw: string): string {
  const id = raw.trim().replace(/\s+/g, '').toUpperCase();
  return /^(?:TA|T|M|CS)\d{4}(?:\.\d{3})?$/.test(id) ? `AML.${id}` : id;
}

interface Compiled {
  rationale: Map<string, CompiledConcept[][]>;
  hardening: Map<string, CompiledConcept[][]>;
}

const compile = compiledOnce((rubric: AtlasRubric): Compiled => {
  const resolve = conceptResolver(rubric);
  const compiled: Compiled = {
    rationale: new Map(rubric.chain.steps.filter((s) => s.rationale).map((s) => [s.id, resolve(s.rationale ?? [])])),
    hardening: new Map((rubric.hardening?.expects ?? []).map((e) => [e.id, resolve(e.requires)])),
  };
  return compiled;
});

/** Why an ID is not a usable ATLAS technique, or undefined when it is one. */
export function explainTechnique(id: string, catalog: AtlasCatalog): string | undefined {
  if (id === '') return 'No technique chosen yet.';
  if (catalog.techniques.some((t) => t.id === id)) return undefined;
  const gone = catalog.retired?.find((r) => r.id === id);
  if (gone)
    return `${id} ${gone.name} was removed in ATLAS ${gone.removedIn}; ${gone.replacedBy.length > 0 ? `cite ${gone.replacedBy.join(' or ')} instead` : 'nothing replaced it'}.`;
  if (/^AML\.TA\d{4}$/.test(id))
    return `${id} is a tactic (a column of the matrix), not a technique. Pick a technique under it.`;
  if (/^AML\.M\d{4}$/.test(id))
    return `${id} is a mitigation. Mitigations go in step 4, against the techniques they counter.`;
  if (!ID_SHAPE.test(id))
    return `"${id.slice(0, 30)}" is not an ATLAS technique ID; they look like AML.T0040 or AML.T0043.001.`;
  const parent = parentOf(id);
  if (parent && catalog.techniques.some((t) => t.id === parent)) {
    const subs = catalog.techniques.filter((t) => parentOf(t.id) === parent).map((t) => t.id);
    return `${parent} has no sub-technique ${id.slice(-3)} in ATLAS ${catalog.version ?? ''}; its sub-techniques are ${subs.join(', ')}.`;
  }
  return `${id} is not in ATLAS ${catalog.version ?? ''}. IDs are never reused, so it may be a typo, or a technique from ATT&CK (T-numbers without AML.).`;
}

interface StepMatch {
  step: AtlasRubric['chain']['steps'][number];
  entryIndex: number;
  credit: number;
}

/** Best credit a learner technique earns for a key step, with the reason for partial credit. */
function creditFor(
  technique: string,
  step: AtlasRubric['chain']['steps'][number],
  rubric: AtlasRubric,
): { credit: number; reason?: string } {
  if (step.techniques.includes(technique)) return { credit: 1 };
  if (technique in rubric.chain.distractors) return { credit: 0 };
  for (const key of step.techniques) {
    if (parentOf(key) === technique)
      return {
        credit: RELATED_CREDIT,
        reason: `${technique} is the parent of ${key}: name the sub-technique that fits this attack.`,
      };
    const parent = parentOf(technique);
    if (parent !== null && parent === parentOf(key))
      return {
        credit: RELATED_CREDIT,
        reason: `${technique} is a sibling of the sub-technique this step needs, under ${parent}.`,
      };
  }
  return { credit: 0 };
}

/** Matches chain entries to key steps: each step takes its best unused entry, heaviest steps first. */
function matchChain(
  chain: readonly string[],
  rubric: AtlasRubric,
): { matches: StepMatch[]; reasons: Map<number, string> } {
  const used = new Set<number>();
  const matches: StepMatch[] = [];
  const reasons = new Map<number, string>();
  const steps = [...rubric.chain.steps].sort((a, b) => b.weight - a.weight);
  // Exact matches first, so a parent listed earlier does not take the place of an exact entry.
  for (const pass of ['exact', 'related'] as const) {
    for (const step of steps) {
      if (matches.some((m) => m.step === step)) continue;
      let best: { index: number; credit: number; reason?: string } | null = null;
      chain.forEach((technique, index) => {
        // A repeated technique is a duplicate, never a second match.
        if (used.has(index) || chain.indexOf(technique) !== index) return;
        const { credit, reason } = creditFor(technique, step, rubric);
        if (pass === 'exact' ? credit < 1 : credit <= 0) return;
        if (!best || credit > best.credit) best = { index, credit, ...(reason ? { reason } : {}) };
      });
      const found = best as { index: number; credit: number; reason?: string } | null;
      if (found) {
        used.add(found.index);
        matches.push({ step, entryIndex: found.index, credit: found.credit });
        if (found.reason) reasons.set(found.index, found.reason);
      }
    }
  }
  return { matches, reasons };
}

/** Share of the key's precedence edges the learner's order respects (edges with a missing end count as not kept). */
export function precedenceAgreement(
  matches: readonly StepMatch[],
  order: readonly (readonly [string, string])[],
): { kept: number; broken: [string, string][]; total: number } {
  const position = new Map(matches.map((m) => [m.step.id, m.entryIndex]));
  let kept = 0;
  const broken: [string, string][] = [];
  for (const [before, after] of order) {
    const a = position.get(before);
    const b = position.get(after);
    if (a === undefined || b === undefined) continue;
    if (a < b) kept++;
    else broken.push([before, after]);
  }
  return { kept, broken, total: order.length };
}

/** Whether ATLAS links a mitigation to a technique (directly, or through the technique's parent). */
export function isLinked(mitigation: string, technique: string, catalog: AtlasCatalog): boolean {
  const m = catalog.mitigations.find((x) => x.id === mitigation);
  if (!m) return false;
  const parent = parentOf(technique);
  return m.techniques.includes(technique) || (parent !== null && m.techniques.includes(parent));
}

type Feedback = KindFeedback<AtlasStep>;
type Part = PartResult<AtlasStep>;

/** What every part reads: the key, its compiled concepts, the options and naming helpers. */
interface Grading {
  rubric: AtlasRubric;
  compiled: Compiled;
  options: AtlasGradeOptions;
  catalog: AtlasCatalog;
  techniqueName: (id: string) => string;
  named: (id: string) => string;
  /** An incident key (the chain alone): notes cite the write-up's evidence rather than plan an attack. */
  incident: boolean;
}

/** Step 1 as read: the chain's entries matched to the key's steps, and what counts for precision. */
interface ChainReading {
  chain: ChainEntry[];
  matches: StepMatch[];
  precision: number;
  recall: number;
  counted: number;
  feedback: Feedback[];
}

/** Step 1: each entry of the chain against the key's steps (parents and siblings earn half), and the steps missed. */
function readChain({ rubric, options, catalog, named }: Grading, answers: AtlasAnswers): ChainReading {
  const feedback: Feedback[] = [];
  const tacticName = (id: string) => catalog.tactics.find((t) => t.id === id)?.name ?? id;
  const chain = answers.chain.map((e) => ({ ...e, technique: normaliseAtlasId(e.technique) }));
  const ids = chain.map((e) => e.technique);
  const { matches, reasons } = matchChain(ids, rubric);
  const matchedIndex = new Map(matches.map((m) => [m.entryIndex, m]));
  const totalWeight = rubric.chain.steps.reduce((sum, s) => sum + s.weight, 0);
  const recall = matches.reduce((sum, m) => sum + m.credit * m.step.weight, 0) / totalWeight;
  // Why an extra technique does not belong: its tactics, what this attacker does instead, and after the
  // first attempt the steps the key expects.
  const notPartOf = (id: string) => {
    const tactics = catalog.techniques.find((t) => t.id === id)?.tactics ?? [];
    const where = tactics.length > 0 ? ` (${tactics.map((t) => tacticName(t)).join(', ')})` : '';
    const steps = options.revealMissed
      ? ` The steps of this attack are ${rubric.chain.steps.map((st) => named(st.techniques[0] ?? st.id)).join('; ')}.`
      : '';
    const instead = rubric.chain.outside ?? 'nothing in what the attacker did calls for it';
    return `${named(id)}${where} is not part of this attack: ${instead}. Every technique that does not belong costs precision.${steps}`;
  };
  let counted = 0;
  let creditSum = 0;
  let neutrals = 0;
  const seen = new Set<string>();
  chain.forEach((entry: ChainEntry, index) => {
    const target = `chain ${index + 1}: ${entry.technique || '(empty)'}`;
    const row = index;
    const match = matchedIndex.get(index);
    const duplicate = seen.has(entry.technique) && entry.technique !== '';
    seen.add(entry.technique);
    if (match) {
      // A parent or sibling is in the right area: it loses recall (half the step), not precision.
      counted++;
      creditSum += 1;
      feedback.push({
        step: 'chain',
        target,
        row,
        verdict: match.credit >= 1 ? 'correct' : 'partial',
        message:
          match.credit >= 1 ? `${named(entry.technique)}: ${match.step.why}` : (reasons.get(index) ?? match.step.why),
        lesson: rubric.chain.learn,
        see: techniquePage(entry.technique),
      });
      if (entry.tactic) {
        const tactics = catalog.techniques.find((t) => t.id === entry.technique)?.tactics ?? [];
        if (!tactics.includes(entry.tactic)) {
          feedback.push({
            step: 'chain',
            target,
            row,
            verdict: 'info',
            message: `${entry.technique} sits under ${tactics.map((t) => `${t} ${tacticName(t)}`).join(' and ')} in ATLAS ${catalog.version ?? ''}, not under ${entry.tactic}.`,
            see: techniquePage(entry.technique),
          });
        }
      }
      return;
    }
    if (duplicate) {
      counted++;
      feedback.push({
        step: 'chain',
        target,
        row,
        verdict: 'duplicate',
        message: `${entry.technique} is already in your chain. List a technique once, at the point where it first happens.`,
      });
      return;
    }
    const problem = explainTechnique(entry.technique, catalog);
    if (problem) {
      counted++;
      feedback.push({ step: 'chain', target, row, verdict: 'wrong', message: problem, lesson: rubric.chain.learn });
      return;
    }
    // Another technique of a step the chain already has (manual beside automated evasion): both
    // belong to this attack, so the second costs nothing.
    const alternativeOf = rubric.chain.steps.find((s) => s.techniques.includes(entry.technique));
    if (alternativeOf) {
      feedback.push({
        step: 'chain',
        target,
        row,
        verdict: 'info',
        message: `${named(entry.technique)}: another way to do a step your chain already has. ${alternativeOf.why} Fair, and it costs nothing.`,
        see: techniquePage(entry.technique),
      });
      return;
    }
    const neutral = rubric.chain.neutral[entry.technique];
    if (neutral && neutrals < NEUTRAL_FREE) {
      neutrals++;
      feedback.push({
        step: 'chain',
        target,
        row,
        verdict: 'info',
        message: `${named(entry.technique)}: fair, but not needed. ${neutral}`,
        see: techniquePage(entry.technique),
      });
      return;
    }
    const distractor = neutral ? undefined : rubric.chain.distractors[entry.technique];
    counted += distractor ? DISTRACTOR_COST : 1;
    feedback.push({
      step: 'chain',
      target,
      verdict: 'extra',
      message: neutral
        ? `${named(entry.technique)}: fair, but your chain already has ${NEUTRAL_FREE} techniques beyond the steps the attack needs. A kill chain names the steps, not every technique that could apply, so this one costs precision.`
        : distractor
          ? `${named(entry.technique)}: ${distractor} A technique the evidence rules out costs twice the precision of an unneeded one.`
          : notPartOf(entry.technique),
      lesson: rubric.chain.learn,
      see: techniquePage(entry.technique),
    });
  });
  const precision = counted === 0 ? 0 : creditSum / counted;
  for (const step of rubric.chain.steps) {
    if (matches.some((m) => m.step === step)) continue;
    feedback.push({
      step: 'chain',
      target: `missed step: ${step.id}`,
      verdict: 'missed',
      message: options.revealMissed ? `Missing ${named(step.techniques[0] ?? '')}: ${step.why}` : step.hint,
      lesson: rubric.chain.learn,
      expected: step.id,
      ...(options.revealMissed && step.techniques[0] ? { see: techniquePage(step.techniques[0]) } : {}),
    });
  }
  return { chain, matches, precision, recall, counted, feedback };
}

/** Techniques: an F0.5 of precision and weighted recall, so listing the matrix does not pay. */
function techniquesPart({ rubric }: Grading, reading: ChainReading): Part {
  const steps = rubric.chain.steps.length;
  const entries = new Set(reading.chain.map((e) => e.technique)).size;
  const list = entries > LIST_FACTOR * steps ? (LIST_FACTOR * steps) / entries : 1;
  const notes = new Map<string, number>();
  for (const e of reading.chain) {
    const key = textKey(e.rationale ?? '');
    if (key !== '') notes.set(key, (notes.get(key) ?? 0) + 1);
  }
  const mostPasted = Math.max(0, ...notes.values());
  const pasted = reading.chain.length >= PASTED_MIN && mostPasted * 2 > reading.chain.length;
  const feedback = [...reading.feedback];
  if (pasted)
    feedback.push({
      step: 'chain',
      target: 'chain: pasted notes',
      verdict: 'partial',
      message: `The same note sits on ${mostPasted} of your ${reading.chain.length} steps, so it says why none of them is here, and the techniques part counts for ${Math.round(PASTED_FACTOR * 100)}%. Give each step the evidence for it.`,
      lesson: rubric.chain.learn,
    });
  if (list < 1)
    feedback.push({
      step: 'chain',
      target: 'chain: length',
      verdict: 'partial',
      message: `Your chain has ${entries} techniques for an attack of ${steps} steps. Past ${LIST_FACTOR * steps} it reads as a list of what could apply, not what happened, so the techniques part counts for ${Math.round(list * 100)}%. Keep the steps the evidence shows.`,
      lesson: rubric.chain.learn,
    });
  return {
    score: fHalf(reading.precision, reading.recall) * list * (pasted ? PASTED_FACTOR : 1),
    detail: `${reading.matches.length} of ${steps} key steps found; precision ${Math.round(reading.precision * 100)}% of the ${plural(reading.counted, 'technique')} that count.`,
    feedback,
  };
}

/** Order: the key's precedence edges kept among the steps found, scaled by precision. */
function orderPart({ rubric, named }: Grading, { matches, precision }: ChainReading): Part {
  const feedback: Feedback[] = [];
  const precedence = precedenceAgreement(matches, rubric.chain.order);
  const score = (precedence.kept / precedence.total) * precision;
  for (const [before, after] of precedence.broken) {
    const a = rubric.chain.steps.find((s) => s.id === before);
    const b = rubric.chain.steps.find((s) => s.id === after);
    feedback.push({
      step: 'chain',
      target: 'order',
      verdict: 'wrong',
      message: `${named(a?.techniques[0] ?? before)} has to come before ${named(b?.techniques[0] ?? after)}: the second depends on what the first gives the attacker.`,
      lesson: rubric.chain.learn,
    });
  }
  if (matches.length >= 2 && precedence.broken.length === 0) {
    // Say what the score counts: dependencies with a step not found are not kept, and precision scales it.
    const unfound = precedence.total - precedence.kept;
    const full = unfound === 0 && precision >= 1;
    feedback.push({
      step: 'chain',
      target: 'order',
      verdict: full ? 'correct' : 'partial',
      message: full
        ? 'Your order respects every dependency between the steps. Independent steps may come in any order.'
        : `None of the steps you found is out of order, but ${[
            unfound > 0
              ? `${plural(unfound, 'dependency', 'dependencies')} of ${precedence.total} involve${unfound === 1 ? 's' : ''} a step your chain lacks`
              : '',
            precision < 1
              ? `techniques that do not belong dilute the chain (precision ${Math.round(precision * 100)}%)`
              : '',
          ]
            .filter(Boolean)
            .join(', and ')}: the order part counts those too.`,
      lesson: rubric.chain.learn,
    });
  }
  return {
    score,
    detail: `${precedence.kept} of ${precedence.total} dependencies kept, scaled by precision.`,
    feedback,
  };
}

/** Rationale: each matched step says what it gives the attacker here. */
function rationalePart({ rubric, compiled, options, incident }: Grading, { chain, matches }: ChainReading): Part {
  const say = incident ? 'what in the write-up shows this step' : 'what this step gives the attacker here';
  const feedback: Feedback[] = [];
  let rationaleCount = 0;
  // One rationale pasted on several techniques says nothing about any of them.
  const copies = new Map<string, number>();
  for (const e of chain) {
    const key = textKey(e.rationale ?? '');
    if (key !== '') copies.set(key, (copies.get(key) ?? 0) + 1);
  }
  for (const m of matches) {
    const text = chain[m.entryIndex]?.rationale ?? '';
    const pasted = (copies.get(textKey(text)) ?? 0) > 1;
    const listed = isKeywordList(text);
    if (pasted || listed) {
      feedback.push({
        step: 'chain',
        target: `chain ${m.entryIndex + 1}: rationale`,
        row: m.entryIndex,
        verdict: 'wrong',
        message: pasted
          ? `This rationale is pasted on other techniques too, so it says nothing about this one. Say ${say}.`
          : `This rationale is a list of terms. Say in a sentence ${say}.`,
        lesson: rubric.chain.learn,
      });
      continue;
    }
    const groups = compiled.rationale.get(m.step.id);
    const compiledText = compileText(text);
    const ok = groups ? mentionsAll(compiledText, groups) : wordCount(compiledText) >= 5;
    if (ok) rationaleCount += m.credit;
    else {
      feedback.push({
        step: 'chain',
        target: `chain ${m.entryIndex + 1}: rationale`,
        row: m.entryIndex,
        verdict: 'partial',
        message:
          text.trim() === ''
            ? incident
              ? 'Add the evidence: what in the write-up shows this step.'
              : 'Add a rationale: what this step gives the attacker in this system.'
            : `The rationale does not yet say ${say}. For example: ${options.revealMissed ? m.step.reference : m.step.hint}`,
        lesson: rubric.chain.learn,
      });
    }
  }
  const score = rationaleCount / rubric.chain.steps.length;
  return {
    score,
    detail: incident
      ? `${Math.round(rationaleCount * 10) / 10} of ${rubric.chain.steps.length} key steps backed by the write-up's evidence.`
      : `Rationales that say what each step gives the attacker.`,
    feedback,
  };
}

/** Step 2: the safeguards a safe engagement needs, with any unsafe choice cancelling credit. */
function rulesPart({ options }: Grading, rubric: EngagementRubric, answers: AtlasAnswers): Part {
  const feedback: Feedback[] = [];
  const ticked = new Set(answers.roe);
  const required = Object.entries(rubric.roe.required);
  const traps = Object.entries(rubric.roe.traps);
  const roeName = (id: string) => own(options.roeNames, id) ?? id;
  let have = 0;
  for (const [id, why] of required) {
    if (ticked.has(id)) {
      have++;
      feedback.push({
        step: 'range',
        target: `rules: ${roeName(id)}`,
        verdict: 'correct',
        message: why,
        lesson: rubric.roe.learn,
      });
    }
  }
  const missingRules = required.filter(([id]) => !ticked.has(id));
  if (missingRules.length > 0) {
    feedback.push({
      step: 'range',
      target: 'rules: missing safeguards',
      verdict: 'missed',
      message: options.revealMissed
        ? `Also needed: ${missingRules.map(([id, why]) => `${roeName(id)} (${why})`).join('; ')}`
        : `${plural(missingRules.length, 'safeguard')} a safe engagement needs ${missingRules.length === 1 ? 'is' : 'are'} not ticked. Ask: what data, which systems, who can stop it, who knows, what is left behind?`,
      lesson: rubric.roe.learn,
    });
  }
  let trapsTicked = 0;
  for (const [id, why] of traps) {
    if (!ticked.has(id)) continue;
    trapsTicked++;
    feedback.push({
      step: 'range',
      target: `rules: ${roeName(id)}`,
      verdict: 'wrong',
      message: why,
      lesson: rubric.roe.learn,
    });
  }
  const score = (have / required.length) * (1 - trapsTicked / traps.length);
  return {
    score,
    detail: `${have} of ${required.length} safeguards; ${plural(trapsTicked, 'unsafe choice')}.`,
    feedback,
    items: Object.keys(rubric.roe.traps).map((id) => ({
      id: `safe-${id}`,
      label: `avoided the unsafe choice "${roeName(id)}"`,
      covered: !ticked.has(id),
    })),
  };
}

/** A run's replay, or "not replayed" when grading had none (grade() without check()). */
const replayOf = (replays: readonly RunReplay[] | undefined, index: number): RunReplay =>
  replays?.find((r) => r.index === index) ?? { index, status: 'not-replayed' };

/**
 * Step 3: at least one range run per attack family, and an undefended and a defended run to
 * compare. Runs are claims: only those the range reproduces from their seed and settings count.
 */
function runsPart(rubric: EngagementRubric, answers: AtlasAnswers, replays: readonly RunReplay[] | undefined): Part {
  const feedback: Feedback[] = [];
  const credited = answers.runs.filter((_, i) => replayOf(replays, i).status === 'reproduced');
  answers.runs.forEach((run, i) => {
    const replay = replayOf(replays, i);
    const name = `run ${i + 1} (${run.attack}, seed ${run.seed})`;
    if (replay.status === 'reproduced')
      feedback.push({
        step: 'execute',
        target: `runs: run ${i + 1}`,
        row: i,
        verdict: 'correct',
        message: `${name[0]?.toUpperCase()}${name.slice(1)} reproduces: replayed with its seed and settings, the range gives the same figures, so it counts.`,
      });
    else if (replay.status === 'differs')
      feedback.push({
        step: 'execute',
        target: `runs: run ${i + 1}`,
        row: i,
        verdict: 'wrong',
        message: `${name[0]?.toUpperCase()}${name.slice(1)} does not reproduce: replayed with its seed and settings, the range gives ${(replay.differs ?? []).slice(0, 4).join('; ')}. Only runs the range reproduces earn credit, so record runs from the range, never by hand.`,
        lesson: rubric.runs.learn,
      });
    else if (replay.status === 'unreplayable')
      feedback.push({
        step: 'execute',
        target: `runs: run ${i + 1}`,
        row: i,
        verdict: 'wrong',
        message: `${name[0]?.toUpperCase()}${name.slice(1)} cannot be replayed: it has no settings, or an attack the range does not have. Run it again in the range; only runs the range reproduces earn credit.`,
        lesson: rubric.runs.learn,
      });
  });
  if (replays === undefined && answers.runs.length > 0)
    feedback.push({
      step: 'execute',
      target: 'runs: replays',
      verdict: 'info',
      message:
        'These runs were not replayed, so none earns credit yet: check them on the project page or with npm run grade.',
    });
  const skipped = answers.runs.filter((_, i) => replayOf(replays, i).status === 'not-replayed').length;
  if (replays !== undefined && skipped > 0)
    feedback.push({
      step: 'execute',
      target: 'runs: replays',
      verdict: 'info',
      message: `${plural(skipped, 'earlier run')} ${skipped === 1 ? 'was' : 'were'} not replayed: for each attack, the latest run with defenses and the latest without are the ones that count.`,
    });
  let familiesRun = 0;
  for (const family of rubric.runs.families) {
    const runs = credited.filter((r) => family.attacks.includes(r.attack));
    if (runs.length > 0) {
      familiesRun++;
      const defended = runs.filter((r) => r.defenses.length > 0);
      feedback.push({
        step: 'execute',
        target: `runs: ${family.label}`,
        verdict: 'correct',
        message: `${plural(runs.length, 'run')} the range reproduces${defended.length > 0 ? `, ${defended.length} with defenses on` : ', none with defenses yet: rerun with some on to compare'}. ${family.why}`,
        lesson: rubric.runs.learn,
      });
    } else {
      feedback.push({
        step: 'execute',
        target: `runs: ${family.label}`,
        verdict: 'missed',
        message: `No ${family.label} run the range reproduces yet. ${family.why}`,
        lesson: rubric.runs.learn,
      });
    }
  }
  const compared = credited.some((r) => r.defenses.length === 0) && credited.some((r) => r.defenses.length > 0);
  const score = (familiesRun / rubric.runs.families.length) * (compared ? 1 : 0.75);
  return {
    score,
    detail: `${familiesRun} of ${rubric.runs.families.length} attack families run and reproduced${compared ? ', with an undefended and a defended run to compare' : ''}.`,
    feedback,
  };
}

/** A sentence that reports what a control did not do, or warns against relying on one: not a proposal of it. */
const NOT_A_PROPOSAL =
  /\b(?:raised|fired|caught|detected|flagged|noticed|showed|saw|triggered)\s+(?:nothing|no\b|none)|\b(?:did not|didn't|never|failed to)\s+(?:raise|fire|catch|detect|flag|notice|alert|trigger)|\b(?:do not|don't|never|not|cannot|can't)\s+rely\s+on\b|\bis not enough\b|\bon its own is not\b/i;

/** The sentences of a plan that propose something. */
export function proposals(plan: string): string {
  return sentencesOf(plan)
    .filter((sentence) => !NOT_A_PROPOSAL.test(sentence))
    .join('\n');
}

/** A plan that says its defenses cost nothing. */
const NO_COST =
  /\b(?:no|without|zero|negligible)\s+(?:any\s+)?(?:meaningful\s+|real\s+|significant\s+|noticeable\s+|measurable\s+|material\s+)?(?:cost|costs|downside|downsides|trade ?offs?|impact on (?:genuine|legitimate|good) customers|false (?:positives|declines|alarms))\b|\bcosts? nothing\b/;

/** A reproduced defended run whose false declines rose sharply: what a no-cost claim contradicts. */
function costlyRun(
  answers: AtlasAnswers,
  replays: readonly RunReplay[] | undefined,
): { index: number; before: number; after: number; run: AtlasAnswers['runs'][number] } | undefined {
  for (const replay of replays ?? []) {
    if (replay.status !== 'reproduced' || !replay.replayed) continue;
    const run = answers.runs[replay.index];
    const { falseDeclinesBefore: before, falseDeclinesAfter: after } = replay.replayed;
    if (!run || run.defenses.length === 0 || before === undefined || after === undefined) continue;
    if (after >= before * 1.25 && after - before >= 20) return { index: replay.index, before, after, run };
  }
  return undefined;
}

/** Step 4: every (mitigation, technique) pair checked against ATLAS's links, and the attack families covered (F0.5). */
function defensesPart(
  { catalog }: Grading,
  rubric: EngagementRubric,
  answers: AtlasAnswers,
  reading: ChainReading,
): Part {
  const feedback: Feedback[] = [];
  // Defenses count for techniques the plan uses (its chain, a parent or sub-technique of one) that belong to this attack.
  const inChain = new Set(reading.chain.map((e) => e.technique));
  // A technique of a key step the chain has (manual beside automated evasion) is used too.
  const stepTechniques = new Set(reading.matches.flatMap((m) => m.step.techniques));
  const used = (t: string) =>
    inChain.has(t) ||
    stepTechniques.has(t) ||
    inChain.has(parentOf(t) ?? '') ||
    [...inChain].some((c) => parentOf(c) === t);
  const onAttack = (t: string) =>
    rubric.defenses.targets.some((x) => x.techniques.includes(t) || x.techniques.includes(parentOf(t) ?? ''));
  const aside = (t: string) =>
    !onAttack(t) &&
    (Object.hasOwn(rubric.chain.neutral, t) || rubric.chain.steps.some((s) => s.techniques.includes(t)));
  let pairs = 0;
  let validPairs = 0;
  const covered = new Set<string>();
  answers.defenses.forEach((d, i) => {
    const mitigation = normaliseAtlasId(d.mitigation);
    const target = `defense ${i + 1}: ${mitigation || '(empty)'}`;
    const row = i;
    const known = catalog.mitigations.find((m) => m.id === mitigation);
    if (!known) {
      pairs += Math.max(1, d.counters.length);
      feedback.push({
        step: 'harden',
        target,
        row,
        verdict: 'wrong',
        message: /^AML\.M\d{4}$/.test(mitigation)
          ? `${mitigation} is not a mitigation in ATLAS ${catalog.version ?? ''}.`
          : `"${mitigation.slice(0, 30)}" is not an ATLAS mitigation ID; they look like AML.M0004.`,
      });
      return;
    }
    if (d.counters.length === 0) {
      feedback.push({
        step: 'harden',
        target,
        row,
        verdict: 'partial',
        message: `Say which techniques ${mitigation} ${known.name} counters in this attack.`,
        see: mitigationPage(mitigation),
      });
      return;
    }
    const bad: string[] = [];
    const unused: string[] = [];
    const offAttack: string[] = [];
    for (const raw of d.counters) {
      const technique = normaliseAtlasId(raw);
      // Fair but not needed (a neutral technique): neither credit nor cost.
      if (aside(technique) && isLinked(mitigation, technique, catalog)) continue;
      pairs++;
      if (!isLinked(mitigation, technique, catalog)) bad.push(technique);
      else if (!onAttack(technique)) offAttack.push(technique);
      else if (!used(technique)) unused.push(technique);
      else {
        validPairs++;
        for (const t of rubric.defenses.targets)
          if (t.techniques.includes(technique) || t.techniques.includes(parentOf(technique) ?? '')) covered.add(t.id);
      }
    }
    if (unused.length > 0 || offAttack.length > 0)
      feedback.push({
        step: 'harden',
        target: `${target}: scope`,
        row,
        verdict: 'partial',
        message: [
          unused.length > 0
            ? `${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} not in your chain: defenses count for the techniques your plan uses.`
            : '',
          offAttack.length > 0
            ? `ATLAS links ${mitigation} to ${offAttack.join(', ')}, but ${offAttack.length === 1 ? 'that is' : 'those are'} not part of this attack, so ${offAttack.length === 1 ? 'it costs' : 'they cost'} precision.`
            : '',
        ]
          .filter(Boolean)
          .join(' '),
        see: mitigationPage(mitigation),
        lesson: rubric.defenses.learn,
      });
    const good = d.counters.length - bad.length;
    if (bad.length === 0) {
      feedback.push({
        step: 'harden',
        target,
        row,
        verdict: 'correct',
        message: `ATLAS links ${mitigation} ${known.name} to ${d.counters.map(normaliseAtlasId).join(', ')}.`,
        see: mitigationPage(mitigation),
        lesson: rubric.defenses.learn,
      });
    } else {
      const relevant = known.techniques.filter((t) => rubric.defenses.targets.some((x) => x.techniques.includes(t)));
      feedback.push({
        step: 'harden',
        target,
        row,
        verdict: good > 0 ? 'partial' : 'wrong',
        message: `ATLAS does not link ${mitigation} ${known.name} to ${bad.join(', ')}.${relevant.length > 0 ? ` Among this attack's techniques it lists ${relevant.join(', ')}.` : ' It lists none of this attack’s techniques.'}`,
        see: mitigationPage(mitigation),
        lesson: rubric.defenses.learn,
      });
    }
  });
  const targetWeight = rubric.defenses.targets.reduce((sum, t) => sum + t.weight, 0);
  const coverage =
    rubric.defenses.targets.filter((t) => covered.has(t.id)).reduce((sum, t) => sum + t.weight, 0) / targetWeight;
  const linkPrecision = pairs === 0 ? 0 : validPairs / pairs;
  const score = fHalf(linkPrecision, coverage);
  for (const t of rubric.defenses.targets) {
    if (!covered.has(t.id))
      feedback.push({
        step: 'harden',
        target: `defenses: ${t.label}`,
        verdict: 'missed',
        message: t.hint,
        lesson: rubric.defenses.learn,
      });
  }
  return {
    score,
    detail: `${validPairs} of ${plural(pairs, 'pairing')} are ATLAS links; ${Math.round(coverage * 100)}% of the attack covered.`,
    feedback,
    items: rubric.defenses.targets.map((t) => ({
      id: `defense-${t.id}`,
      label: `a mitigation ATLAS links to ${t.label}`,
      covered: covered.has(t.id),
    })),
  };
}

/** Step 4: the points the hardening plan must make, its length and the mitigation IDs it names. */
function hardeningPart(
  { compiled, catalog }: Grading,
  rubric: EngagementRubric,
  answers: AtlasAnswers,
  replays: readonly RunReplay[] | undefined,
): Part {
  const feedback: Feedback[] = [];
  // Points count where the plan proposes them, not where it reports a finding or warns against one.
  const plan = compileText(proposals(answers.hardening));
  const words = wordCount(plan);
  let points = 0;
  for (const e of rubric.hardening.expects) {
    if (mentionsAll(plan, compiled.hardening.get(e.id) ?? [])) {
      points++;
      feedback.push({
        step: 'harden',
        target: `plan: ${e.label}`,
        verdict: 'correct',
        message: `Your plan covers ${e.label}.`,
        lesson: rubric.hardening.learn,
      });
    } else {
      feedback.push({
        step: 'harden',
        target: `plan: ${e.label}`,
        verdict: 'missed',
        message: e.hint,
        lesson: rubric.hardening.learn,
      });
    }
  }
  // Mitigation IDs in the plan, with or without the "AML." prefix.
  const mentioned = [...answers.hardening.matchAll(/\b(?:AML\.)?M\d{4}\b/gi)].map((m) => normaliseAtlasId(m[0]));
  const unknownMitigations = [...new Set(mentioned)].filter((id) => !catalog.mitigations.some((m) => m.id === id));
  for (const id of unknownMitigations)
    feedback.push({
      step: 'harden',
      target: 'plan: IDs',
      verdict: 'wrong',
      message: `${id} is not a mitigation in ATLAS ${catalog.version ?? ''}.`,
    });
  const knownMentioned = new Set(mentioned.filter((id) => !unknownMitigations.includes(id)));
  // Mitigations the plan names that ATLAS links to none of this attack's techniques dilute it.
  const attackTechniques = rubric.defenses.targets.flatMap((t) => t.techniques);
  const offAttack = [...knownMentioned].filter((m) => !attackTechniques.some((t) => isLinked(m, t, catalog)));
  if (offAttack.length > 0)
    feedback.push({
      step: 'harden',
      target: 'plan: IDs',
      verdict: 'partial',
      message: `ATLAS links ${offAttack.join(', ')} to none of this attack's techniques: a plan puts in place what counters this attack, and the rest dilutes it.`,
      lesson: rubric.hardening.learn,
    });
  const planPrecision = knownMentioned.size === 0 ? 1 : 1 - offAttack.length / knownMentioned.size;
  if (knownMentioned.size === 0 && answers.hardening.trim() !== '') {
    feedback.push({
      step: 'harden',
      target: 'plan: IDs',
      verdict: 'partial',
      message: 'Name the ATLAS mitigation IDs (AML.M…) your plan puts in place, so the blue team can track them.',
      lesson: rubric.hardening.learn,
    });
  }
  const lengthFactor = words >= rubric.hardening.minWords ? 1 : words / rubric.hardening.minWords;
  if (words > 0 && words < rubric.hardening.minWords) {
    feedback.push({
      step: 'harden',
      target: 'plan: length',
      verdict: 'partial',
      message: `${plural(words, 'word')}: a plan the blue team can act on needs at least ${rubric.hardening.minWords}.`,
      lesson: rubric.hardening.learn,
    });
  }
  const idFactor = knownMentioned.size > 0 ? 1 : 0.8;
  // Claims the runs can check: a plan that calls its defenses free, against its own run's false declines.
  const costly = NO_COST.test(normaliseText(answers.hardening)) ? costlyRun(answers, replays) : undefined;
  if (costly)
    feedback.push({
      step: 'harden',
      target: 'plan: cost',
      verdict: 'wrong',
      message: `Your plan says the defenses cost nothing, but your run ${costly.index + 1} (${costly.run.attack} with ${costly.run.defenses.join(', ')}) shows false declines rising from ${costly.before} to ${costly.after}: genuine customers declined. Say what each defense costs and how you would watch it.`,
      lesson: rubric.hardening.learn,
    });
  const claimFactor = costly ? 0.7 : 1;
  const score = (points / rubric.hardening.expects.length) * lengthFactor * idFactor * claimFactor * planPrecision;
  return { score, detail: `${points} of ${rubric.hardening.expects.length} points made.`, feedback };
}

/**
 * Work saved under an earlier ATLAS release may cite IDs the current one removed. Each is read as
 * its successor (ATLAS's changelog names one for every removed technique we know), so the work
 * still grades, and a note per ID says what was read, so the learner can update the entry.
 */
export function withCurrentIds(
  answers: AtlasAnswers,
  catalog: AtlasCatalog,
): { answers: AtlasAnswers; notes: Feedback[] } {
  const retired = new Map((catalog.retired ?? []).map((r) => [r.id, r]));
  if (retired.size === 0) return { answers, notes: [] };
  const seen = new Set<string>();
  const current = (raw: string) => {
    const id = normaliseAtlasId(raw);
    const gone = retired.get(id);
    const next = gone?.replacedBy.length === 1 ? gone.replacedBy[0] : undefined;
    if (!gone || !next) return raw;
    seen.add(id);
    return next;
  };
  const mapped: AtlasAnswers = {
    ...answers,
    chain: answers.chain.map((e) => ({ ...e, technique: current(e.technique) })),
    defenses: answers.defenses.map((d) => ({
      ...d,
      mitigation: current(d.mitigation),
      counters: d.counters.map(current),
    })),
  };
  const notes = [...seen].map((id): Feedback => {
    const gone = retired.get(id);
    const next = gone?.replacedBy[0] ?? '';
    return {
      step: 'chain',
      target: `retired: ${id}`,
      verdict: 'partial',
      message: `${id} ${gone?.name ?? ''} was removed in ATLAS ${gone?.removedIn ?? ''}; it was read as its successor, ${next} ${techniqueFullName(next, catalog.techniques)}. Update your entry to cite ${next}.`,
    };
  });
  return { answers: mapped, notes };
}

export function gradeAtlasSimulation(
  rubric: AtlasRubric,
  submitted: AtlasAnswers,
  options: AtlasGradeOptions,
): GradeReport {
  const { catalog } = options;
  const { answers, notes: retiredNotes } = withCurrentIds(submitted, catalog);
  const techniqueName = (id: string) => catalog.techniques.find((t) => t.id === id)?.name ?? id;
  const engagement = engagementOf(rubric);
  const grading: Grading = {
    rubric,
    compiled: compile(rubric),
    options,
    catalog,
    techniqueName,
    named: (id) =>
      `${id} ${catalog.techniques.some((t) => t.id === id) ? techniqueFullName(id, catalog.techniques) : id}`,
    incident: engagement === null,
  };
  const reading = readChain(grading, answers);
  const techniques = techniquesPart(grading, reading);
  const parts: Partial<Record<PartKey, Part>> = {
    techniques,
    order: orderPart(grading, reading),
    rationale: rationalePart(grading, reading),
    ...(engagement && {
      roe: rulesPart(grading, engagement, answers),
      runs: runsPart(engagement, answers, options.replays),
      defenses: defensesPart(grading, engagement, answers, reading),
      hardening: hardeningPart(grading, engagement, answers, options.replays),
    }),
  };
  const weights: Partial<Record<PartKey, number>> = engagement ? ATLAS_WEIGHTS : INCIDENT_WEIGHTS;
  const labels: Record<PartKey, string> = {
    techniques: 'Techniques',
    order: 'Order',
    rationale: engagement ? 'Rationale' : 'Evidence',
    roe: 'Rules of engagement',
    runs: 'Range runs',
    defenses: 'Defenses',
    hardening: 'Hardening plan',
  };
  // The chain is the core: without a sound one the rest has nothing to stand on.
  const gate = ramp(techniques.score, CHAIN_GATE);
  if (gate < 1)
    techniques.feedback.push({
      step: 'chain',
      target: 'chain: gate',
      verdict: 'partial',
      message: engagement
        ? `The rest of the engagement counts for ${Math.round(gate * 100)}% until the kill chain holds: runs, defenses and a plan rest on knowing the attack. Find the key steps, and leave out techniques that do not belong.`
        : `Order and evidence count for ${Math.round(gate * 100)}% until the chain holds: a sequence of the wrong techniques tells the responders nothing. Find the key steps, and leave out techniques the write-up does not show.`,
      lesson: rubric.chain.learn,
    });
  const entries = Object.entries(parts) as [PartKey, Part][];
  const score = entries.reduce(
    (sum, [key, p]) => sum + (weights[key] ?? 0) * p.score * (key === 'techniques' ? 1 : gate),
    0,
  );
  const all = entries.map(([, p]) => p);
  return {
    exercise: rubric.exercise,
    score: round4(score),
    parts: Object.fromEntries(
      entries.map(([key, p]) => [key, { label: labels[key], score: round4(p.score), detail: p.detail }]),
    ),
    verdict: engagement ? verdict(score) : incidentVerdict(score),
    feedback: [...retiredNotes, ...all.flatMap((p) => p.feedback)],
    items: [
      ...rubric.chain.steps.map((step) => ({
        id: step.id,
        label: `${step.techniques[0] ?? step.id} ${techniqueName(step.techniques[0] ?? '')}`,
        covered: reading.matches.some((m) => m.step === step && m.credit >= 1),
      })),
      ...(parts.defenses?.items ?? []),
      ...(parts.roe?.items ?? []),
    ],
  };
}

function verdict(score: number): string {
  if (score >= 0.85)
    return 'Strong engagement: a sound kill chain, a safe range, both attack families run, and defenses that ATLAS backs.';
  if (score >= 0.6) return 'A solid engagement with gaps: see the notes on the chain, the runs and the defenses.';
  if (score >= 0.3) return 'A start: key steps, safeguards or defenses are missing. Work through the hints.';
  return 'Not there yet: revisit planning a kill chain and the rules of engagement, then try again.';
}

function incidentVerdict(score: number): string {
  if (score >= 0.85)
    return 'Strong reading of the incident: the key steps, in an order the evidence supports, each backed by the write-up.';
  if (score >= 0.6) return 'A solid reading with gaps: see the notes on missed steps, order and evidence.';
  if (score >= 0.3)
    return 'A start: key steps are missing or out of order. Work through the hints and reread the timeline.';
  return 'Not there yet: revisit how ATLAS tactics and techniques chain, then reread the write-up step by step.';
}
