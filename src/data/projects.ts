/**
 * The three practice projects, in their numbered order. What their pages render (key, scenario,
 * kind) comes from `exercises.ts`, shared with the labs.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { EXERCISE_IDS, exerciseItemId, isLabExercise } from '../lib/exercises/registry';

export type ProjectEntry = CollectionEntry<'projects'>;

export const projectPath = (project: ProjectEntry): string => `/projects/${project.id}/`;
export const projectItemId = (project: ProjectEntry): string => exerciseItemId(project.data.exercise);

/** Projects in their numbered order (Project 1, 2, 3: the registry's order), everywhere they are listed. */
export async function getProjects(): Promise<ProjectEntry[]> {
  const projects = await getCollection('projects');
  // A project's page, answer key URL, draft and progress item all go by one id: the exercise's.
  for (const p of projects) {
    if (p.id !== p.data.exercise)
      throw new Error(`content/projects/${p.id}.mdx: name the file after its exercise (${p.data.exercise}.mdx)`);
    if (isLabExercise(p.data.exercise))
      throw new Error(
        `content/projects/${p.id}.mdx: ${p.data.exercise} is a lab's exercise; its page is content/labs/`,
      );
  }
  return projects.sort((a, b) => EXERCISE_IDS.indexOf(a.data.exercise) - EXERCISE_IDS.indexOf(b.data.exercise));
}
