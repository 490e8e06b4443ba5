/**
 * Tells a learner why an AI RMF subcategory ID is wrong, from the list of real ones: "MEASURE
 * 2.14 does not exist; MEASURE 2 has 2.1–2.13". Used by the catalog and by the gap-analysis
 * grader, which carries only the 72 IDs to the browser, not the whole catalog.
 */
import { normaliseId } from './ids';

const SUBCATEGORY = /^(GOVERN|MAP|MEASURE|MANAGE) (\d+)\.(\d+)$/;

/** Why `id` (already normalised) is not a subcategory, or undefined when it is one of `known`. */
export function explainSubcategory(id: string, known: readonly string[]): string | undefined {
  if (known.includes(id)) return undefined;
  const shape = SUBCATEGORY.exec(id);
  if (!shape) return `“${id}” is not an AI RMF subcategory ID; write one like MEASURE 2.7.`;
  const [, fn = '', category = ''] = shape;
  const inCategory = known
    .filter((k) => k.startsWith(`${fn} ${category}.`))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
  if (inCategory.length === 0) {
    const categories = new Set(
      known.filter((k) => k.startsWith(`${fn} `)).map((k) => Number(k.split(' ')[1]?.split('.')[0])),
    );
    return `${id} does not exist; ${fn} has categories 1–${Math.max(...categories)}.`;
  }
  const numbers = inCategory.map((k) => k.split(' ')[1]);
  return `${id} does not exist; ${fn} ${category} has ${numbers[0]}–${numbers[numbers.length - 1]}.`;
}

/** Normalises what a learner typed ("measure2.7" -> "MEASURE 2.7") and says what is wrong with it, if anything. */
export function checkSubcategory(input: string, known: readonly string[]): { id: string; problem: string | undefined } {
  const id = normaliseId(input);
  return { id, problem: explainSubcategory(id, known) };
}
