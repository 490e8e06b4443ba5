/**
 * Grades an AI RMF gap analysis (Project 2) against its answer key, the way an assessor would:
 *
 * - contexts: the relevant ones found, against distractors picked;
 * - assessments: for each subcategory in the key, the status (the key's, or a defensible
 *   alternative at 0.75 with the reason) and, when the status stands, the evidence: cited facts
 *   that support it, with precision, so citing the whole dossier does not pay;
 * - priorities: overlap of the top three with the key (alternatives at half credit), order of the
 *   matched ones as pairs, a specific mitigation for each, and an owner and a date;
 * - the report: the framings stakeholders need, in a summary long enough to be one.
 *
 * score = 0.1 contexts + 0.5 assessments + gate x (0.3 priorities + 0.1 report), where the gate
 * rises from 0 to 1 as the assessments score goes from 0.2 to 0.6 (the core gates the rest)
 *
 * Unknown subcategory IDs get the catalog’s explanation (a number past the end of its category
 * gets the valid range); subcategories outside the key are neutral, since no key is complete.
 */
import { checkSubcategory } from '../../catalog/rmf-subcategories';
import { RMF_STATUS_LABELS, type RmfAnswers, type RmfStatus } from './answers';
import { type RmfStep } from './steps';
import { ramp, round4, type GradeReport } from '../../grading/report';
import { compiledOnce, conceptResolver } from '../compile';
import type { KindFeedback, PartResult } from '../types';
import type { RmfRubric } from './rubric';
import {
  compileConcept,
  compileText,
  mentions,
  mentionsAll,
  wordCount,
  type CompiledConcept,
} from '../../grading/text';
import { own } from '../../own';
import { isKeywordList, splitProse } from '../../grading/lists';
import { textKey } from '../../grading/words';

export interface RmfGradeOptions {
  /** Every AI RMF subcategory ID with its title, to name items and explain unknown IDs. */
  subcategories: Readonly<Record<string, string>>;
  /** Context names by id (from the scenario). */
  contextNames?: Readonly<Record<string, string>>;
  /** Dossier fact titles by id (from the scenario). */
  factTitles?: Readonly<Record<string, string>>;
  /** Say the key's status and name missed priorities instead of hinting (later attempts). */
  revealMissed?: boolean;
}

/** Weights of the parts in the score. */
export const RMF_WEIGHTS = { contexts: 0.1, assessments: 0.5, priorities: 0.3, report: 0.1 } as const;
/**
 * The assessment gates the priorities and the report: with an assessments score at
 * ASSESSMENT_GATE[1] or more they count in full, at ASSESSMENT_GATE[0] or less not at all.
 */
export const ASSESSMENT_GATE = [0.2, 0.6] as const;
/** Credit for a defensible alternative status. */
const ALTERNATIVE_CREDIT = 0.75;
/** Credit for a priority that the key accepts as an alternative to its top three. */
const ALTERNATIVE_PRIORITY = 0.5;

type Priority = RmfRubric['priorities']['top'][number];

interface CompiledRmf {
  mitigation: Map<Priority, CompiledConcept[][]>;
  gap: Map<Priority, CompiledConcept[][]>;
  framing: CompiledConcept[][][];
  vague: CompiledConcept;
}

const compile = compiledOnce((rubric: RmfRubric): CompiledRmf => {
  const resolve = conceptResolver(rubric);
  const compiled: CompiledRmf = {
    mitigation: new Map(
      [...rubric.priorities.top, ...rubric.priorities.alternatives].map((p) => [p, resolve(p.mitigation)]),
    ),
    gap: new Map([...rubric.priorities.top, ...rubric.priorities.alternatives].map((p) => [p, resolve(p.gap)])),
    framing: rubric.report.framing.map((f) => resolve(f.requires)),
    vague: compileConcept(`${rubric.exercise}:vague`, rubric.vagueMitigations),
  };
  return compiled;
});

const see = (link: string | undefined): { see?: string } => (link ? { see: link } : {});
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Share of the key's order kept among the learner's matched priorities (pairs in the same order). */
export function orderAgreement(learner: readonly string[], key: readonly string[]): number {
  const matched = learner.filter((id) => key.includes(id));
  if (matched.length === 0) return 0;
  if (matched.length === 1)
    return learner.indexOf(matched[0] as string) === key.indexOf(matched[0] as string) ? 1 : 0.5;
  let pairs = 0;
  let agree = 0;
  for (let i = 0; i < matched.length; i++) {
    for (let j = i + 1; j < matched.length; j++) {
      pairs += 1;
      if (key.indexOf(matched[i] as string) < key.indexOf(matched[j] as string)) agree += 1;
    }
  }
  return agree / pairs;
}

