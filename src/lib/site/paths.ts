/**
 * Joins the deploy base ("/" or "/lab/") with a site-relative path ("learn/", "/progress/").
 * Every internal link goes through this so the site works under a sub-path (GitHub Pages).
 */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  const tail = path.startsWith('/') ? path.slice(1) : path;
  return `${head}${tail}`;
}

/** Removes the deploy base from a pathname, giving the site-relative path with a leading slash. */
export function withoutBase(base: string, pathname: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  if (pathname.startsWith(head)) return `/${pathname.slice(head.length)}`;
  if (`${pathname}/` === head) return '/';
  return pathname;
}
