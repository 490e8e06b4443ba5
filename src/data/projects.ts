/**
 * Practice projects with what their pages need: the scenario they analyze and their answer key.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';

export type ProjectEntry = CollectionEntry<'projects'>;

export const projectPath = (project: ProjectEntry): string => `/projects/${project.id}/`;
export const projectItemId = (project: ProjectEntry): string => `projects/${project.id}`;

export async function getProjects(): Promise<ProjectEntry[]> {
  const order = ['beginner', 'intermediate', 'advanced'];
  return (await getCollection('projects')).sort((a, b) => order.indexOf(a.data.level) - order.indexOf(b.data.level) || a.id.localeCompare(b.id));
}

/** The answer key and scenario of a project; fails the build naming what is missing. */
export async function getProjectMaterial(project: ProjectEntry) {
  const rubric = await getEntry('rubrics', project.data.exercise);
  if (!rubric) throw new Error(`content/projects/${project.id}.mdx: no answer key content/rubrics/${project.data.exercise}.yaml`);
  const scenario = await getEntry('scenarios', rubric.data.scenario);
  if (!scenario) throw new Error(`content/rubrics/${project.data.exercise}.yaml: no scenario content/scenarios/${rubric.data.scenario}.yaml`);
  return { rubric: rubric.data, scenario: scenario.data };
}
