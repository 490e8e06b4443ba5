/**
 * The order step 1 shows a scenario's candidate components and boundaries in. Content lists the
 * real parts first and the decoys after them; the page shows a fixed shuffle seeded by the
 * exercise, the same on every visit, so position says nothing about which candidates are real.
 */
import type { ModelCardScenario } from '../../content/schema';
import { seededShuffle } from '../../quiz/questions';

type Choices = ModelCardScenario['decompositionChoices'];

const shuffled = <T>(items: readonly T[], seed: string): T[] =>
  seededShuffle(seed, items.length).map((i) => items[i] as T);

export function displayedChoices(exercise: string, choices: Choices): Choices {
  return {
    components: shuffled(choices.components, `${exercise}:components`),
    boundaries: shuffled(choices.boundaries, `${exercise}:boundaries`),
  };
}