type Feedback = KindFeedback<RmfStep>;
type Part = PartResult<RmfStep>;

/** What every part reads: the key, its compiled concepts, the options and naming helpers. */
interface Grading {
  rubric: RmfRubric;
  compiled: CompiledRmf;
  options: RmfGradeOptions;
  known: string[];
  label: (id: string) => string;
}

/** Step 1: the contexts that shape risk, found against distractors picked. */
function gradeContexts({ rubric, options }: Grading, answers: RmfAnswers): Part {
  const feedback: Feedback[] = [];
  const step = 'map';
  const contextName = (id: string) => own(options.contextNames, id) ?? id;
  const chosen = [...new Set(answers.contexts)];
  const relevant = new Set(rubric.contexts.relevant);
  const hits = chosen.filter((c) => relevant.has(c));
  const wrongContexts = chosen.filter((c) => !relevant.has(c));
  for (const id of rubric.contexts.relevant.filter((c) => !chosen.includes(c))) {
    feedback.push({
      step,
      target: 'contexts',
      verdict: 'missed',
      message: `Missing context: ${contextName(id)}. ${own(rubric.contexts.why, id) ?? ''}`.trim(),
      lesson: rubric.contexts.learn,
    });
  }
  for (const id of wrongContexts) {
    const why = own(rubric.contexts.distractors, id);
    feedback.push({
      step,
      target: 'contexts',
      verdict: 'wrong',
      message: why
        ? `${contextName(id)} does not shape this system's risk. ${why}`
        : `“${id}” is not one of the contexts offered.`,
      lesson: rubric.contexts.learn,
    });
  }
  if (wrongContexts.length === 0 && hits.length === relevant.size) {
    feedback.push({
      step,
      target: 'contexts',
      verdict: 'correct',
      message: 'You picked every context that shapes this system’s risk, and none that does not.',
    });
  }
  // Found share minus distractor share (Youden's J): ticking every box earns nothing.
  const distractorCount = Math.max(1, Object.keys(rubric.contexts.distractors).length);
  if (wrongContexts.length >= distractorCount && hits.length === relevant.size)
    feedback.push({
      step,
      target: 'contexts',
      verdict: 'wrong',
      message:
        'You picked every context offered. Mapping means telling apart what shapes this system’s risk from what does not: untick the ones the dossier rules out.',
      lesson: rubric.contexts.learn,
    });
  return {
    score: Math.max(0, hits.length / relevant.size - Math.min(1, wrongContexts.length / distractorCount)),
    detail: `${hits.length} of ${relevant.size} contexts that shape risk, against ${plural(wrongContexts.length, 'distractor')} picked.`,
    feedback,
  };
}

/** The learner's assessments by subcategory ID (first of each), with feedback on unknown, repeated and out-of-key ones. */
function readAssessments(
  { rubric, known, label }: Grading,
  answers: RmfAnswers,
): { byId: Map<string, RmfAnswers['assessments'][number]>; feedback: Feedback[] } {
  const feedback: Feedback[] = [];
  const byId = new Map<string, RmfAnswers['assessments'][number]>();
  answers.assessments.forEach((assessment, i) => {
    const { id, problem } = checkSubcategory(assessment.subcategory, known);
    const base = { step: 'measure', target: `assessment ${i + 1}`, row: i } as const;
    if (problem) {
      feedback.push({ ...base, verdict: 'wrong', message: problem });
      return;
    }
    if (byId.has(id)) {
      feedback.push({ ...base, verdict: 'duplicate', message: `${id} is assessed twice; only the first counts.` });
      return;
    }
    byId.set(id, assessment);
    if (!rubric.assessments.some((k) => k.subcategory === id)) {
      feedback.push({
        ...base,
        verdict: 'extra',
        message: `${label(id)} is not in the key for this exercise. It is neither right nor wrong here; the key covers the subcategories in scope.`,
      });
    }
  });
  return { byId, feedback };
}

