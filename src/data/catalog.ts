/**
 * The catalog for pages and MDX components, built once per build from the `catalog` collection.
 * Also: which lessons (and later exercises) mention each ID, for "used in" lists.
 */
import { getCollection } from 'astro:content';
import { createCatalog, type Catalog } from '../lib/catalog/catalog';
import { scanIds } from '../lib/catalog/ids';
import type { AtlasCatalog, OwaspCatalog, RmfCatalog, StrideCatalog } from '../lib/catalog/schema';
import { getLessons, lessonPath } from './learning-items';

let catalog: Catalog | undefined;

export async function getCatalog(): Promise<Catalog> {
  if (catalog) return catalog;
  const files = (await getCollection('catalog')).map((entry) => entry.data);
  const find = <F extends (typeof files)[number]['framework']>(framework: F) => {
    const file = files.find((f) => f.framework === framework);
    if (!file) throw new Error(`content/catalog has no ${framework} file`);
    return file;
  };
  catalog = createCatalog({
    atlas: find('atlas') as AtlasCatalog,
    rmf: find('nist-ai-rmf') as RmfCatalog,
    owasp: [find('owasp-ml'), find('owasp-llm'), find('owasp-agentic')] as OwaspCatalog[],
    stride: find('stride-ai') as StrideCatalog,
  });
  return catalog;
}

/** A page that mentions an ID. */
export interface Usage {
  title: string;
  /** Site-relative path. */
  path: string;
  kind: 'lesson' | 'exercise';
}

let usage: Map<string, Usage[]> | undefined;

/** Lessons (and exercises) that mention each catalog ID, in path order. */
export async function getUsage(): Promise<Map<string, Usage[]>> {
  if (usage) return usage;
  usage = new Map();
  for (const lesson of await getLessons()) {
    const ids = new Set(scanIds(lesson.body ?? '').map((f) => f.id));
    for (const id of ids) {
      const list = usage.get(id) ?? [];
      list.push({ title: lesson.data.title, path: lessonPath(lesson), kind: 'lesson' });
      usage.set(id, list);
    }
  }
  return usage;
}
