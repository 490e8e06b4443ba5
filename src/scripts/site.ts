/**
 * The JavaScript every page runs, within the 3 KB budget of pages without islands: the theme
 * toggle, the "/" search shortcut, the storage audit with its notices (a corrupt value is moved
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

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };

function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = choice;
  const label = document.querySelector('[data-theme-label]');
  if (label) label.textContent = THEME_LABELS[choice];
}

function renderNotice(notice: Notice): HTMLElement {
  const box = document.createElement('div');
  box.className = 'notice';
  box.dataset['tone'] = notice.tone;
  if (notice.tone === 'error') box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = notice.message;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'button secondary small';
  close.textContent = 'Dismiss';
  close.addEventListener('click', () => dismissNotice(notice.id));
  box.append(text);
  const { action } = notice;
  if (action) {
    const act = document.createElement('button');
    act.type = 'button';
    act.className = 'button small';
    act.textContent = action.label;
    act.addEventListener('click', () => {
      dismissNotice(notice.id);
      action.run();
    });
    box.append(act);
  }
  box.append(close);
  return box;
}

function onSlashFocusSearch(event: KeyboardEvent): void {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (
    (event.target as Element | null)?.closest(
      'input, textarea, select, [contenteditable]:not([contenteditable="false"])',
    )
  )
    return;
  const input = document.getElementById('site-search');
  if (!(input instanceof HTMLInputElement)) return;
  event.preventDefault();
  input.focus();
  input.select();
}

export function startSite(): void {
  const region = document.getElementById('site-notices');
  if (region) subscribeNotices((notices) => region.replaceChildren(...notices.map(renderNotice)));
  document.addEventListener('keydown', onSlashFocusSearch);
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
