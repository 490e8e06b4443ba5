/**
 * An adversarial simulation in progress (Project 3 and any exercise of the `atlas-chain` kind)
 * and the edits the exercise makes to it. Edits that remove something return what an undo needs.
 */
import type { ExerciseId, ExerciseOfKind } from '../lib/exercises/registry';
import {
  checkAtlasAnswers,
  emptyAtlasAnswers,
  type AtlasAnswers,
  type ChainEntry,
  type DefenseEntry,
  type RangeRunRecord,
} from '../lib/exercises/atlas/answers';
import { LIMITS } from '../lib/share/fields';
import { createDraftStore, type DraftStore } from './exercise-draft';

/** The edits the exercise makes to a draft; those that remove something return what an undo needs. */
function editsOf(draft: DraftStore<AtlasAnswers>) {
  const { $draft, setAnswers } = draft;
  /** Adds a technique to the end of the chain; false when it is already there or the chain is full. */
  function addChainEntry(entry: ChainEntry): boolean {
    const { chain } = $draft.get().answers;
    if (chain.length >= LIMITS.techniques || chain.some((e) => e.technique === entry.technique)) return false;
    setAnswers((a) => ({ ...a, chain: [...a.chain, entry] }));
    return true;
  }

  function updateChainEntry(index: number, patch: Partial<ChainEntry>): void {
    setAnswers((a) => ({ ...a, chain: a.chain.map((e, i) => (i === index ? { ...e, ...patch } : e)) }));
  }

  /** Moves an entry up or down by one; false at either end. */
  function moveChainEntry(from: number, to: number): boolean {
    const { chain } = $draft.get().answers;
    if (to < 0 || to >= chain.length || from === to) return false;
    setAnswers((a) => {
      const next = [...a.chain];
      const [moved] = next.splice(from, 1);
      if (moved) next.splice(to, 0, moved);
      return { ...a, chain: next };
    });
    return true;
  }

  function removeChainEntry(index: number): ChainEntry | undefined {
    const entry = $draft.get().answers.chain[index];
    if (!entry) return undefined;
    setAnswers((a) => ({ ...a, chain: a.chain.filter((_, i) => i !== index) }));
    return entry;
  }

  function insertChainEntry(entry: ChainEntry, index: number): void {
    setAnswers((a) => {
      const chain = a.chain.filter((e) => e.technique !== entry.technique);
      chain.splice(Math.min(Math.max(index, 0), chain.length), 0, entry);
      return { ...a, chain };
    });
  }

  /**
   * Cites `to` wherever the draft cites `from` (a removed ID and its successor): the chain step,
   * keeping its notes but not its tactic, and every defense's counters. A step already citing `to`
   * keeps its place and the old one goes. Returns the answers before, for undo.
   */
  function replaceTechnique(from: string, to: string): AtlasAnswers {
    const before = $draft.get().answers;
    setAnswers((a) => {
      const hasNext = a.chain.some((e) => e.technique === to);
      const chain = a.chain.flatMap((e): ChainEntry[] => {
        if (e.technique !== from) return [e];
        if (hasNext) return [];
        const moved: ChainEntry = { ...e, technique: to };
        // The old technique's tactic may not be one of the successor's.
        delete moved.tactic;
        return [moved];
      });
      const defenses = a.defenses.map((d) => ({
        ...d,
        counters: [...new Set(d.counters.map((c) => (c === from ? to : c)))],
      }));
      return { ...a, chain, defenses };
    });
    return before;
  }

  /** Puts back answers an edit returned (undo of `replaceTechnique`). */
  function restoreAnswers(answers: AtlasAnswers): void {
    setAnswers(() => answers);
  }

  function toggleRoe(id: string, on: boolean): void {
    setAnswers((a) => ({ ...a, roe: on ? [...new Set([...a.roe, id])] : a.roe.filter((r) => r !== id) }));
  }

  /** Records a range run; the oldest runs drop off past the limit. */
  function recordRun(run: RangeRunRecord): void {
    setAnswers((a) => ({ ...a, runs: [...a.runs, run].slice(-LIMITS.runs) }));
  }

  function removeRun(index: number): RangeRunRecord | undefined {
    const run = $draft.get().answers.runs[index];
    if (!run) return undefined;
    setAnswers((a) => ({ ...a, runs: a.runs.filter((_, i) => i !== index) }));
    return run;
  }

  function insertRun(run: RangeRunRecord, index: number): void {
    setAnswers((a) => {
      const runs = [...a.runs];
      runs.splice(Math.min(Math.max(index, 0), runs.length), 0, run);
      return { ...a, runs: runs.slice(-LIMITS.runs) };
    });
  }

  /** Adds or changes the defense entry for a mitigation. */
  function setDefense(mitigation: string, patch: Partial<Omit<DefenseEntry, 'mitigation'>>): void {
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

  function removeDefense(mitigation: string): { entry: DefenseEntry; index: number } | undefined {
    const index = $draft.get().answers.defenses.findIndex((d) => d.mitigation === mitigation);
    const entry = $draft.get().answers.defenses[index];
    if (!entry) return undefined;
    setAnswers((a) => ({ ...a, defenses: a.defenses.filter((d) => d.mitigation !== mitigation) }));
    return { entry, index };
  }

  function restoreDefense(entry: DefenseEntry, index: number): void {
    setAnswers((a) => {
      const defenses = a.defenses.filter((d) => d.mitigation !== entry.mitigation);
      defenses.splice(Math.min(Math.max(index, 0), defenses.length), 0, entry);
      return { ...a, defenses };
    });
  }

  function setHardening(hardening: string): void {
    setAnswers((a) => ({ ...a, hardening }));
  }

  return {
    addChainEntry,
    updateChainEntry,
    moveChainEntry,
    removeChainEntry,
    insertChainEntry,
    replaceTechnique,
    restoreAnswers,
    toggleRoe,
    recordRun,
    removeRun,
    insertRun,
    setDefense,
    removeDefense,
    restoreDefense,
    setHardening,
  };
}

/** A adversarial simulation draft's store and its edits. */
export type AtlasDraft = DraftStore<AtlasAnswers> & ReturnType<typeof editsOf>;

const drafts = new Map<ExerciseId, AtlasDraft>();

/** The draft of a adversarial simulation exercise with its edits: one per exercise, created on first use. */
export function atlasDraft(exercise: ExerciseOfKind<'atlas-chain'>): AtlasDraft {
  let found = drafts.get(exercise);
  if (!found) {
    const store = createDraftStore(exercise, { check: checkAtlasAnswers, empty: emptyAtlasAnswers });
    found = { ...store, ...editsOf(store) };
    drafts.set(exercise, found);
  }
  return found;
}
