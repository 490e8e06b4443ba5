/**
 * Filters the server-rendered ATLAS matrix in place: hides techniques that do not match, opens
 * the sub-technique lists where a sub-technique matches, and says how many match. Without
 * JavaScript the filter stays hidden and the whole matrix shows.
 */
import { matchesTechnique, queryTokens } from '../lib/catalog/matrix-filter';
import { MATURITIES, type Maturity } from '../lib/catalog/maturity';

export function startMatrixFilter(): void {
  const form = document.querySelector<HTMLFormElement>('[data-matrix-filter]');
  const status = document.querySelector('[data-matrix-status]');
  if (!form || !status) return;
  form.hidden = false;
  const items = [...document.querySelectorAll<HTMLElement>('[data-technique]')];
  const total = new Set(items.map((el) => el.querySelector('.matrix__id')?.textContent)).size;

  const apply = () => {
    const data = new FormData(form);
    const tokens = queryTokens(String(data.get('query') ?? ''));
    const maturities = new Set(data.getAll('maturity').map(String)) as Set<Maturity>;
    const matched = new Set<string>();
    const own = new Map<HTMLElement, boolean>();
    for (const el of items) {
      const hit = matchesTechnique(
        { haystack: el.dataset['search'] ?? '', maturity: el.dataset['maturity'] as Maturity },
        tokens,
        maturities,
      );
      own.set(el, hit);
      if (hit) matched.add(el.querySelector('.matrix__id')?.textContent ?? '');
    }
    const filtering = tokens.length > 0 || maturities.size < MATURITIES.length;
    for (const el of items) {
      if (el.hasAttribute('data-sub')) continue;
      const subs = [...el.querySelectorAll<HTMLElement>('[data-sub]')];
      const subHit = subs.some((s) => own.get(s));
      el.hidden = !own.get(el) && !subHit;
      for (const s of subs) s.hidden = filtering && !own.get(s) && !own.get(el);
      const details = el.querySelector('details');
      if (details) details.open = filtering && subHit;
    }
    // Tactics with nothing to show step aside, so the matches come into view without scrolling.
    for (const column of document.querySelectorAll<HTMLElement>('.matrix__column')) {
      column.hidden = ![...column.querySelectorAll<HTMLElement>('.matrix__list > [data-technique]')].some(
        (el) => !el.hidden,
      );
    }
    const tactics = document.querySelectorAll('.matrix__column:not([hidden])').length;
    status.textContent = !filtering
      ? `All ${total} techniques and sub-techniques shown.`
      : matched.size === 0
        ? 'No technique matches. Try fewer words, an ID such as T0040, or tick more maturity levels.'
        : `${matched.size} of ${total} techniques and sub-techniques match, in ${tactics} ${tactics === 1 ? 'tactic' : 'tactics'}.`;
  };

  form.addEventListener('input', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (event) => event.preventDefault());
}
