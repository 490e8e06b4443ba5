/**
 * The lazy half of the registry: each kind's full module (grading context, grader, reference
 * answer, exports), loaded on first need. Generic callers (the CLI, the dashboard, grading.json)
 * use it; an exercise page imports its own kind's module directly.
 */
import { isKindId, KIND_IDS, type KindId } from './registry';

export const KIND_LOADERS = {
  'stride-table': () => import('./stride/index').then((m) => m.strideKind),
  'rmf-gap': () => import('./rmf/index').then((m) => m.rmfKind),
  'atlas-chain': () => import('./atlas/index').then((m) => m.atlasKind),
} satisfies Record<KindId, unknown>;

/** A kind's full module (grader, context, reference, exports). */
export type KindModule<K extends KindId> = Awaited<ReturnType<(typeof KIND_LOADERS)[K]>>;

/** Loads a kind's full module; an unknown kind is an error that names the known ones. */
export function loadKind<K extends KindId>(kind: K): Promise<KindModule<K>> {
  if (!isKindId(kind))
    return Promise.reject(
      new Error(`Unknown exercise kind "${String(kind).slice(0, 60)}". Known: ${KIND_IDS.join(', ')}.`),
    );
  return KIND_LOADERS[kind]() as Promise<KindModule<K>>;
}
