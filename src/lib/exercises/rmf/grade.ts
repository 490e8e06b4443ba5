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
 * score = 0.1 contexts + 0.5 assessments + 0.3 priorities + 0.1 report (one function per part)
 *
 * Unknown subcategory IDs get the catalog’s explanation (a number past the end of its category
 * gets the valid range); subcategories outside the key are neutral, since no key is complete.
 */
import { checkSubcategory } from '../../catalog/rmf-subcategories';
import { RMF_STATUS_LABELS, type RmfAnswers, type RmfStatus } from './answers';
import { type RmfStep } from './steps';
import { round4, type GradeReport } from '../../grading/report';
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
/** Credit for a defensible alternative status. */
const ALTERNATIVE_CREDIT = 0.75;
/** Credit for a priority that the key accepts as an alternative to its top three. */
const ALTERNATIVE_PRIORITY = 0.5;

type Priority = RmfRubric['priorities']['top'][number];

interface CompiledRmf {
  mitigation: Map<Priority, CompiledConcept[][]>;
  framing: CompiledConcept[][][];
  vague: CompiledConcept;
}

const compile = compiledOnce((rubric: RmfRubric): CompiledRmf => {
  const resolve = conceptResolver(rubric);
  const compiled: CompiledRmf = {
    mitigation: new Map(
      [...rubric.priorities.top, ...rubric.priorities.alternatives].map((p) => [p, resolve(p.mitigation)]),
    ),
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
  return {
    score: hits.length / (relevant.size + wrongContexts.length),
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

/** Step 2: for each subcategory in the key, the status (or a defensible alternative) and the evidence behind it. */
function gradeAssessments(grading: Grading, answers: RmfAnswers): Part {
  const { rubric, options, label } = grading;
  const { byId, feedback } = readAssessments(grading, answers);
  const factTitle = (id: string) => own(options.factTitles, id) ?? id;
  const facts = new Set(Object.keys(options.factTitles ?? {}));
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
    const unknownFacts = facts.size === 0 ? [] : learner.evidence.filter((e) => !facts.has(e));
    if (unknownFacts.length > 0)
      feedback.push({
        ...base,
        verdict: 'wrong',
        message: `${key.subcategory} cites ${unknownFacts.join(', ')}, which ${unknownFacts.length === 1 ? 'is' : 'are'} not in the dossier.`,
      });
    const alternative = key.alternatives.find((a) => a.status === learner.status);
    const statusCredit = learner.status === key.status ? 1 : alternative ? ALTERNATIVE_CREDIT : 0;
    const keyStatus = RMF_STATUS_LABELS[key.status];
    if (statusCredit === 0) {
      const hint = key.evidence[0];
      feedback.push({
        ...base,
        verdict: 'wrong',
        message: options.revealMissed
          ? `${label(key.subcategory)}: the key rates it ${keyStatus}, not ${RMF_STATUS_LABELS[learner.status]}. ${key.explanation}`
          : `${label(key.subcategory)}: ${RMF_STATUS_LABELS[learner.status]} does not fit the dossier. Look again at “${factTitle(hint ?? '')}”.`,
      });
      return 0;
    }
    const cited = [...new Set(learner.evidence)];
    const supporting = cited.filter((e) => key.evidence.includes(e));
    // One extra citation is free: assessors often cite a neighbouring fact. Beyond that, precision falls.
    const precision = supporting.length === 0 ? 0 : supporting.length / Math.max(supporting.length, cited.length - 1);
    const recall = Math.min(1, supporting.length / Math.min(2, key.evidence.length));
    const evidenceCredit = precision * recall;
    const notes: string[] = [];
    if (alternative)
      notes.push(
        `The key says ${keyStatus}, but ${RMF_STATUS_LABELS[learner.status]} is defensible: ${alternative.reason}`,
      );
    if (cited.length === 0) notes.push('Cite the dossier facts that show this status.');
    else if (supporting.length === 0) notes.push('None of the facts you cite bears on this outcome.');
    else if (precision < 1)
      notes.push(
        `Cite only the facts that bear on it: ${plural(cited.length - supporting.length, 'citation')} ${cited.length - supporting.length === 1 ? 'does' : 'do'} not.`,
      );
    else if (recall < 1) notes.push('Another fact in the dossier supports this too.');
    const full = statusCredit === 1 && evidenceCredit === 1;
    feedback.push({
      ...base,
      verdict: full ? 'correct' : 'partial',
      message:
        `${label(key.subcategory)}: ${full ? `${keyStatus}, with the evidence that shows it.` : notes.join(' ')} ${full || options.revealMissed ? key.explanation : ''}`.trim(),
    });
    return statusCredit * (0.6 + 0.4 * evidenceCredit);
  });
  const statusRight = rubric.assessments.filter((k) => statusDefensible(k, byId.get(k.subcategory)?.status)).length;
  return {
    score: scores.reduce((a, b) => a + b, 0) / rubric.assessments.length,
    detail: `${statusRight} of ${rubric.assessments.length} statuses defensible, with credit for evidence that supports them.`,
    feedback,
    items: rubric.assessments.map((k) => ({
      id: k.subcategory,
      label: `${k.subcategory} rated ${RMF_STATUS_LABELS[k.status]}`,
      covered: statusDefensible(k, byId.get(k.subcategory)?.status),
    })),
  };
}

/** Step 3: overlap of the top three with the key's, their order, specific mitigations, owners and dates. */
function gradePriorities({ rubric, compiled, options, known, label }: Grading, answers: RmfAnswers): Part {
  const feedback: Feedback[] = [];
  const step = 'manage';
  const lesson = rubric.priorities.learn;
  const keyTop = rubric.priorities.top.map((p) => p.subcategory);
  const learnerPriorities = answers.priorities
    .slice(0, 3)
    .map((p) => ({ ...p, id: checkSubcategory(p.subcategory, known).id }));
  let overlap = 0;
  let mitigationCredit = 0;
  let ownership = 0;
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
    if (p.owner?.trim()) ownership += 0.5;
    if (p.due?.trim()) ownership += 0.5;
    if (!key) {
      feedback.push({
        ...base,
        verdict: 'wrong',
        message: `${label(p.id)} is not among the gaps that matter most here, given the risk appetite and obligations.`,
      });
      return;
    }
    overlap += top ? 1 : ALTERNATIVE_PRIORITY;
    const text = compileText(p.mitigation);
    const specific = mentionsAll(text, compiled.mitigation.get(key) ?? []);
    const vague = !specific && (mentions(text, compiled.vague) === 'yes' || wordCount(text) < 4);
    if (specific) mitigationCredit += 1;
    const notes = [
      top ? 'One of the key’s top three.' : `A defensible choice, though the key ranks others higher. ${key.why}`,
    ];
    if (!specific)
      notes.push(
        vague
          ? 'The mitigation is too general to act on: name the control and where it applies.'
          : 'The mitigation does not address this gap specifically.',
      );
    if (!p.owner?.trim() || !p.due?.trim()) notes.push('Give it an owner and a due date, or nobody will act on it.');
    feedback.push({
      ...base,
      verdict: top && specific ? 'correct' : 'partial',
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
    score: 0.5 * (overlap / 3) + 0.2 * order + 0.2 * (mitigationCredit / 3) + 0.1 * (ownership / 3),
    detail: `${matchedTop} of 3 top gaps match${orderWords}; mitigations, owners and dates count too.`,
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
  const report = compileText(answers.report);
  const words = wordCount(report);
  const covered = compiled.framing.map((groups) => mentionsAll(report, groups));
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
  const priorities = gradePriorities(grading, answers);
  const report = gradeReport(grading, answers);
  const score = round4(
    RMF_WEIGHTS.contexts * contexts.score +
      RMF_WEIGHTS.assessments * assessments.score +
      RMF_WEIGHTS.priorities * priorities.score +
      RMF_WEIGHTS.report * report.score,
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
