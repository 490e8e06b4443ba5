/**
 * Site-wide notices: things the learner must know about their saved work (storage full, a
 * corrupt value moved aside, storage unavailable). The layout's notice area renders them.
 * A plain observable rather than a nanostore: it is loaded on every page that touches storage,
 * where every byte counts, and no island needs it.
 */

/** One message for the learner. A notice with the same id replaces the earlier one. */
export interface Notice {
  /** Stable id, so repeated problems update one notice instead of stacking. */
  id: string;
  /** How serious: errors mean work was not saved. */
  tone: 'info' | 'warning' | 'error';
  /** Plain text (never HTML). */
  message: string;
  /** A button beside Dismiss that acts on the notice (and dismisses it). */
  action?: { label: string; run: () => void };
}

type NoticeListener = (notices: readonly Notice[]) => void;

let current: readonly Notice[] = [];
const listeners = new Set<NoticeListener>();

function publish(next: readonly Notice[]): void {
  current = next;
  for (const listener of [...listeners]) listener(current);
}

/** Calls `listener` now and after every change; returns the unsubscribe function. */
export function subscribeNotices(listener: NoticeListener): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}

export function currentNotices(): readonly Notice[] {
  return current;
}

export function notify(notice: Notice): void {
  publish([...current.filter((n) => n.id !== notice.id), notice]);
}

export function dismissNotice(id: string): void {
  publish(current.filter((n) => n.id !== id));
}
