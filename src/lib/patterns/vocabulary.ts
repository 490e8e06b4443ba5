/**
 * One vocabulary everywhere: the synonym groups of interview key points and lesson text checks
 * are widened, at build time, with the threat-pattern library's phrasings for the same idea. A
 * group that already names a control ("label only") accepts every way the library knows to say
 * that control ("output minimisation", "round the scores"...), so an answer is not marked as
 * missing a point the grader of a project would have read.
 */
import { stemsOf } from '../grading/text';
import type { PatternLibrary } from './types';

/** Concepts specific enough to lend their phrasings (broad ones such as "tamper" would over-accept). */
const LENDING_CONCEPTS = [
  'relabel',
  'evade',
  'membership',
  'inversion',
  'extraction',
  'exec-code',
  'deserialize',
  'backdoor',
  'parser-exploit',
  'deid-failure',
  'reidentify',
  'shared-account',
  'in-transit-tamper',
];

const keyOf = (phrase: string) => [...stemsOf(phrase)].sort().join(' ');

/** A function that widens one synonym group (original phrasings first, no duplicates). */
export function sharedVocabulary(library: PatternLibrary): (group: readonly string[]) => string[] {
  const lists = [
    ...library.controls.map((c) => c.phrasings),
    ...LENDING_CONCEPTS.flatMap((id) => (library.concepts[id] ? [library.concepts[id]] : [])),
  ];
  const byKey = new Map<string, string[][]>();
  for (const list of lists)
    for (const phrase of list) {
      const key = keyOf(phrase);
      if (key === '') continue;
      byKey.set(key, [...(byKey.get(key) ?? []), list]);
    }
  return (group) => {
    const out = new Set(group);
    for (const phrase of group) for (const list of byKey.get(keyOf(phrase)) ?? []) for (const p of list) out.add(p);
    return [...out];
  };
}

/** An interview question whose key points read answers through the shared vocabulary. */
export function withSharedKeyPoints<Q extends { keyPoints: Array<{ label: string; concepts: string[][] }> }>(
  question: Q,
  widen: (group: readonly string[]) => string[],
): Q {
  return {
    ...question,
    keyPoints: question.keyPoints.map((point) => ({ ...point, concepts: point.concepts.map(widen) })),
  };
}
