/**
 * Loads Pagefind's search API on demand: the index and its code are fetched only when the
 * learner actually searches. Pagefind exists only in a build (`npm run build`).
 */
import { withBase } from '../../lib/site/paths';
import { SEARCH_GROUPS, type SearchGroupKey } from '../../lib/search/groups';

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
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: Array<{ id: string; data(): Promise<PagefindResultData> }> }>;
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

/** One group of results: how many pages of that kind match, and the best of them. */
export interface ResultGroup {
  key: SearchGroupKey;
  label: string;
  total: number;
  results: PagefindResultData[];
}

/**
 * Searches each kind of page on its own (pages carry `data-pagefind-filter="group:<key>"`) and
 * returns the groups in SEARCH_GROUPS order, lessons first, each with at most `perGroup` results,
 * so the lesson that teaches a term is never pushed out by the reference pages that list it.
 */
export async function searchGrouped(api: PagefindApi, query: string, perGroup: number): Promise<ResultGroup[]> {
  const groups = await Promise.all(
    SEARCH_GROUPS.map(async ({ key, label }) => {
      const found = await api.search(query, { filters: { group: key } });
      const results = await Promise.all(found.results.slice(0, perGroup).map((r) => r.data()));
      return { key, label, total: found.results.length, results };
    }),
  );
  return groups.filter((g) => g.total > 0);
}
