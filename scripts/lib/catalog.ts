/**
 * Loads the framework catalog from content/catalog/ in Node (CLIs, tests), validated with the
 * same schemas as the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { createCatalog, type Catalog } from '../../src/lib/catalog/catalog';
import {
  catalogFileSchema,
  type AtlasCatalog,
  type CatalogFile,
  type OwaspCatalog,
  type RmfCatalog,
  type StrideCatalog,
} from '../../src/lib/catalog/schema';
import { formatIssues } from '../../src/lib/content/format-issues';

export function loadCatalogFiles(dir = 'content/catalog'): CatalogFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const parsed = catalogFileSchema.safeParse(YAML.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(formatIssues(file, parsed.error).join('\n'));
      return parsed.data;
    });
}

export function loadCatalog(dir = 'content/catalog'): Catalog {
  const files = loadCatalogFiles(dir);
  const find = (framework: CatalogFile['framework']) => {
    const file = files.find((f) => f.framework === framework);
    if (!file) throw new Error(`${dir} has no ${framework} file`);
    return file;
  };
  return createCatalog({
    atlas: find('atlas') as AtlasCatalog,
    rmf: find('nist-ai-rmf') as RmfCatalog,
    owasp: [find('owasp-ml'), find('owasp-llm'), find('owasp-agentic')] as OwaspCatalog[],
    stride: find('stride-ai') as StrideCatalog,
  });
}
