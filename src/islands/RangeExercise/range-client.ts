/**
 * Runs the range off the main thread. The worker is created on the first run and reused; if the
 * browser cannot start it, the range runs in the page instead (slower to paint, same result).
 */
import type { RangeConfig, RunReport } from '../../lib/range/run';

export type RangeReply =
  | { id: number; type: 'progress'; done: number; label: string }
  | { id: number; type: 'report'; report: RunReport }
  | { id: number; type: 'error'; message: string };

let worker: Worker | null = null;
let nextId = 1;

function getWorker(): Worker | null {
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./range.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  return worker;
}

/** Makes graders replay recorded runs in this worker, off the main thread (the project page, the dashboard). */
export async function replayInWorker(): Promise<void> {
  const { setRangeRunner } = await import('../../lib/range/runner');
  setRangeRunner((config) => runInRange(config, () => {}));
}

export function runInRange(config: RangeConfig, onProgress: (done: number, label: string) => void): Promise<RunReport> {
  const w = getWorker();
  if (!w) return import('../../lib/range/run').then(({ runRange }) => runRange(config, onProgress));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const listener = (event: MessageEvent<RangeReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.type === 'progress') onProgress(reply.done, reply.label);
      else {
        w.removeEventListener('message', listener);
        w.removeEventListener('error', failed);
        if (reply.type === 'report') resolve(reply.report);
        else reject(new Error(reply.message));
      }
    };
    const failed = (event: ErrorEvent) => {
      w.removeEventListener('message', listener);
      w.removeEventListener('error', failed);
      worker?.terminate();
      worker = null;
      reject(new Error(event.message || 'The range stopped unexpectedly.'));
    };
    w.addEventListener('message', listener);
    w.addEventListener('error', failed);
    w.postMessage({ id, config });
  });
}
