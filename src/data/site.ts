/**
 * Site-wide data for the layout: the primary navigation. A section appears only once its page
 * exists, so the navigation never leads to an empty or "coming soon" page.
 */

/** A primary navigation entry. */
export interface NavSection {
  /** Section key, matched against the page's `section` prop for aria-current. */
  key: 'learn' | 'projects' | 'labs' | 'reference' | 'interview' | 'workshops' | 'progress';
  label: string;
  /** Site-relative path (without the base). */
  path: string;
}

export const SITE_NAME = 'AI Threat Modeling Lab';

const ALL_SECTIONS: readonly NavSection[] = [
  { key: 'learn', label: 'Learn', path: '/learn/' },
  { key: 'projects', label: 'Projects', path: '/projects/' },
  { key: 'labs', label: 'Labs', path: '/labs/' },
  { key: 'reference', label: 'Reference', path: '/reference/' },
  { key: 'interview', label: 'Interview prep', path: '/interview/' },
  { key: 'workshops', label: 'Workshops', path: '/workshops/' },
  { key: 'progress', label: 'Progress', path: '/progress/' },
];

/** Section index pages that exist in src/pages (file names only; nothing is loaded). */
const PAGES = Object.keys(import.meta.glob('../pages/*{/index,}.astro'));

function hasPage(section: NavSection): boolean {
  const name = section.path.replaceAll('/', '');
  return PAGES.some((file) => file === `../pages/${name}/index.astro` || file === `../pages/${name}.astro`);
}

export function getNavSections(): NavSection[] {
  return ALL_SECTIONS.filter(hasPage);
}
