/**
 * Labs: short systems with one graded task each (content/labs/<exercise>.mdx). Listed by level,
 * then in the registry's order.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { ARCHITECTURES, LEVELS } from '../lib/content/schema';
import { EXERCISE_IDS, exerciseItemId, isLabExercise } from '../lib/exercises/registry';

export type LabEntry = CollectionEntry<'labs'>;

export const labPath = (lab: LabEntry): string => `/labs/${lab.id}/`;
export const labItemId = (lab: LabEntry): string => exerciseItemId(lab.data.exercise);
export const architectureLabel = (lab: LabEntry): string => ARCHITECTURES[lab.data.architecture];

/** Every lab, beginner first; fails the build when a file is misnamed or grades a project's exercise. */
export async function getLabs(): Promise<LabEntry[]> {
  const labs = await getCollection('labs');
  for (const lab of labs) {
    if (lab.id !== lab.data.exercise)
      throw new Error(`content/labs/${lab.id}.mdx: name the file after its exercise (${lab.data.exercise}.mdx)`);
    if (!isLabExercise(lab.data.exercise))
      throw new Error(
        `content/labs/${lab.id}.mdx: ${lab.data.exercise} is not a lab's exercise; list it in LAB_EXERCISES (src/lib/exercises/registry.ts)`,
      );
  }
  return labs.sort(
    (a, b) =>
      LEVELS.indexOf(a.data.level) - LEVELS.indexOf(b.data.level) ||
      EXERCISE_IDS.indexOf(a.data.exercise) - EXERCISE_IDS.indexOf(b.data.exercise),
  );
}
