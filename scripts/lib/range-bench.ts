/**
 * Times a full run of the cyber range in Node (the budget: < 500 ms): generate and train on
 * 20,000 transactions, 500 attacker queries (a proxy-model attack) plus customers' traffic, and a
 * retrain with adversarial examples. The baseline cache is cleared before every run, so nothing
 * is reused between them.
 */
import { performance } from 'node:perf_hooks';
import { clearRangeCache, DEFAULT_CONFIG, runRange, type RangeConfig } from '../../src/lib/range/run';

export interface RangeTiming {
  coldMs: number;
  medianMs: number;
  p95Ms: number;
  queries: number;
  /** Median parts of a run. */
  trainMs: number;
  attackMs: number;
  retrainMs: number;
}

export const BENCH_RUN: RangeConfig = {
  ...DEFAULT_CONFIG,
  attack: { kind: 'proxy', budget: 500, pace: 10 },
  defenses: ['AML.M0003', 'AML.M0004', 'AML.M0024', 'drift'],
};

export function timeRangeRun(runs = 9): RangeTiming {
  const once = () => {
    clearRangeCache();
    const start = performance.now();
    const report = runRange(BENCH_RUN);
    return { ms: performance.now() - start, report };
  };
  const cold = once();
  const samples = Array.from({ length: runs }, once);
  const sorted = (pick: (s: (typeof samples)[number]) => number) => samples.map(pick).sort((a, b) => a - b);
  const median = (values: number[]) => values[Math.floor(values.length / 2)] ?? 0;
  const totals = sorted((s) => s.ms);
  return {
    coldMs: cold.ms,
    medianMs: median(totals),
    p95Ms: totals[Math.min(totals.length - 1, Math.ceil(totals.length * 0.95) - 1)] ?? 0,
    queries: cold.report.attacker.queries,
    trainMs: median(sorted((s) => s.report.timings.trainMs)),
    attackMs: median(sorted((s) => s.report.timings.attackMs)),
    retrainMs: median(sorted((s) => s.report.timings.retrainMs)),
  };
}
