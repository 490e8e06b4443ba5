/**
 * The STRIDE-AI exercise in progress (Project 1) and the edits the editor makes to it. Every
 * function returns what an undo needs.
 */
import type { Rating, StrideAnswers, StrideLetter, StrideRow } from '../lib/exercises/stride/answers';
import { createDraftStore } from './exercise-draft';

export const STRIDE_ITEM = 'projects/stride-medical-imaging';

export const strideDraft = createDraftStore(STRIDE_ITEM, 'stride-medical-imaging', (): StrideAnswers => ({ components: [], boundaries: [], rows: [] }));
export const $strideDraft = strideDraft.$draft;

let counter = 0;
/** A row id unique in this browser session. */
export function newRowId(): string {
  counter += 1;
  return `row-${Date.now().toString(36)}-${counter}`;
}

export function emptyRow(component = '', category: StrideLetter = 'S'): StrideRow & { id: string } {
  return { id: newRowId(), component, category, threat: '', impact: '', likelihood: 2 as Rating, severity: 2 as Rating, mitigation: '' };
}

function setAnswers(change: (answers: StrideAnswers) => StrideAnswers): void {
  strideDraft.update((draft) => ({ ...draft, answers: change(draft.answers) }));
}

export function togglePart(kind: 'components' | 'boundaries', id: string, on: boolean): void {
  setAnswers((answers) => {
    const current = answers[kind] ?? [];
    const next = on ? [...new Set([...current, id])] : current.filter((x) => x !== id);
    return { ...answers, [kind]: next };
  });
}

export function addRow(row: StrideRow): void {
  setAnswers((answers) => ({ ...answers, rows: [...answers.rows, row] }));
}

export function updateRow(id: string, patch: Partial<StrideRow>): void {
  setAnswers((answers) => ({ ...answers, rows: answers.rows.map((row) => (row.id === id ? { ...row, ...patch } : row)) }));
}

/** Removes a row; returns it and where it was, for Undo. */
export function removeRow(id: string): { row: StrideRow; index: number } | undefined {
  const index = $strideDraft.get().answers.rows.findIndex((row) => row.id === id);
  const row = $strideDraft.get().answers.rows[index];
  if (!row) return undefined;
  setAnswers((answers) => ({ ...answers, rows: answers.rows.filter((r) => r.id !== id) }));
  return { row, index };
}

export function insertRow(row: StrideRow, index: number): void {
  setAnswers((answers) => {
    const rows = [...answers.rows];
    rows.splice(Math.min(Math.max(index, 0), rows.length), 0, row);
    return { ...answers, rows };
  });
}

export function moveRow(id: string, delta: number): void {
  setAnswers((answers) => {
    const rows = [...answers.rows];
    const from = rows.findIndex((r) => r.id === id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= rows.length) return answers;
    const [row] = rows.splice(from, 1);
    if (row) rows.splice(to, 0, row);
    return { ...answers, rows };
  });
}

export function duplicateRow(id: string): string | undefined {
  const rows = $strideDraft.get().answers.rows;
  const index = rows.findIndex((r) => r.id === id);
  const source = rows[index];
  if (!source) return undefined;
  const copy = { ...source, id: newRowId() };
  insertRow(copy, index + 1);
  return copy.id;
}

/** Replaces all answers (import); returns the previous ones, for Undo. */
export function replaceAnswers(answers: StrideAnswers): StrideAnswers {
  const before = $strideDraft.get().answers;
  setAnswers(() => ({ ...answers, rows: answers.rows.map((row) => ({ ...row, id: row.id ?? newRowId() })) }));
  return before;
}

