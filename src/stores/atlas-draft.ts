/**
 * The adversarial simulation in progress (Project 3) and the edits the exercise makes to it.
 * Edits that remove something return what an undo needs.
 */
import type { AtlasAnswers, ChainEntry, DefenseEntry, RangeRunRecord } from '../lib/exercises/atlas/answers';
import { LIMITS } from '../lib/share/fields';
import { createDraftStore } from './exercise-draft';

export const ATLAS_ITEM = 'projects/atlas-fraud-simulation';

export const emptyAtlasAnswers = (): AtlasAnswers => ({ chain: [], roe: [], runs: [], defenses: [], hardening: '' });

export const atlasDraft = createDraftStore(ATLAS_ITEM, 'atlas-fraud-simulation', emptyAtlasAnswers);
export const $atlasDraft = atlasDraft.$draft;

function setAnswers(change: (answers: AtlasAnswers) => AtlasAnswers): void {
  atlasDraft.update((draft) => ({ ...draft, answers: change(draft.answers) }));
}

/** Adds a technique to the end of the chain; false when it is already there or the chain is full. */
export function addChainEntry(entry: ChainEntry): boolean {
  const { chain } = $atlasDraft.get().answers;
  if (chain.length >= LIMITS.techniques || chain.some((e) => e.technique === entry.technique)) return false;
  setAnswers((a) => ({ ...a, chain: [...a.chain, entry] }));
  return true;
}

export function updateChainEntry(index: number, patch: Partial<ChainEntry>): void {
  setAnswers((a) => ({ ...a, chain: a.chain.map((e, i) => (i === index ? { ...e, ...patch } : e)) }));
}

/** Moves an entry up or down by one; false at either end. */
export function moveChainEntry(from: number, to: number): boolean {
  const { chain } = $atlasDraft.get().answers;
  if (to < 0 || to >= chain.length || from === to) return false;
  setAnswers((a) => {
    const next = [...a.chain];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    return { ...a, chain: next };
  });
  return true;
}

export function removeChainEntry(index: number): ChainEntry | undefined {
  const entry = $atlasDraft.get().answers.chain[index];
  if (!entry) return undefined;
  setAnswers((a) => ({ ...a, chain: a.chain.filter((_, i) => i !== index) }));
  return entry;
}

export function insertChainEntry(entry: ChainEntry, index: number): void {
  setAnswers((a) => {
    const chain = a.chain.filter((e) => e.technique !== entry.technique);
    chain.splice(Math.min(Math.max(index, 0), chain.length), 0, entry);
    return { ...a, chain };
  });
}

export function toggleRoe(id: string, on: boolean): void {
  setAnswers((a) => ({ ...a, roe: on ? [...new Set([...a.roe, id])] : a.roe.filter((r) => r !== id) }));
}

/** Records a range run; the oldest runs drop off past the limit. */
export function recordRun(run: RangeRunRecord): void {
  setAnswers((a) => ({ ...a, runs: [...a.runs, run].slice(-LIMITS.runs) }));
}

export function removeRun(index: number): RangeRunRecord | undefined {
  const run = $atlasDraft.get().answers.runs[index];
  if (!run) return undefined;
  setAnswers((a) => ({ ...a, runs: a.runs.filter((_, i) => i !== index) }));
  return run;
}

export function insertRun(run: RangeRunRecord, index: number): void {
  setAnswers((a) => {
    const runs = [...a.runs];
    runs.splice(Math.min(Math.max(index, 0), runs.length), 0, run);
    return { ...a, runs: runs.slice(-LIMITS.runs) };
  });
}

/** Adds or changes the defense entry for a mitigation. */
export function setDefense(mitigation: string, patch: Partial<Omit<DefenseEntry, 'mitigation'>>): void {
  setAnswers((a) => {
    const index = a.defenses.findIndex((d) => d.mitigation === mitigation);
    const current: DefenseEntry = a.defenses[index] ?? { mitigation, counters: [] };
    const next = { ...current, ...patch };
    const defenses = [...a.defenses];
    if (index < 0) defenses.push(next);
    else defenses[index] = next;
    return { ...a, defenses };
  });
}

export function removeDefense(mitigation: string): { entry: DefenseEntry; index: number } | undefined {
  const index = $atlasDraft.get().answers.defenses.findIndex((d) => d.mitigation === mitigation);
  const entry = $atlasDraft.get().answers.defenses[index];
  if (!entry) return undefined;
  setAnswers((a) => ({ ...a, defenses: a.defenses.filter((d) => d.mitigation !== mitigation) }));
  return { entry, index };
}

export function restoreDefense(entry: DefenseEntry, index: number): void {
  setAnswers((a) => {
    const defenses = a.defenses.filter((d) => d.mitigation !== entry.mitigation);
    defenses.splice(Math.min(Math.max(index, 0), defenses.length), 0, entry);
    return { ...a, defenses };
  });
}

export function setHardening(hardening: string): void {
  setAnswers((a) => ({ ...a, hardening }));
}

/** Replaces all answers (import, start over); returns the previous ones for Undo. */
export function replaceAtlasAnswers(answers: AtlasAnswers): AtlasAnswers {
  const before = $atlasDraft.get().answers;
  setAnswers(() => answers);
  return before;
}
