/**
 * The order a page shows an exercise's candidates in: a STRIDE table's components and boundaries,
 * a gap analysis's contexts. Content lists the right ones first and the decoys after them; the page
 * shows a fixed shuffle seeded by the exercise, the same on every visit, so position says nothing
 * about which candidates are right.
 */
import type { ModelCardScenario } from '../content/schema';
import { seededShuffle } from '../quiz/questions';

type Choices = ModelCardScenario['decompositionChoices'];

const shuffled = <T>(items: readonly T[], seed: string): T[] =>
  seededShuffle(seed, items.length).map((i) => items[i] as T);

/** A list of choices in the page's fixed shuffle for this exercise. */
export function shuffledFor<T>(exercise: string, list: string, items: readonly T[]): T[] {
  return shuffled(items, `${exercise}:${list}`);
}

export function displayedChoices(exercise: string, choices: Choices): Choices {
  return {
    components: shuffled(choices.components, `${exercise}:components`),
    boundaries: shuffled(choices.boundaries, `${exercise}:boundaries`),
  };
}
