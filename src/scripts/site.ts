/**
 * The JavaScript every page runs, within the 3 KB budget of pages without islands: the theme
 * toggle, the "/" search shortcut (its dialog loads on first use), the storage audit with its notices (a corrupt value is moved
 * aside and reported whichever page the learner opens), visit recording, and following changes
 * made in other tabs. Validators of other stores (drafts, answers) are not loaded here: their
 * own pages check them. Progress badges and glossary tooltips start only where the page has them.
 */
import { dismissNotice, subscribeNotices, type Notice } from '../stores/notices';
import { startProgressBadges } from './progress-badges';
import { startTermTips } from './term-tips';
import { recordVisit } from '../stores/progress-actions';
import { readAllEntries, subscribeChanges } from '../stores/storage';
import { nextTheme, readTheme, saveTheme, THEME_KEY, type ThemeChoice } from '../stores/theme';
import type * as SearchDialogModule from './search-dialog';

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };

function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = choice;
  const label = document.querySelector('[data-theme-label]');
  if (label) label.textContent = THEME_LABELS[choice];
}

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function renderNotice(notice: Notice): HTMLElement {
  const box = document.createElement('div');
  box.className = 'notice';
  box.dataset['tone'] = notice.tone;
  if (notice.tone === 'error') box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = notice.message;
  box.append(text);
  const { action } = notice;
  if (action)
    box.append(
      button(action.label, 'button small', () => {
        dismissNotice(notice.id);
        action.run();
      }),
    );
  box.append(button('Dismiss', 'button secondary small', () => dismissNotice(notice.id)));
  return box;
}

/**
 * The dialog's module: in a build, the file astro.config.mjs emits for it beside this script's
 * own file in _astro/ (imported by URL, see there for why).
 */
const loadSearchDialog = (): Promise<typeof SearchDialogModule> =>
  import.meta.env.DEV
    ? import('./search-dialog')
    : import(/* @vite-ignore */ import.meta.url.replace(/[^/]*$/, 'search-dialog.js'));

function onSlashOpenSearch(event: KeyboardEvent): void {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (
    (event.target as Element | null)?.closest(
      'input, textarea, select, [contenteditable]:not([contenteditable="false"])',
    )
  )
    return;
  event.preventDefault();
  // The dialog's code loads on first use: what the learner types meanwhile goes into its box. If
  // it cannot load, the header's box takes the search.
  let typed = '';
  const collect = (key: KeyboardEvent) => {
    if (key.key.length > 1 || key.ctrlKey || key.metaKey) return;
    typed += key.key;
    key.preventDefault();
  };
  addEventListener('keydown', collect, true);
  loadSearchDialog()
    .then(
      (m) => m.openSearchDialog(import.meta.env.BASE_URL, typed),
      () => document.getElementById('site-search')?.focus(),
    )
    .finally(() => removeEventListener('keydown', collect, true));
}

export function startSite(): void {
  const region = document.getElementById('site-notices');
  if (region) subscribeNotices((notices) => region.replaceChildren(...notices.map(renderNotice)));
  addEventListener('keydown', onSlashOpenSearch);
  startTermTips();
  startProgressBadges();
  readAllEntries();
  applyTheme(readTheme());
  document.querySelector('[data-theme-toggle]')?.addEventListener('click', () => {
    const choice = nextTheme(readTheme());
    saveTheme(choice);
    applyTheme(choice);
  });
  const item = document.body.dataset['progressItem'];
  if (item) recordVisit(item);
  subscribeChanges((key) => {
    if (key === null || key === THEME_KEY) applyTheme(readTheme());
  });
  // Back/forward cache: the page comes back as it was, so show what changed meanwhile.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) applyTheme(readTheme());
  });
}