const statusDefensible = (key: RmfRubric['assessments'][number], status: RmfStatus | undefined) =>
  status === key.status || key.alternatives.some((a) => a.status === status);

/** Share of an assessment's credit that the status alone earns; the rest needs the evidence that shows it. */
const STATUS_SHARE = 0.5;
/**
 * Citing more than this share of the dossier (and more than BLANKET_MIN facts) for one outcome is
 * no selection at all: the status then earns half its share, as a guess does.
 */
const BLANKET_SHARE = 0.5;
const BLANKET_MIN = 6;
/**
 * Hedging: one status given to a growing share of the key's subcategories (of UNIFORM_MIN or more
 * assessed) tells fewer outcomes apart. Up to UNIFORM_RAMP[0] of them, nothing changes (the key
 * itself gives its commonest status to half); from there the credit falls in proportion, to
 * UNIFORM_CREDIT at UNIFORM_RAMP[1] and beyond, about what a constant answer earns over chance.
 */
const UNIFORM_RAMP = [0.65, 0.85] as const;
const UNIFORM_MIN = 8;
const UNIFORM_CREDIT = 0.25;

/** What a share of one status leaves of the assessment credit (1 below the ramp). */
export function hedgeFactor(share: number): number {
  return 1 - (1 - UNIFORM_CREDIT) * ramp(share, UNIFORM_RAMP);
}

