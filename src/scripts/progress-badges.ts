/**
 * Progress badges (<ProgressBadge>): each shows its item's saved status, and follows changes
 * from other tabs and from the back/forward cache.
 */
import { describeProgress } from '../lib/progress/record';
import { progressOf } from '../stores/progress-actions';
import { subscribeChanges } from '../stores/storage';

function renderBadges(badges: NodeListOf<HTMLElement>): void {
  for (const badge of badges) {
    const record = progressOf(badge.dataset['progressBadge'] ?? '');
    const started = record.status !== 'not-started';
    badge.textContent = started ? describeProgress(record) : '';
    badge.className = `progress-badge${started ? ` badge ${record.status}` : ''}`;
  }
}

export function startProgressBadges(): void {
  const badges = document.querySelectorAll<HTMLElement>('[data-progress-badge]');
  if (badges.length === 0) return;
  renderBadges(badges);
  subscribeChanges((key) => {
    if (key === null || key.startsWith('progress:')) renderBadges(badges);
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) renderBadges(badges);
  });
}
