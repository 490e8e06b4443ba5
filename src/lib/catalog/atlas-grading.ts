/** The slice of the ATLAS catalog the Project 3 grader and exercise need: names, tactics and links. */
import type { AtlasCatalog as AtlasFile } from './schema';
import type { AtlasCatalog } from '../grading/atlas';

export function atlasGradingCatalog(file: Pick<AtlasFile, 'tactics' | 'techniques' | 'mitigations'>): AtlasCatalog {
  return {
    tactics: file.tactics.map((t) => ({ id: t.id, name: t.name })),
    techniques: file.techniques.map((t) => ({ id: t.id, name: t.name, tactics: [...t.tactics] })),
    mitigations: file.mitigations.map((m) => ({ id: m.id, name: m.name, techniques: [...m.techniques] })),
  };
}