/** The commonest status, when the learner gave it to more of the key's subcategories than an assessment would. */
function uniformStatus(
  rubric: RmfRubric,
  byId: ReadonlyMap<string, RmfAnswers['assessments'][number]>,
): { status: RmfStatus; count: number; assessed: number; factor: number } | undefined {
  const counts = new Map<RmfStatus, number>();
  let assessed = 0;
  for (const key of rubric.assessments) {
    const status = byId.get(key.subcategory)?.status;
    if (!status) continue;
    assessed += 1;
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  if (assessed < UNIFORM_MIN) return undefined;
  for (const [status, count] of counts) {
    const factor = hedgeFactor(count / rubric.assessments.length);
    if (factor < 1) return { status, count, assessed, factor };
  }
  return undefined;
}

/** Why a status does not fit, by which way it is off, pointing to a fact that shows it. */
export function statusMismatch(given: RmfStatus, key: RmfStatus, fact: string): string {
  const look = `Look at “${fact}”`;
  if (given === 'in-place')
    return `in place means the outcome is achieved and shown, for this system. ${look}: does it show that?`;
  if (given === 'missing')
    return `missing means nothing works toward the outcome yet. ${look}: something ${key === 'in-place' ? 'already achieves it' : 'covers part of it'}.`;
  if (given === 'partial' && key === 'in-place')
    return `partial means some part of the outcome is not met. ${look}: which part would be missing?`;
  if (given === 'partial')
    return `partial needs something that already achieves part of the outcome for this system. ${look}: does anything there do that?`;
  return `${RMF_STATUS_LABELS[given]} does not fit the dossier. ${look}.`;
}

/** Step 2: for each subcategory in the key, the status (or a defensible alternative) and the evidence behind it. */
function gradeAssessments(grading: Grading, answers: RmfAnswers): Part & { shown: Set<string> } {
  const { rubric, options, label } = grading;
  const { byId, feedback } = readAssessments(grading, answers);
  const factTitle = (id: string) => own(options.factTitles, id) ?? id;
  const facts = new Set(Object.keys(options.factTitles ?? {}));
  // Subcategories the learner showed to be a gap: a gap status the key accepts, with a fact that shows it.
  const shown = new Set<string>();
  const scores = rubric.assessments.map((key) => {
    const learner = byId.get(key.subcategory);
    const base = {
      step: 'measure',
      target: `subcategory ${key.subcategory}`,
      lesson: key.learn,
      ...see(key.see),
    } as const;
    if (!learner) {
      feedback.push({ ...base, verdict: 'missed', message: `Not assessed: ${label(key.subcategory)}.` });
      return 0;
    }
    // From here on the feedback is about the learner's own assessment: it names its row.
    const at = { ...base, row: answers.assessments.indexOf(learner) };
    const unknownFacts = facts.size === 0 ? [] : learner.evidence.filter((e) => !facts.has(e));
    if (unknownFacts.length > 0)
      feedback.push({
        ...at,
        verdict: 'wrong',
        message: `${key.subcategory} cites ${unknownFacts.join(', ')}, which ${unknownFacts.length === 1 ? 'is' : 'are'} not in the dossier.`,
      });
    const alternative = key.alternatives.find((a) => a.status === learner.status);
    const statusCredit = learner.status === key.status ? 1 : alternative ? ALTERNATIVE_CREDIT : 0;
    const keyStatus = RMF_STATUS_LABELS[key.status];
    if (statusCredit === 0) {
      // Point to a fact the learner has not cited: the one they cited already failed to convince them.
      const hint = key.evidence.find((e) => !learner.evidence.includes(e)) ?? key.evidence[0] ?? '';
      feedback.push({
        ...at,
        verdict: 'wrong',
        message: options.revealMissed
          ? `${label(key.subcategory)}: the key rates it ${keyStatus}, not ${RMF_STATUS_LABELS[learner.status]}. ${key.explanation}`
          : `${label(key.subcategory)}: ${statusMismatch(learner.status, key.status, factTitle(hint))}`,
      });
      return 0;
    }
    const cited = [...new Set(learner.evidence)];
    const blanket = facts.size > 0 && cited.length > Math.max(BLANKET_MIN, facts.size * BLANKET_SHARE);
    const supporting = cited.filter((e) => key.evidence.includes(e));
    // One extra citation is free: assessors often cite a neighbouring fact. Beyond that, precision falls.
    const precision = supporting.length === 0 ? 0 : supporting.length / Math.max(supporting.length, cited.length - 1);
    const recall = Math.min(1, supporting.length / Math.min(2, key.evidence.length));
    const evidenceCredit = precision * recall;
    const uncited = key.evidence.filter((e) => !cited.includes(e));
    if (supporting.length > 0 && learner.status !== 'in-place') shown.add(key.subcategory);
    const notes: string[] = [];
    if (alternative)
      notes.push(
        `The key says ${keyStatus}, but ${RMF_STATUS_LABELS[learner.status]} is defensible: ${alternative.reason}`,
      );
    if (blanket)
      notes.push(
        `You cite ${cited.length} of the dossier's ${facts.size} facts: that shows no judgement about which ones bear on this outcome, so the status counts as a guess.`,
      );
    else if (cited.length === 0) notes.push('Cite the dossier facts that show this status.');
    else if (supporting.length === 0) notes.push('None of the facts you cite bears on this outcome.');
    else if (precision < 1)
      notes.push(
        `Cite only the facts that bear on it: ${plural(cited.length - supporting.length, 'citation')} ${cited.length - supporting.length === 1 ? 'does' : 'do'} not.`,
      );
    else if (recall < 1)
      notes.push(
        options.revealMissed && uncited[0]
          ? `“${factTitle(uncited[0])}” supports this too.`
          : 'Another fact in the dossier supports this too.',
      );
    const full = statusCredit === 1 && evidenceCredit === 1;
    feedback.push({
      ...at,
      verdict: full ? 'correct' : 'partial',
      message:
        `${label(key.subcategory)}: ${full ? `${keyStatus}, with the evidence that shows it.` : notes.join(' ')} ${full || options.revealMissed ? key.explanation : ''}`.trim(),
    });
    // A status is a judgement about evidence: without the facts that show it, it is half an answer.
    return statusCredit * ((blanket ? STATUS_SHARE / 2 : STATUS_SHARE) + (1 - STATUS_SHARE) * evidenceCredit);
  });
  const statusRight = rubric.assessments.filter((k) => statusDefensible(k, byId.get(k.subcategory)?.status)).length;
  const uniform = uniformStatus(rubric, byId);
  if (uniform)
    feedback.push({
      step: 'measure',
      target: 'assessments',
      verdict: 'wrong',
      message: `You rated ${uniform.count} of ${uniform.assessed} subcategories ${RMF_STATUS_LABELS[uniform.status]}. An assessment tells outcomes apart: some are met, some partly, some not at all, and the dossier shows which. ${uniform.factor <= UNIFORM_CREDIT ? 'One status for everything scores like a guess' : 'So much of one status looks like hedging'}, so these statuses earn ${Math.round(uniform.factor * 100)} % of their credit.`,
      lesson: '/learn/beginner/ai-rmf-core/#how-to-read-a-subcategory',
    });
  const total = scores.reduce((a, b) => a + b, 0) / rubric.assessments.length;
  // A guess at every status shows no gap a priority could rest on.
  if (uniform && uniform.factor <= UNIFORM_CREDIT) shown.clear();
  return {
    shown,
    score: total * (uniform?.factor ?? 1),
    detail: `${statusRight} of ${rubric.assessments.length} statuses defensible, with credit for evidence that supports them.`,
    feedback,
    items: rubric.assessments.map((k) => ({
      id: k.subcategory,
      label: `${k.subcategory} rated ${RMF_STATUS_LABELS[k.status]}`,
      covered: statusDefensible(k, byId.get(k.subcategory)?.status),
    })),
  };
}

/** Credit kept by a priority whose gap the learner's own assessment does not show. */
const UNSHOWN_PRIORITY = 0.5;
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** A mitigation specific to this many of the key's priorities at once is a catch-all, specific to none. */
const CATCH_ALL_PRIORITIES = 4;

/** An owner is one role; a list of roles is nobody. */
const ownerIsOne = (owner: string | undefined): boolean =>
  !!owner?.trim() && (owner.match(/[,;/&+]|\band\b/g) ?? []).length < 2;

/** How a learner's mitigation or gap text reads: a keyword list, a catch-all, or text repeated on other priorities. */
function genericText(
  text: string,
  others: readonly string[],
  specificTo: number,
): 'list' | 'catch-all' | 'repeated' | undefined {
  if (isKeywordList(text)) return 'list';
  if (specificTo >= CATCH_ALL_PRIORITIES) return 'catch-all';
  const key = textKey(text);
  if (key !== '' && others.some((o) => textKey(o) === key)) return 'repeated';
  return undefined;
}

const GENERIC_WHY = {
  list: 'is a list of terms, not a plan: say which control you would put where for this gap.',
  'catch-all':
    'names controls for most of the gaps at once, so it is specific to none: keep the ones that close this gap.',
  repeated: 'is the same text as another priority’s: each gap needs its own.',
} as const;

/** Step 3: the top three against the key's, each with its gap and a specific mitigation; their order, owners and dates. */
function gradePriorities(
  { rubric, compiled, options, known, label }: Grading,
  answers: RmfAnswers,
  shown: ReadonlySet<string>,
): Part {
  const feedback: Feedback[] = [];
  const step = 'manage';
  const lesson = rubric.priorities.learn;
  const keyTop = rubric.priorities.top.map((p) => p.subcategory);
  const keyPriorities = [...rubric.priorities.top, ...rubric.priorities.alternatives];
  const learnerPriorities = answers.priorities
    .slice(0, 3)
    .map((p) => ({ ...p, id: checkSubcategory(p.subcategory, known).id }));
  let credit = 0;
  let ownership = 0;
  const bases: number[] = [];
  const seen = new Set<string>();
  learnerPriorities.forEach((p, i) => {
    const base = { step, target: `priority ${i + 1}`, row: i, lesson } as const;
    const problem = checkSubcategory(p.subcategory, known).problem;
    if (problem) {
      feedback.push({ ...base, verdict: 'wrong', message: problem });
      return;
    }
    if (seen.has(p.id)) {
      feedback.push({ ...base, verdict: 'duplicate', message: `${p.id} is already in your top three.` });
      return;
    }
    seen.add(p.id);
    const top = rubric.priorities.top.find((k) => k.subcategory === p.id);
    const alt = rubric.priorities.alternatives.find((k) => k.subcategory === p.id);
    const key = top ?? alt;
    if (ownerIsOne(p.owner)) ownership += 0.5;
    if (p.due?.trim()) ownership += 0.5;
    if (!key) {
      feedback.push({
        ...base,
        verdict: 'wrong',
        message: `${label(p.id)} is not among the gaps that matter most here, given the risk appetite and obligations.`,
      });
      return;
    }
    const others = learnerPriorities.filter((_, j) => j !== i);
    const mitigationText = compileText(p.mitigation);
    const mitigationFor = keyPriorities.filter((k) => mentionsAll(mitigationText, compiled.mitigation.get(k) ?? []));
    const mitigationGeneric = genericText(
      p.mitigation,
      others.map((o) => o.mitigation),
      mitigationFor.length,
    );
    const specific = !mitigationGeneric && mitigationFor.includes(key);
    const vague =
      !specific &&
      !mitigationGeneric &&
      (mentions(mitigationText, compiled.vague) === 'yes' || wordCount(mitigationText) < 4);
    const gapText = compileText(p.gap ?? '');
    const gapGeneric = p.gap?.trim()
      ? genericText(
          p.gap,
          others.map((o) => o.gap ?? ''),
          keyPriorities.filter((k) => mentionsAll(gapText, compiled.gap.get(k) ?? [])).length,
        )
      : undefined;
    const gapStated = !gapGeneric && wordCount(gapText) >= 3 && mentionsAll(gapText, compiled.gap.get(key) ?? []);
    // Naming the right subcategory is 40 % of a priority; the gap and a specific treatment make the rest.
    // A priority rests on the assessment: a gap not shown there (a gap status citing a fact) counts half.
    const basis = shown.has(p.id) ? 1 : UNSHOWN_PRIORITY;
    bases.push(basis);
    credit += (top ? 1 : ALTERNATIVE_PRIORITY) * basis * (0.4 + 0.3 * (gapStated ? 1 : 0) + 0.3 * (specific ? 1 : 0));
    const notes = [
      top ? 'One of the key’s top three.' : `A defensible choice, though the key ranks others higher. ${key.why}`,
    ];
    if (!gapStated)
      notes.push(
        gapGeneric
          ? `The gap ${GENERIC_WHY[gapGeneric]}`
          : 'State the gap for this system: what is missing or failing, in a sentence.',
      );
    if (basis < 1)
      notes.push(
        `Your assessment does not show this gap: rate ${p.id} partial or missing there, citing the facts that show it, and the priority has a basis.`,
      );
    if (!specific)
      notes.push(
        mitigationGeneric
          ? `The mitigation ${GENERIC_WHY[mitigationGeneric]}`
          : vague
            ? 'The mitigation is too general to act on: name the control and where it applies.'
            : 'The mitigation does not address this gap specifically.',
      );
    if (!ownerIsOne(p.owner) || !p.due?.trim())
      notes.push(
        p.owner?.trim() && !ownerIsOne(p.owner)
          ? 'Name one accountable owner (a role); a list of roles means nobody owns it.'
          : 'Give it an owner and a due date, or nobody will act on it.',
      );
    feedback.push({
      ...base,
      verdict: top && specific && gapStated ? 'correct' : 'partial',
      message: `${label(p.id)}: ${notes.join(' ')}`,
    });
  });
  const matchedTop = learnerPriorities.filter((p) => keyTop.includes(p.id)).length;
  const order = orderAgreement(
    learnerPriorities.map((p) => p.id),
    keyTop,
  );
  const orderWords =
    matchedTop < 2 ? '' : order === 1 ? '; order agrees' : order === 0 ? '; order is reversed' : '; order differs';
  feedback.push({
    step,
    target: 'priorities',
    verdict: matchedTop === 3 && order === 1 ? 'correct' : matchedTop === 0 ? 'wrong' : 'partial',
    message: `${matchedTop} of 3 match the key’s top three${orderWords}.`,
    lesson,
  });
  rubric.priorities.top.forEach((key, rank) => {
    if (learnerPriorities.some((p) => p.id === key.subcategory)) return;
    feedback.push({
      step,
      target: `missed priority ${rank + 1}`,
      verdict: 'missed',
      message: options.revealMissed
        ? `The key ranks ${label(key.subcategory)} number ${rank + 1}: ${key.why}`
        : `A gap the key ranks in its top three is missing from yours. Which gap could cost the most, soonest, given the risk appetite?`,
      lesson,
    });
  });
  return {
    score: 0.75 * (credit / 3) + 0.15 * order * mean(bases) + 0.1 * (ownership / 3),
    detail: `${matchedTop} of 3 top gaps match${orderWords}; each priority's gap, mitigation, owner and date count too.`,
    feedback,
    items: rubric.priorities.top.map((key, rank) => ({
      id: `top-${key.subcategory}`,
      label: `${key.subcategory} in the top three (key rank ${rank + 1})`,
      covered: learnerPriorities.some((p) => p.id === key.subcategory),
    })),
  };
}

/** Step 4: the framings stakeholders need, in a summary long enough to be one. */
function gradeReport({ rubric, compiled }: Grading, answers: RmfAnswers): Part {
  const feedback: Feedback[] = [];
  const base = { step: 'report', target: 'report', lesson: rubric.report.learn } as const;
  // Framings count where the summary states them in sentences, not in a list of terms.
  const { prose, listWords, words: allWords } = splitProse(answers.report);
  const report = compileText(prose);
  const words = wordCount(report);
  const covered = compiled.framing.map((groups) => mentionsAll(report, groups));
  if (listWords > 0 && listWords >= allWords / 3)
    feedback.push({
      ...base,
      verdict: 'partial',
      message:
        'Part of your summary is a list of terms. A list tells a stakeholder nothing they can act on: framings count where a sentence says what the gap means for them.',
    });
  const lengthFactor = Math.min(1, words / rubric.report.minWords);
  rubric.report.framing.forEach((f, i) => {
    if (!covered[i])
      feedback.push({
        ...base,
        verdict: 'missed',
        message: `Your summary does not yet frame the gaps in terms of ${f.label}.`,
      });
  });
  if (lengthFactor < 1) {
    feedback.push({
      ...base,
      verdict: 'partial',
      message: `The summary has ${plural(words, 'meaningful word')}; stakeholders need at least ${rubric.report.minWords} to follow the argument.`,
    });
  } else if (covered.every(Boolean)) {
    feedback.push({
      step: 'report',
      target: 'report',
      verdict: 'correct',
      message: 'Your summary frames the gaps for every stakeholder who needs to act.',
    });
  }
  return {
    score: (covered.filter(Boolean).length / covered.length) * lengthFactor,
    detail: `${covered.filter(Boolean).length} of ${covered.length} framings stakeholders need.`,
    feedback,
  };
}

export function gradeRmfGap(rubric: RmfRubric, answers: RmfAnswers, options: RmfGradeOptions): GradeReport {
  const grading: Grading = {
    rubric,
    compiled: compile(rubric),
    options,
    known: Object.keys(options.subcategories),
    label: (id) => (own(options.subcategories, id) ? `${id} (${own(options.subcategories, id) ?? ''})` : id),
  };
  const contexts = gradeContexts(grading, answers);
  const assessments = gradeAssessments(grading, answers);
  const priorities = gradePriorities(grading, answers, assessments.shown);
  const report = gradeReport(grading, answers);
  // The assessment is the core: priorities and the report rest on it, so they count as far as it holds.
  const gate = ramp(assessments.score, ASSESSMENT_GATE);
  if (gate < 1)
    assessments.feedback.push({
      step: 'measure',
      target: 'assessments: gate',
      verdict: 'partial',
      message: `Your priorities and report count for ${Math.round(gate * 100)}% until the assessment holds: the top three and the summary rest on statuses the dossier supports, with the facts that show them.`,
      lesson: '/learn/beginner/ai-rmf-core/#how-to-read-a-subcategory',
    });
  const score = round4(
    RMF_WEIGHTS.contexts * contexts.score +
      RMF_WEIGHTS.assessments * assessments.score +
      gate * (RMF_WEIGHTS.priorities * priorities.score + RMF_WEIGHTS.report * report.score),
  );
  const part = (label: string, p: Part) => ({ label, score: round4(p.score), detail: p.detail });
  return {
    exercise: rubric.exercise,
    score,
    parts: {
      contexts: part('Contexts', contexts),
      assessments: part('Assessments', assessments),
      priorities: part('Priorities', priorities),
      report: part('Report', report),
    },
    verdict: rmfVerdict(score),
    feedback: [...contexts.feedback, ...assessments.feedback, ...priorities.feedback, ...report.feedback],
    items: [...(priorities.items ?? []), ...(assessments.items ?? [])],
  };
}

function rmfVerdict(score: number): string {
  if (score >= 0.85)
    return 'Strong assessment: defensible statuses backed by the right evidence, the gaps that matter most first, and a report stakeholders can act on.';
  if (score >= 0.6)
    return 'A solid assessment with some gaps: check the statuses marked wrong, the evidence notes and your top three.';
  if (score >= 0.3)
    return 'A start: several statuses do not fit the dossier or lack evidence. Re-read the facts behind each guiding question.';
  return 'Not there yet: read the dossier against each subcategory’s outcome, cite the facts that show it, then try again.';
}
