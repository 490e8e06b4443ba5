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
  /** The page's title, and its former names where it has them (ATLAS renames). */
  meta: { title?: string; formerly?: string };
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

/** One group of results: how many pages of that kind match, and the best of them ("best": the page the query names). */
export interface ResultGroup {
  key: SearchGroupKey | 'best';
  label: string;
  total: number;
  results: PagefindResultData[];
}

/** A framework ID as typed: AML.T0040, AML.M0004, LLM01:2026, ML04:2023, ASI01, GOVERN 1.1... */
const FRAMEWORK_ID =
  /^(aml\.[a-z]+\d{4}(\.\d{3})?|[a-z]{2,4}\d{2}(:\d{4})?|(govern|map|measure|manage)\s+\d+(\.\d+)?)$/i;

/**
 * Whether a page is what a query names: an ID in its address or title, or at least two words of
 * its title or of a former name (the learner looking up a technique by name or old name).
 */
export function namesPage(query: string, page: PagefindResultData): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  const title = (page.meta.title ?? '').toLowerCase().replace(/ \(removed\)$/, '');
  if (FRAMEWORK_ID.test(q)) return decodeURIComponent(page.url).toLowerCase().includes(q) || title.includes(q);
  if (q.split(' ').length < 2) return false;
  return title.includes(q) || (page.meta.formerly ?? '').toLowerCase().includes(q);
}

/** What a search finds: the page the query names, if one does, then the rest by kind. */
export interface GroupedResults {
  /** Pages that match, over every kind. */
  total: number;
  /** Results in `groups`, the best match included: fewer than `total` when each kind was cut short. */
  shown: number;
  /** The best match first (when the query names a page), then each kind that has results. */
  groups: ResultGroup[];
}

/**
 * Searches each kind of page on its own (pages carry `data-pagefind-filter="group:<key>"`) and
 * returns the groups in SEARCH_GROUPS order, lessons first, each with at most `perGroup` results,
 * so the lesson that teaches a term is never pushed out by the reference pages that list it. A
 * query that names one page (its ID, its title, a former name) gets that page first, as the best
 * match.
 */
export async function searchGrouped(api: PagefindApi, query: string, perGroup: number): Promise<GroupedResults> {
  const [top, ...groups] = await Promise.all([
    api.search(query).then(async (found) => (found.results[0] ? found.results[0].data() : null)),
    ...SEARCH_GROUPS.map(async ({ key, label }) => {
      const found = await api.search(query, { filters: { group: key } });
      const results = await Promise.all(found.results.slice(0, perGroup + 1).map((r) => r.data()));
      return { key, label, total: found.results.length, results };
    }),
  ]);
  const best = top && namesPage(query, top) ? top : null;
  const kinds = groups
    .map((g) => ({ ...g, results: g.results.filter((r) => r.url !== best?.url).slice(0, perGroup) }))
    .filter((g) => g.results.length > 0);
  const shown: ResultGroup[] = best
    ? [{ key: 'best', label: 'Best match', total: 1, results: [best] }, ...kinds]
    : kinds;
  return {
    total: groups.reduce((n, g) => n + g.total, 0),
    shown: shown.reduce((n, g) => n + g.results.length, 0),
    groups: shown,
  };
}
