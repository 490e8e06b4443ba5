/**
 * Fetches the site's own JSON (an exercise's answer key, the dashboard's grading contexts) once,
 * when first needed: the key is not in the page, so nobody reads it while working. Loaded with
 * the grader, not with the page. A failed request is forgotten, so the next check retries, and it
 * fails with a `LoadError` that says what failed: the network, or the site's answer.
 */
import { LoadError } from './check-failure';

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
