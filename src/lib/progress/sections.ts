/**
 * The section an item belongs to ("lessons", "projects"...), used by the Progress page for
 * per-section counts and reset. Kept apart from updates.ts so that page does not load the
 * attempt bookkeeping the exercises share with lesson checks.
 */
export function sectionOf(itemId: string): string {
  return itemId.split('/', 1)[0] ?? itemId;
}
