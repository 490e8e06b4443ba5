/**
 * Practice projects with what their pages need: the scenario they analyze and their answer key.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { DossierScenario, ModelCardScenario, RangeScenario, ScenarioFile } from '../lib/content/schema';
import { EXERCISE_IDS, exerciseItemId, isExerciseOfKind, kindOf, type ExerciseOfKind } from '../lib/exercises/registry';
import { assertNever } from '../lib/assert-never';
import { answerKey } from '../lib/exercises/rubric-file';
import { loadPatternLibrary } from './patterns';

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
  }
  return projects.sort((a, b) => EXERCISE_IDS.indexOf(a.data.exercise) - EXERCISE_IDS.indexOf(b.data.exercise));
}

/** The answer key and scenario of a project; fails the build naming what is missing. */
export async function getProjectMaterial(project: ProjectEntry) {
  const rubric = await getEntry('rubrics', project.data.exercise);
  if (!rubric)
    throw new Error(`content/projects/${project.id}.mdx: no answer key content/rubrics/${project.data.exercise}.yaml`);
  const scenario = await getEntry('scenarios', rubric.data.scenario);
  if (!scenario)
    throw new Error(
      `content/rubrics/${project.data.exercise}.yaml: no scenario content/scenarios/${rubric.data.scenario}.yaml`,
    );
  return { rubric: answerKey(rubric.data, loadPatternLibrary()), scenario: scenario.data };
}

/** What a project page renders: its exercise's kind, with the scenario that kind works on. */
export type ProjectView =
  | { kind: 'stride-table'; exercise: ExerciseOfKind<'stride-table'>; scenario: ModelCardScenario }
  | { kind: 'rmf-gap'; exercise: ExerciseOfKind<'rmf-gap'>; scenario: DossierScenario }
  | { kind: 'atlas-chain'; exercise: ExerciseOfKind<'atlas-chain'>; scenario: RangeScenario };

/** The project's kind and scenario; a scenario of the wrong sort fails the build, naming the file. */
export function projectView(project: ProjectEntry, scenario: ScenarioFile): ProjectView {
  const { exercise } = project.data;
  const kind = kindOf(exercise);
  const wrong = (): never => {
    throw new Error(
      `content/projects/${project.id}.mdx: a ${kind} exercise cannot work on a ${scenario.kind} scenario`,
    );
  };
  switch (kind) {
    case 'stride-table':
      return isExerciseOfKind(exercise, kind) && scenario.kind === 'model-card'
        ? { kind, exercise, scenario }
        : wrong();
    case 'rmf-gap':
      return isExerciseOfKind(exercise, kind) && scenario.kind === 'dossier' ? { kind, exercise, scenario } : wrong();
    case 'atlas-chain':
      return isExerciseOfKind(exercise, kind) && scenario.kind === 'range' ? { kind, exercise, scenario } : wrong();
    default:
      return assertNever(kind, 'exercise kind');
  }
}
