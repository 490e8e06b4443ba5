/**
 * Who runs the range when a grader replays recorded runs: the range itself by default (Node, or
 * the page when nothing better is set), or what a page registers, such as its Web Worker, so
 * replays stay off the main thread.
 */
import type { RangeRunner } from './replay';

let registered: RangeRunner | null = null;

/** Registers the runner replays use on this page (null restores the default). */
export function setRangeRunner(runner: RangeRunner | null): void {
  registered = runner;
}

/** The registered runner, or the range itself, loaded on first use. */
export async function rangeRunner(): Promise<RangeRunner> {
  if (registered) return registered;
  const { runRange } = await import('./run');
  return (config) => runRange(config);
}
