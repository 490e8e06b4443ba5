/**
 * Search results grouped by what kind of page they are, in the order a learner wants them: the
 * lesson that teaches a term comes before the reference page that lists it. Each page says its
 * group to the index (`data-pagefind-filter="group:<section>"` on its main element), and each
 * group is searched on its own (islands/SiteSearch/pagefind.ts).
 */

export const SEARCH_GROUPS = [
  { key: 'learn', label: 'Lessons' },
  { key: 'projects', label: 'Projects' },
  { key: 'labs', label: 'Labs' },
  { key: 'interview', label: 'Interview practice' },
  { key: 'reference', label: 'Reference' },
  { key: 'workshops', label: 'Workshops' },
  { key: 'other', label: 'Other pages' },
] as const;

export type SearchGroupKey = (typeof SEARCH_GROUPS)[number]['key'];

/** The group a page's section puts it in. */
export function searchGroupOf(section: string | undefined): SearchGroupKey {
  return SEARCH_GROUPS.find((g) => g.key === section)?.key ?? 'other';
}
