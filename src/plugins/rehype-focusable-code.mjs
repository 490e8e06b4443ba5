// @ts-check
/**
 * Code blocks can scroll sideways in the reading column: each `<pre>` takes keyboard focus
 * (tabindex 0), so a keyboard user can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */

/** @returns {(tree: any) => void} */
export function rehypeFocusableCode() {
  /** @param {any} node */
  const visit = (node) => {
    if (node.type === 'element' && node.tagName === 'pre') node.properties = { ...node.properties, tabIndex: 0 };
    for (const child of node.children ?? []) visit(child);
  };
  return visit;
}
