/**
 * Fetches the site's own JSON (an exercise's answer key, the dashboard's grading contexts) once,
 * when first needed: the key is not in the page, so nobody reads it while working. A failed
 * request is forgotten, so the next check retries. Failures say what failed: the network, or the
 * site's answer (an HTTP status), so the learner is never told one when it was the other.
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

const requests = new Map<string, Promise<unknown>>();

export function fetchSiteJson<T>(url: string): Promise<T> {
  let request = requests.get(url);
  if (!request) {
    request = fetch(url).then(
      (response) => {
        if (!response.ok) throw new LoadError('http', url, response.status);
        return response.json() as Promise<unknown>;
      },
      () => {
        throw new LoadError('network', url);
      },
    );
    request.catch(() => requests.delete(url));
    requests.set(url, request);
  }
  return request as Promise<T>;
}

/**
 * What to tell the learner when checking failed. A grader exception is a bug of ours: it goes to
 * the console with its stack, and the learner is told their work is safe.
 */
export function checkFailure(error: unknown, what: string): Message {
  if (error instanceof LoadError && error.reason === 'network') {
    return { tone: 'error', text: `This site could not be reached to load ${what}, so nothing was graded. Your work is saved; check your connection and try again.` };
  }
  if (error instanceof LoadError) {
    return { tone: 'error', text: `The site answered with an error (HTTP ${error.status ?? '?'}) when loading ${what}, so nothing was graded. Your work is saved; reload the page and try again.` };
  }
  console.error('The checker failed:', error);
  return { tone: 'error', text: 'The checker failed on this work: an error in the grader, not in your answers. Your work is saved; details are in the browser console.' };
}
