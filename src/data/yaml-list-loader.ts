/**
 * Loads every `*.yaml` file in a folder where each file holds a list of items with an `id`
 * (questions, interview questions). Each item is validated by the collection's schema with its
 * file path, so an error names the file, the item and the field.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import YAML from 'yaml';

export function yamlListLoader(folder: string): Loader {
  return {
    name: 'yaml-list',
    async load({ store, parseData, watcher }) {
      const dir = path.resolve(folder);
      watcher?.add(dir);
      store.clear();
      if (!existsSync(dir)) return;
      const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
      for (const file of files) {
        const filePath = path.join(folder, file);
        const items: unknown = YAML.parse(await readFile(path.join(dir, file), 'utf8'));
        if (!Array.isArray(items)) throw new Error(`${filePath}: expected a YAML list of items`);
        for (const [index, item] of items.entries()) {
          const id: unknown = (item as { id?: unknown } | null)?.id;
          if (typeof id !== 'string') throw new Error(`${filePath}: item ${index + 1} has no string "id"`);
          if (store.has(id)) throw new Error(`${filePath}: duplicate id "${id}" (ids must be unique across ${folder})`);
          const data = await parseData({ id, data: item as Record<string, unknown>, filePath });
          store.set({ id, data, filePath });
        }
      }
    },
  };
}
