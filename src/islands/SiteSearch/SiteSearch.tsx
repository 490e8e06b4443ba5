/**
 * The search results page: searches as you type, keeps the query in the URL, groups results by
 * kind of page (lessons first), explains empty results. It stays for sharing and for "/" without
 * the dialog.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { splitExcerpt } from '../../lib/search/excerpt';
import { loadPagefind, searchGrouped, type ResultGroup } from './pagefind';

interface Props {
  base: string;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'results'; query: string; groups: ResultGroup[]; total: number; shown: number }
  | { kind: 'error'; message: string };

/** Results shown per kind of page. */
const PER_GROUP = 10;

function Excerpt({ html }: { html: string }) {
  return <>{splitExcerpt(html).map((piece, i) => (piece.hit ? <mark key={i}>{piece.text}</mark> : piece.text))}</>;
}

export default function SiteSearch({ base }: Props) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Keep anything typed before the island started; otherwise take the query from the URL.
    const initial = input.current?.value || new URLSearchParams(window.location.search).get('q') || '';
    setQuery(initial);
    if (!initial) input.current?.focus();
  }, []);

  useEffect(() => {
    const trimmed = query.trim();
    const url = new URL(window.location.href);
    if (trimmed) url.searchParams.set('q', trimmed);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    if (trimmed.length < 2) {
      setState({ kind: 'idle' });
      return;
    }
    let current = true;
    setState((previous) => (previous.kind === 'results' ? previous : { kind: 'loading' }));
    loadPagefind(base)
      .then(async (api) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        if (!current) return;
        const { total, shown, groups } = await searchGrouped(api, trimmed, PER_GROUP);
        if (current) setState({ kind: 'results', query: trimmed, groups, total, shown });
      })
      .catch(() => {
        if (current) {
          setState({
            kind: 'error',
            message:
              'Search is unavailable: its index could not be loaded. The index is made by `npm run build`; in development, use `npm run build && npm run preview`.',
          });
        }
      });
    return () => {
      current = false;
    };
  }, [query, base]);

  return (
    <div class="site-search-page">
      <form role="search" aria-label="Search page" onSubmit={(event) => event.preventDefault()}>
        <label for="search-query">Search the lab</label>
        <input
          id="search-query"
          ref={input}
          type="search"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
          placeholder="e.g. model inversion, AML.T0040, MEASURE 2.7"
          autocomplete="off"
          enterkeyhint="search"
        />
      </form>
      <p role="status" aria-live="polite" class="meta search-status">
        {state.kind === 'idle' &&
          (query.trim().length === 1 ? 'Type at least two characters.' : 'Type a word or an ID to search every page.')}
        {state.kind === 'loading' && 'Searching…'}
        {state.kind === 'results' &&
          (state.total === 0
            ? `No pages match “${state.query}”. Try a shorter word, another spelling, or an ID such as AML.T0040.`
            : `${state.total} ${state.total === 1 ? 'page matches' : 'pages match'} “${state.query}”${state.total > state.shown ? `; showing the best ${PER_GROUP} of each kind` : ''}.`)}
      </p>
      {state.kind === 'error' && (
        <p role="alert" class="callout error">
          {state.message}
        </p>
      )}
      {state.kind === 'results' &&
        state.groups.map((group) => (
          <section key={group.key} aria-labelledby={`results-${group.key}`}>
            <h2 id={`results-${group.key}`} class="search-group">
              {group.key === 'best' ? group.label : `${group.label} (${group.total})`}
            </h2>
            <ol class="search-results">
              {group.results.map((result) => (
                <li key={result.url}>
                  <h3>
                    <a href={result.url}>{result.meta.title ?? result.url}</a>
                  </h3>
                  <p>
                    <Excerpt html={result.excerpt} />
                  </p>
                </li>
              ))}
            </ol>
          </section>
        ))}
    </div>
  );
}
