/**
 * Fetches an exercise's answer key once, when the learner first checks (it is not in the page,
 * so nobody reads it while working). A failed request is forgotten, so the next check retries.
 */
const requests = new Map<string, Promise<unknown>>();

export function fetchAnswerKey<T>(url: string): Promise<T> {
  let request = requests.get(url);
  if (!request) {
    request = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    });
    request.catch(() => requests.delete(url));
    requests.set(url, request);
  }
  return request as Promise<T>;
}
