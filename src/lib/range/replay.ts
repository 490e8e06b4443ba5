/**
 * Replays recorded range runs: the range is deterministic, so a run's seed and settings give its
 * figures again, and a record whose figures the range does not give was not made by the range.
 * Graders credit only runs that reproduce. Replays cost up to a few hundred milliseconds each, so
 * only the runs that can earn credit are replayed, at most MAX_REPLAYS: for each attack, the latest
 * run without defenses and the latest with some.
 */
import type { RangeRunRecord } from '../exercises/atlas/answers';
import { ATTACKS, DEFAULT_CONFIG } from './config';
import { configOf, runRecord } from './record-of';
import type { RunReplay } from './replay-types';
import type { RangeConfig, RunReport } from './run';

export type { ReplayStatus, RunReplay } from './replay-types';

/** At most this many runs are replayed per submission. */
export const MAX_REPLAYS = 6;

/** Runs a range config: in Node the range itself, in the browser a worker. */
export type RangeRunner = (config: RangeConfig) => RunReport | Promise<RunReport>;

/** The indexes of the runs worth replaying, latest first within each (attack, defended) class, at most `cap`. */
export function runsToReplay(runs: readonly RangeRunRecord[], cap = MAX_REPLAYS): number[] {
  const chosen: number[] = [];
  const classes = new Set<string>();
  for (let i = runs.length - 1; i >= 0; i -= 1) {
    const run = runs[i];
    if (!run || !(ATTACKS as readonly string[]).includes(run.attack)) continue;
    const key = `${run.attack}:${run.defenses.length > 0}`;
    if (classes.has(key)) continue;
    classes.add(key);
    chosen.push(i);
  }
  return chosen.slice(0, cap).sort((a, b) => a - b);
}

/** Figures compared, with the tolerance the record's rounding allows. */
const FIGURES: ReadonlyArray<[keyof RangeRunRecord, number]> = [
  ['achieved', 0],
  ['queries', 0],
  ['payoff', 0.5],
  ['timeToDetect', 0.5],
  ['alertsSeen', 0],
  ['aucBefore', 0.0015],
  ['aucAfter', 0.0015],
  ['recallBefore', 0.0015],
  ['recallAfter', 0.0015],
  ['falseDeclinesBefore', 0],
  ['falseDeclinesAfter', 0],
  ['triggeredBefore', 0.0015],
  ['triggeredAfter', 0.0015],
];

/** The figures of `recorded` that `replayed` does not give ("field: recorded -> replayed"); fields the record lacks are skipped. */
export function compareRecords(recorded: RangeRunRecord, replayed: RangeRunRecord): string[] {
  const differs: string[] = [];
  for (const [field, tolerance] of FIGURES) {
    const a = recorded[field];
    const b = replayed[field];
    if (a === undefined) continue;
    const same = typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= tolerance : a === b;
    if (!same) differs.push(`${field}: ${String(a)} -> ${String(b)}`);
  }
  return differs;
}

const cache = new Map<string, RangeRunRecord>();
const CACHE_SIZE = 64;

/** Forgets replays made so far (the bench times replays from cold). */
export function clearReplayCache(): void {
  cache.clear();
}

function remember(key: string, record: RangeRunRecord): RangeRunRecord {
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, record);
  return record;
}

/** What a replay of one run found, given the record the range made from its config. */
function resultOf(index: number, run: RangeRunRecord, replayed: RangeRunRecord): RunReplay {
  const differs = compareRecords(run, replayed);
  return differs.length === 0
    ? { index, status: 'reproduced', replayed }
    : { index, status: 'differs', differs, replayed };
}

/** Each run with the config that replays it (null when it cannot be replayed), or not chosen. */
function planReplays(runs: readonly RangeRunRecord[], cap: number) {
  const chosen = new Set(runsToReplay(runs, cap));
  return runs.map((run, index) => ({
    index,
    run,
    chosen: chosen.has(index),
    config: chosen.has(index) ? configOf(run, DEFAULT_CONFIG) : null,
  }));
}

/** Replays the runs worth replaying; the others are `not-replayed`. Same runs, same answer, in Node and the browser. */
export async function replayRuns(
  runs: readonly RangeRunRecord[],
  runner: RangeRunner,
  cap = MAX_REPLAYS,
): Promise<RunReplay[]> {
  const results: RunReplay[] = [];
  for (const { index, run, chosen, config } of planReplays(runs, cap)) {
    if (!chosen) results.push({ index, status: 'not-replayed' });
    else if (!config) results.push({ index, status: 'unreplayable' });
    else {
      const key = JSON.stringify(config);
      const replayed = cache.get(key) ?? remember(key, runRecord(await runner(config), new Date(run.ranAt)));
      results.push(resultOf(index, run, replayed));
    }
  }
  return results;
}

/** The same, with a runner that answers at once (the range itself): for tests and benchmarks. */
export function replayRunsNow(
  runs: readonly RangeRunRecord[],
  runner: (config: RangeConfig) => RunReport,
  cap = MAX_REPLAYS,
): RunReplay[] {
  return planReplays(runs, cap).map(({ index, run, chosen, config }): RunReplay => {
    if (!chosen) return { index, status: 'not-replayed' };
    if (!config) return { index, status: 'unreplayable' };
    const key = JSON.stringify(config);
    return resultOf(index, run, cache.get(key) ?? remember(key, runRecord(runner(config), new Date(run.ranAt))));
  });
}
