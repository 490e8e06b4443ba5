// @ts-check
/**
 * Lets authors link site pages in Markdown/MDX with root paths ("/reference/atlas/") and still
 * deploy under a sub-path: every `<a href="/...">` in content gets the base in front.
 */

/**
 * @param {{ base: string }} options
 * @returns {(tree: any) => void}
 */
export function rehypeBaseLinks({ base }) {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  /** @param {any} node */
  const visit = (node) => {
    if (node.type === 'element' && node.tagName === 'a') {
      const href = node.properties?.href;
      if (
        typeof href === 'string' &&
        href.startsWith('/') &&
        !href.startsWith('//') &&
        !href.startsWith(`${prefix}/`)
      ) {
        node.properties.href = `${prefix}${href}`;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => {
    if (prefix !== '') visit(tree);
  };
}
