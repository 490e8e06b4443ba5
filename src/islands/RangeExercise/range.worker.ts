/**
 * The cyber range in a Web Worker: training and attacking take a few hundred milliseconds, and
 * the page stays responsive meanwhile. One message in (a run config), progress messages and one
 * report out.
 */
import { runRange, type RangeConfig } from '../../lib/range/run';
import type { RangeReply } from './range-client';

self.onmessage = (event: MessageEvent<{ id: number; config: RangeConfig }>) => {
  const { id, config } = event.data;
  try {
    const report = runRange(config, (done, label) =>
      self.postMessage({ id, type: 'progress', done, label } satisfies RangeReply),
    );
    self.postMessage({ id, type: 'report', report } satisfies RangeReply);
  } catch (error) {
    self.postMessage({
      id,
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    } satisfies RangeReply);
  }
};
