/**
 * A STRIDE-AI table in progress (Project 1 and any exercise of the `stride-table` kind) and the
 * edits the editor makes to it. Every edit that removes something returns what an undo needs.
 */
import type { ExerciseId, ExerciseOfKind } from '../lib/exercises/registry';
import {
  checkStrideAnswers,
  emptyStrideAnswers,
  type StrideAnswers,
  type StrideLetter,
  type StrideRow,
} from '../lib/exercises/stride/answers';
import { createDraftStore, type DraftStore } from './exercise-draft';

let counter = 0;
/** A row id unique in this browser session. */
export function newRowId(): string {
  counter += 1;
  return `row-${Date.now().toString(36)}-${counter}`;
}

export function emptyRow(component = '', category: StrideLetter = 'S'): StrideRow & { id: string } {
  return {
    id: newRowId(),
    component,
    category,
    threat: '',
    impact: '',
    likelihood: null,
    severity: null,
    mitigation: '',
  };
}

/** The answers with fresh ids where a row has none or repeats another's: each row is edited on its own. */
function withIds(answers: StrideAnswers): StrideAnswers {
  const seen = new Set<string>();
  return {
    ...answers,
    rows: answers.rows.map((row) => {
      const id = row.id === undefined || seen.has(row.id) ? newRowId() : row.id;
      seen.add(id);
      return { ...row, id };
    }),
  };
}

/** The edits the exercise makes to a draft; those that remove something return what an undo needs. */
function editsOf(draft: DraftStore<StrideAnswers>) {
  const { $draft, setAnswers } = draft;
  function togglePart(kind: 'components' | 'boundaries', id: string, on: boolean): void {
    setAnswers((answers) => {
      const current = answers[kind] ?? [];
      const next = on ? [...new Set([...current, id])] : current.filter((x) => x !== id);
      return { ...answers, [kind]: next };
    });
  }

  function addRow(row: StrideRow): void {
    setAnswers((answers) => ({ ...answers, rows: [...answers.rows, row] }));
  }

  function updateRow(id: string, patch: Partial<StrideRow>): void {
    setAnswers((answers) => ({
      ...answers,
      rows: answers.rows.map((row) => (row.id === id ? { ...row, ...patch } : row)),
    }));
  }

  /** Sets (or, with undefined, clears) the learner's correction of how a row is read. */
  function setReading(id: string, reading: string | undefined): void {
    setAnswers((answers) => ({
      ...answers,
      rows: answers.rows.map((row) => {
        if (row.id !== id) return row;
        const next = { ...row };
        delete next.reading;
        return reading === undefined ? next : { ...next, reading };
      }),
    }));
  }

  /** Removes a row; returns it and where it was, for Undo. */
  function removeRow(id: string): { row: StrideRow; index: number } | undefined {
    const index = $draft.get().answers.rows.findIndex((row) => row.id === id);
    const row = $draft.get().answers.rows[index];
    if (!row) return undefined;
    setAnswers((answers) => ({ ...answers, rows: answers.rows.filter((r) => r.id !== id) }));
    return { row, index };
  }

  function insertRow(row: StrideRow, index: number): void {
    setAnswers((answers) => {
      const rows = [...answers.rows];
      rows.splice(Math.min(Math.max(index, 0), rows.length), 0, row);
      return { ...answers, rows };
    });
  }

  function moveRow(id: string, delta: number): void {
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

  function duplicateRow(id: string): string | undefined {
    const rows = $draft.get().answers.rows;
    const index = rows.findIndex((r) => r.id === id);
    const source = rows[index];
    if (!source) return undefined;
    const copy = { ...source, id: newRowId() };
    insertRow(copy, index + 1);
    return copy.id;
  }

  /** Replaces all answers, keeping the last check (rows given ids); returns the previous ones. */
  function replaceAnswers(answers: StrideAnswers): StrideAnswers {
    const before = $draft.get().answers;
    setAnswers(() => withIds(answers));
    return before;
  }

  /** Replaces the work (import, start over) with rows that each have their own id. */
  const replaceWork = (answers: StrideAnswers) => draft.replaceWork(withIds(answers));

  return {
    togglePart,
    addRow,
    updateRow,
    setReading,
    removeRow,
    insertRow,
    moveRow,
    duplicateRow,
    replaceAnswers,
    replaceWork,
  };
}

/** A STRIDE-AI table draft's store and its edits. */
export type StrideDraft = DraftStore<StrideAnswers> & ReturnType<typeof editsOf>;

const drafts = new Map<ExerciseId, StrideDraft>();

/** The draft of a STRIDE-AI table exercise with its edits: one per exercise, created on first use. */
export function strideDraft(exercise: ExerciseOfKind<'stride-table'>): StrideDraft {
  let found = drafts.get(exercise);
  if (!found) {
    const store = createDraftStore(exercise, {
      check: checkStrideAnswers,
      empty: emptyStrideAnswers,
      rowIds: (answers) => answers.rows.map((row) => row.id ?? ''),
    });
    found = { ...store, ...editsOf(store) };
    drafts.set(exercise, found);
  }
  return found;
}
