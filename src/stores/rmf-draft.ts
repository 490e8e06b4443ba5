/**
 * The AI RMF gap analysis in progress (Project 2) and the edits the exercise makes to it. Edits
 * that remove something return what an undo needs.
 */
import type { RmfAnswers, RmfAssessment, RmfPriority, RmfStatus } from '../lib/exercises/rmf/answers';
import { createDraftStore } from './exercise-draft';

export const RMF_ITEM = 'projects/rmf-chatbot-gap';

export const emptyRmfAnswers = (): RmfAnswers => ({ contexts: [], contextNotes: {}, assessments: [], priorities: [], report: '' });

export const rmfDraft = createDraftStore(RMF_ITEM, 'rmf-chatbot-gap', emptyRmfAnswers);
export const $rmfDraft = rmfDraft.$draft;

function setAnswers(change: (answers: RmfAnswers) => RmfAnswers): void {
  rmfDraft.update((draft) => ({ ...draft, answers: change(draft.answers) }));
}

export function toggleContext(id: string, on: boolean): void {
  setAnswers((a) => ({ ...a, contexts: on ? [...new Set([...a.contexts, id])] : a.contexts.filter((c) => c !== id) }));
}

export function setContextNote(id: string, note: string): void {
  setAnswers((a) => {
    const others = Object.entries(a.contextNotes ?? {}).filter(([key]) => key !== id);
    return { ...a, contextNotes: Object.fromEntries(note === '' ? others : [...others, [id, note]]) };
  });
}

/** Changes the assessment of a subcategory, creating it (status "missing" until chosen) if needed. */
export function updateAssessment(subcategory: string, patch: Partial<Omit<RmfAssessment, 'subcategory'>> & { status?: RmfStatus }): void {
  setAnswers((a) => {
    const index = a.assessments.findIndex((x) => x.subcategory === subcategory);
    const current: RmfAssessment = a.assessments[index] ?? { subcategory, status: patch.status ?? 'missing', evidence: [], note: '' };
    const next = { ...current, ...patch };
    const assessments = [...a.assessments];
    if (index < 0) assessments.push(next);
    else assessments[index] = next;
    return { ...a, assessments };
  });
}

/** Removes an assessment; returns it and where it was, for Undo. */
export function removeAssessment(subcategory: string): { assessment: RmfAssessment; index: number } | undefined {
  const index = $rmfDraft.get().answers.assessments.findIndex((x) => x.subcategory === subcategory);
  const assessment = $rmfDraft.get().answers.assessments[index];
  if (!assessment) return undefined;
  setAnswers((a) => ({ ...a, assessments: a.assessments.filter((x) => x.subcategory !== subcategory) }));
  return { assessment, index };
}

export function restoreAssessment(assessment: RmfAssessment, index: number): void {
  setAnswers((a) => {
    const assessments = a.assessments.filter((x) => x.subcategory !== assessment.subcategory);
    assessments.splice(Math.min(Math.max(index, 0), assessments.length), 0, assessment);
    return { ...a, assessments };
  });
}

export const emptyPriority = (subcategory = ''): RmfPriority => ({ subcategory, gap: '', mitigation: '', owner: '', due: '' });

export function addPriority(priority: RmfPriority): void {
  setAnswers((a) => (a.priorities.length >= 3 ? a : { ...a, priorities: [...a.priorities, priority] }));
}

export function updatePriority(index: number, patch: Partial<RmfPriority>): void {
  setAnswers((a) => ({ ...a, priorities: a.priorities.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
}

export function movePriority(from: number, to: number): void {
  setAnswers((a) => {
    if (to < 0 || to >= a.priorities.length) return a;
    const priorities = [...a.priorities];
    [priorities[from], priorities[to]] = [priorities[to] as RmfPriority, priorities[from] as RmfPriority];
    return { ...a, priorities };
  });
}

/** Removes a priority; returns it and where it was, for Undo. */
export function removePriority(index: number): RmfPriority | undefined {
  const priority = $rmfDraft.get().answers.priorities[index];
  if (!priority) return undefined;
  setAnswers((a) => ({ ...a, priorities: a.priorities.filter((_, i) => i !== index) }));
  return priority;
}

export function insertPriority(priority: RmfPriority, index: number): void {
  setAnswers((a) => {
    const priorities = [...a.priorities];
    priorities.splice(Math.min(Math.max(index, 0), priorities.length), 0, priority);
    return { ...a, priorities: priorities.slice(0, 3) };
  });
}

export function setReport(report: string): void {
  setAnswers((a) => ({ ...a, report }));
}

/** Replaces all answers (import, start over); returns the previous ones for Undo. */
export function replaceRmfAnswers(answers: RmfAnswers): RmfAnswers {
  const before = $rmfDraft.get().answers;
  setAnswers(() => answers);
  return before;
}

