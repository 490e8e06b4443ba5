/**
 * Search as you type, in a dialog opened from anywhere with "/" (site.ts loads this module on
 * first use, so pages pay nothing until then). Results come grouped by kind of page, lessons
 * first; Enter in the box opens the full search page with the query, the arrow keys move
 * between results, Escape closes. Excerpts are split into text pieces, never injected as HTML.
 */
import { splitExcerpt } from '../lib/search/excerpt';
import { withBase } from '../lib/site/paths';
import { loadPagefind, searchGrouped } from '../islands/SiteSearch/pagefind';

/** Results shown per kind of page; the search page shows more. */
const PER_GROUP = 4;
/** How long typing must pause before a search runs. */
const DEBOUNCE_MS = 120;
let dialog: HTMLDialogElement | undefined;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function excerpt(html: string): HTMLElement {
  const p = element('p', { className: 'meta' });
  for (const piece of splitExcerpt(html)) p.append(piece.hit ? element('mark', {}, piece.text) : piece.text);
  return p;
}

function build(base: string): HTMLDialogElement {
  const box = element('input', {
    id: 'search-dialog-input',
    type: 'search',
    autocomplete: 'off',
    placeholder: 'e.g. model inversion, AML.T0040, MEASURE 2.7',
  });
  box.setAttribute('enterkeyhint', 'search');
  const status = element('p', { className: 'meta search-dialog__status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const results = element('div', { className: 'search-dialog__results' });
  const all = element('a', { href: withBase(base, 'search/') }, 'Open the search page');
  const close = element('button', { type: 'button', className: 'button secondary small' }, 'Close');
  const form = element(
    'form',
    { className: 'search-dialog__form' },
    element('label', { htmlFor: 'search-dialog-input' }, 'Search the lab'),
    box,
  );
  form.setAttribute('role', 'search');
  form.setAttribute('aria-label', 'Search the lab');
  // The dialog's own box is only its backdrop's edge: a click that lands on it closes the dialog.
  const node = element(
    'dialog',
    { className: 'search-dialog' },
    element(
      'div',
      { className: 'search-dialog__body' },
      form,
      status,
      results,
      element('p', { className: 'search-dialog__foot' }, all, ' ', close),
    ),
  );
  node.setAttribute('aria-label', 'Search');

  const pageFor = (query: string) => withBase(base, `search/?q=${encodeURIComponent(query)}`);
  let run = 0;
  const search = async () => {
    const query = box.value.trim();
    all.href = query ? pageFor(query) : withBase(base, 'search/');
    const mine = ++run;
    if (query.length < 2) {
      results.replaceChildren();
      status.textContent = query
        ? 'Type at least two characters.'
        : 'Type a word or an ID: results appear as you type.';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const api = await loadPagefind(base);
      await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
      if (mine !== run) return;
      const { total, shown, groups } = await searchGrouped(api, query, PER_GROUP);
      if (mine !== run) return;
      status.textContent =
        total === 0
          ? `No pages match “${query}”. Try a shorter word, another spelling, or an ID such as AML.T0040.`
          : `${total} ${total === 1 ? 'page matches' : 'pages match'} “${query}”${total > shown ? `; the best of each kind below, all on the search page` : ''}.`;
      results.replaceChildren(
        ...groups.map((group) => {
          const id = `search-group-${group.key}`;
          const section = element(
            'section',
            {},
            element('h2', { id }, group.label),
            element(
              'ul',
              {},
              ...group.results.map((r) =>
                element('li', {}, element('a', { href: r.url }, r.meta.title ?? r.url), excerpt(r.excerpt)),
              ),
            ),
          );
          section.setAttribute('aria-labelledby', id);
          return section;
        }),
      );
    } catch {
      if (mine === run)
        status.textContent = 'Search is unavailable: its index could not be loaded. Try the search page, or reload.';
    }
  };

  box.addEventListener('input', () => void search());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = box.value.trim();
    if (query) window.location.assign(pageFor(query));
  });
  close.addEventListener('click', () => node.close());
  // Arrow keys move through the box and the result links.
  node.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops = [box, ...results.querySelectorAll<HTMLAnchorElement>('a')];
    const at = stops.indexOf(document.activeElement as HTMLInputElement);
    if (at < 0 || stops.length < 2) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, stops.length - 1) : Math.max(at - 1, 0);
    stops[next]?.focus();
  });
  // A click on the backdrop closes it.
  node.addEventListener('click', (event) => {
    if (event.target === node) node.close();
  });
  void search();
  document.body.append(node);
  return node;
}

/** Opens the search dialog, with `query` in its box if given. */
export function openSearchDialog(base: string, query = ''): void {
  dialog ??= build(base);
  const box = dialog.querySelector('input');
  if (box && query) {
    box.value = query;
    box.dispatchEvent(new Event('input'));
  }
  if (!dialog.open) dialog.showModal();
  box?.focus();
  // Typed text is kept with the caret after it; an old query is selected, so typing replaces it.
  if (query) box?.setSelectionRange(query.length, query.length);
  else box?.select();
}
