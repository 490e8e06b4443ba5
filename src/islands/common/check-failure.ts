/**
 * What a failed check tells the learner: the network, the site, or the grader, never one for
 * another. Small and in the page; the fetching itself (answer-key.ts) loads with the grader.
 */
import type { Message } from './MessageArea';

/** Loading failed: `network` when the site could not be reached, `http` when it answered with an error. */
export class LoadError extends Error {
  constructor(
    readonly reason: 'network' | 'http',
    readonly url: string,
    readonly status?: number,
  ) {
    super(reason === 'network' ? `Could not reach ${url}` : `HTTP ${status ?? '?'} for ${url}`);
  }
}

/** Loads checker code; a failure to fetch it is a network failure, said as one. */
export function loadChecker<T>(load: () => Promise<T>): Promise<T> {
  return load().catch(() => {
    throw new LoadError('network', 'the checker');
  });
}

/**
 * What to tell the learner when checking failed. A grader exception is a bug of ours: it goes to
 * the console with its stack, and the learner is told their work is safe.
 */
export function checkFailure(error: unknown, what: string): Message {
  if (error instanceof LoadError && error.reason === 'network') {
    return {
      tone: 'error',
      text: `This site could not be reached to load ${what}, so nothing was graded. Your work is saved; check your connection and try again.`,
    };
  }
  if (error instanceof LoadError) {
    return {
      tone: 'error',
      text: `The site answered with an error (HTTP ${error.status ?? '?'}) when loading ${what}, so nothing was graded. Your work is saved; reload the page and try again.`,
    };
  }
  console.error('The checker failed:', error);
  return {
    tone: 'error',
    text: 'The checker failed on this work: an error in the grader, not in your answers. Your work is saved; details are in the browser console.',
  };
}
