/**
 * Summaries of a learner's progress over a list of items: counts per status, the item to
 * continue with. Pure, so the home page island and the Progress page agree.
 */
import type { ItemProgress } from './record';

/** An item as listed by pages: id, title and link. */
export interface ListedItem {
  id: string;
  title: string;
  /** Site-relative path. */
  path: string;
}

export interface ProgressSummary {
  total: number;
  started: number;
  done: number;
  /** The most recently visited item that is not done, else the most recent one. */
  continueWith: ListedItem | null;
}

export function summarise(
  items: readonly ListedItem[],
  progress: Readonly<Record<string, ItemProgress>>,
): ProgressSummary {
  let started = 0;
  let done = 0;
  let best: { item: ListedItem; at: string; done: boolean } | null = null;
  for (const item of items) {
    const record = progress[item.id];
    if (!record || record.status === 'not-started') continue;
    started++;
    if (record.status === 'done') done++;
    const at = record.lastVisited ?? '';
    const isDone = record.status === 'done';
    // Prefer unfinished work; among equals, the most recent visit.
    if (!best || (best.done && !isDone) || (best.done === isDone && at > best.at)) best = { item, at, done: isDone };
  }
  return { total: items.length, started, done, continueWith: best?.item ?? null };
}
