/**
 * The IDs a built page shows a reader, checked against the catalog: every one must be in the
 * current releases. An ID a release removed may appear only on its own page (which says what
 * replaced it) and on the "What changed" page. Used by the build (src/integrations/catalog-ids.ts),
 * so a page citing a stale ID fails the build wherever the ID came from: MDX, YAML or a template.
 */
import type { Catalog } from '../../src/lib/catalog/catalog';
import { scanIds } from '../../src/lib/catalog/ids';
import { hrefForId, REFERENCE_PATHS } from '../../src/lib/catalog/links';
import { decodeHtmlText } from '../../src/lib/search/excerpt';

/** What a reader sees of an HTML page: text outside tags, scripts and styles, entities decoded. */
export function visibleText(html: string): string {
  return decodeHtmlText(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      // A tag separates words ("<td>AML.T0040</td><td>…"), so it becomes a space.
      .replace(/<[^>]*>/g, ' '),
  );
}

/** Problems with the IDs on one page; `page` is its site-relative path ("/learn/…/"). */
export function pageIdProblems(html: string, page: string, catalog: Catalog): string[] {
  const problems = new Set<string>();
  for (const { id, shape } of scanIds(visibleText(html))) {
    // "LLM01" alone is an edition-less OWASP ID only in prose we write; content checks catch it.
    if ((shape === 'owasp-llm' || shape === 'owasp-ml') && !id.includes(':')) continue;
    const gone = catalog.retired(id);
    if (gone && (page === REFERENCE_PATHS.whatChanged || page === hrefForId(gone.id))) continue;
    const why = catalog.explain(id);
    if (why) problems.add(`${page}: ${why}`);
  }
  return [...problems];
}
