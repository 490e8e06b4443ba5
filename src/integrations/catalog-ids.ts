/**
 * Fails the build when a page shows a framework ID outside the catalog's current releases (see
 * scripts/lib/page-ids.ts), listing every page and ID, after all pages are written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadCatalog } from '../../scripts/lib/catalog';
import { pageIdProblems } from '../../scripts/lib/page-ids';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

export function catalogIds(): AstroIntegration {
  return {
    name: 'catalog-ids',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        // Paths relative to the output, as the catalog's links are (without the deploy base).
        const root = fileURLToPath(dir);
        const catalog = loadCatalog();
        const pages = htmlFiles(root);
        const problems = pages.flatMap((file) => {
          const rel = path.relative(root, file).split(path.sep).join('/');
          const page = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
          return pageIdProblems(readFileSync(file, 'utf8'), page, catalog);
        });
        if (problems.length > 0)
          throw new Error(
            `${problems.length} framework ID${problems.length === 1 ? '' : 's'} outside the current releases:\n${problems.join('\n')}`,
          );
        logger.info(
          `${pages.length} pages: every framework ID is in ${catalog.atlasRelease} or the other pinned lists.`,
        );
      },
    },
  };
}
