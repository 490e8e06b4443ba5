/**
 * An AI RMF gap analysis in progress (Project 2 and any exercise of the `rmf-gap` kind) and the
 * edits the exercise makes to it. Edits that remove something return what an undo needs.
 */
import type { ExerciseId, ExerciseOfKind } from '../lib/exercises/registry';
import {
  checkRmfAnswers,
  emptyRmfAnswers,
  type RmfAnswers,
  type RmfAssessment,
  type RmfPriority,
  type RmfStatus,
} from '../lib/exercises/rmf/answers';
import { createDraftStore, type DraftStore } from './exercise-draft';

export const emptyPriority = (subcategory = ''): RmfPriority => ({
  subcategory,
  gap: '',
  mitigation: '',
  owner: '',
  due: '',
});

/** The edits the exercise makes to a draft; those that remove something return what an undo needs. */
function editsOf(draft: DraftStore<RmfAnswers>) {
  const { $draft, setAnswers } = draft;
  function toggleContext(id: string, on: boolean): void {
    setAnswers((a) => ({
      ...a,
      contexts: on ? [...new Set([...a.contexts, id])] : a.contexts.filter((c) => c !== id),
    }));
  }

  function setContextNote(id: string, note: string): void {
    setAnswers((a) => {
      const others = Object.entries(a.contextNotes ?? {}).filter(([key]) => key !== id);
      return { ...a, contextNotes: Object.fromEntries(note === '' ? others : [...others, [id, note]]) };
    });
  }

  /** Changes the assessment of a subcategory, creating it (status "missing" until chosen) if needed. */
  function updateAssessment(
    subcategory: string,
    patch: Partial<Omit<RmfAssessment, 'subcategory'>> & { status?: RmfStatus },
  ): void {
    setAnswers((a) => {
      const index = a.assessments.findIndex((x) => x.subcategory === subcategory);
      const current: RmfAssessment = a.assessments[index] ?? {
        subcategory,
        status: patch.status ?? 'missing',
        evidence: [],
        note: '',
      };
      const next = { ...current, ...patch };
      const assessments = [...a.assessments];
      if (index < 0) assessments.push(next);
      else assessments[index] = next;
      return { ...a, assessments };
    });
  }

  /** Removes an assessment; returns it and where it was, for Undo. */
  function removeAssessment(subcategory: string): { assessment: RmfAssessment; index: number } | undefined {
    const index = $draft.get().answers.assessments.findIndex((x) => x.subcategory === subcategory);
    const assessment = $draft.get().answers.assessments[index];
    if (!assessment) return undefined;
    setAnswers((a) => ({ ...a, assessments: a.assessments.filter((x) => x.subcategory !== subcategory) }));
    return { assessment, index };
  }

  function restoreAssessment(assessment: RmfAssessment, index: number): void {
    setAnswers((a) => {
      const assessments = a.assessments.filter((x) => x.subcategory !== assessment.subcategory);
      assessments.splice(Math.min(Math.max(index, 0), assessments.length), 0, assessment);
      return { ...a, assessments };
    });
  }

  function addPriority(priority: RmfPriority): void {
    setAnswers((a) => (a.priorities.length >= 3 ? a : { ...a, priorities: [...a.priorities, priority] }));
  }

  function updatePriority(index: number, patch: Partial<RmfPriority>): void {
    setAnswers((a) => ({ ...a, priorities: a.priorities.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  }

  function movePriority(from: number, to: number): void {
    setAnswers((a) => {
      if (to < 0 || to >= a.priorities.length) return a;
      const priorities = [...a.priorities];
      const [moved] = priorities.splice(from, 1);
      if (moved) priorities.splice(to, 0, moved);
      return { ...a, priorities };
    });
  }

  /** Removes a priority; returns it and where it was, for Undo. */
  function removePriority(index: number): RmfPriority | undefined {
    const priority = $draft.get().answers.priorities[index];
    if (!priority) return undefined;
    setAnswers((a) => ({ ...a, priorities: a.priorities.filter((_, i) => i !== index) }));
    return priority;
  }

  function insertPriority(priority: RmfPriority, index: number): void {
    setAnswers((a) => {
      const priorities = [...a.priorities];
      priorities.splice(Math.min(Math.max(index, 0), priorities.length), 0, priority);
      return { ...a, priorities: priorities.slice(0, 3) };
    });
  }

  function setReport(report: string): void {
    setAnswers((a) => ({ ...a, report }));
  }

  return {
    toggleContext,
    setContextNote,
    updateAssessment,
    removeAssessment,
    restoreAssessment,
    addPriority,
    updatePriority,
    movePriority,
    removePriority,
    insertPriority,
    setReport,
  };
}

/** A AI RMF gap analysis draft's store and its edits. */
export type RmfDraft = DraftStore<RmfAnswers> & ReturnType<typeof editsOf>;

const drafts = new Map<ExerciseId, RmfDraft>();

/** The draft of a AI RMF gap analysis exercise with its edits: one per exercise, created on first use. */
export function rmfDraft(exercise: ExerciseOfKind<'rmf-gap'>): RmfDraft {
  let found = drafts.get(exercise);
  if (!found) {
    const store = createDraftStore(exercise, {
      check: checkRmfAnswers,
      empty: emptyRmfAnswers,
      // Assessments are found by subcategory: a saved report's notes follow them.
      rowIds: (answers) => answers.assessments.map((a) => a.subcategory),
    });
    found = { ...store, ...editsOf(store) };
    drafts.set(exercise, found);
  }
  return found;
}
