/**
 * Loads Pagefind's search API on demand: the index and its code are fetched only when the
 * learner actually searches. Pagefind exists only in a build (`npm run build`).
 */
import { withBase } from '../../lib/site/paths';

/** What we use of a Pagefind result's data. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: Array<{ title: string; url: string; excerpt: string }>;
}

interface PagefindApi {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(
    query: string,
    options?: object,
    debounceMs?: number,
  ): Promise<{ results: Array<{ id: string; data(): Promise<PagefindResultData> }> } | null>;
}

let loading: Promise<PagefindApi> | undefined;

export function loadPagefind(base: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const api = (await import(/* @vite-ignore */ withBase(base, 'pagefind/pagefind.js'))) as PagefindApi;
    await api.options({ baseUrl: base, excerptLength: 24 });
    await api.init();
    return api;
  })();
  // Let a later search try again if this load failed.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
