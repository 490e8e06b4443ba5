/**
 * Answer keys compiled for matching once per key object (keys are not changed once loaded, so a
 * WeakMap keeps one compilation per key for as long as the key lives), and the one way concept-id
 * groups of a key become compiled concepts.
 */
import { compileConcept, type CompiledConcept } from '../grading/text';

/** A compiler of one key type: builds on first use, then returns the same compilation. */
export function compiledOnce<R extends object, C>(build: (rubric: R) => C): (rubric: R) => C {
  const cache = new WeakMap<R, C>();
  return (rubric) => {
    let compiled = cache.get(rubric);
    if (compiled === undefined) {
      compiled = build(rubric);
      cache.set(rubric, compiled);
    }
    return compiled;
  };
}

/** Resolves concept-id groups (AND of ORs) against a key's concepts; ids the key lacks are dropped (the rubric schema rejects them). */
export function conceptResolver(rubric: {
  exercise: string;
  concepts: Record<string, string[]>;
}): (groups: string[][]) => CompiledConcept[][] {
  const concepts = new Map(
    Object.entries(rubric.concepts).map(([id, synonyms]) => [id, compileConcept(`${rubric.exercise}:${id}`, synonyms)]),
  );
  return (groups) =>
    groups.map((group) => group.map((id) => concepts.get(id)).filter((c): c is CompiledConcept => c !== undefined));
}
