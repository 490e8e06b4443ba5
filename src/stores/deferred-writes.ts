/**
 * Debounced writes for text the learner is typing: saved after a short pause, and flushed at
 * once when the page is hidden or closed, so nothing typed is lost on reload.
 */
import { writeEntry } from './storage';

const pending = new Map<string, { value: unknown; timer: ReturnType<typeof setTimeout> }>();
let flushOnHide = false;

/** Writes after `delayMs` of quiet (typing), flushing early if the page is hidden or closed. */
export function scheduleWrite(key: string, value: unknown, delayMs = 400): void {
  const previous = pending.get(key);
  if (previous) clearTimeout(previous.timer);
  const timer = setTimeout(() => {
    pending.delete(key);
    writeEntry(key, value);
  }, delayMs);
  pending.set(key, { value, timer });
  if (!flushOnHide && typeof window !== 'undefined') {
    flushOnHide = true;
    window.addEventListener('pagehide', flushWrites);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushWrites();
    });
  }
}

/** Writes every scheduled value now. */
export function flushWrites(): void {
  for (const [key, { value, timer }] of [...pending]) {
    clearTimeout(timer);
    pending.delete(key);
    writeEntry(key, value);
  }
}

/** Drops a scheduled write (the value was removed or replaced elsewhere). */
export function cancelWrite(key: string): void {
  const entry = pending.get(key);
  if (!entry) return;
  clearTimeout(entry.timer);
  pending.delete(key);
}
