/**
 * Pages that hold a graded exercise, projects and labs alike, with what they render: the answer
 * key, the scenario, and the exercise's kind. Workshop rooms, the dashboard, worksheets and the
 * answer-key files list every one of them through `getExercisePages`.
 */
import { getEntry } from 'astro:content';
import type {
  DossierScenario,
  IncidentScenario,
  Level,
  ModelCardScenario,
  RangeScenario,
  ScenarioFile,
} from '../lib/content/schema';
import { engagementOf } from '../lib/exercises/atlas/rubric';
import { INCIDENT_STEPS } from '../lib/exercises/atlas/steps';
import { loadKind } from '../lib/exercises/loaders';
import type { ExerciseStep } from '../lib/exercises/steps';
import {
  exerciseItemId,
  exerciseSection,
  isExerciseOfKind,
  kindOf,
  type ExerciseId,
  type ExerciseOfKind,
} from '../lib/exercises/registry';
import { assertNever } from '../lib/assert-never';
import { answerKey } from '../lib/exercises/rubric-file';
import { loadPatternLibrary } from './patterns';
import { getLabs } from './labs';
import { getProjects } from './projects';

/** A page with a graded exercise, as lists of them need it. */
export interface ExercisePage {
  exercise: ExerciseId;
  /** "projects" or "labs": the page is /<section>/<exercise>/. */
  section: 'projects' | 'labs';
  title: string;
  description: string;
  level: Level;
  minutes: number;
  /** Site-relative path of the page. */
  path: string;
  /** Progress item id (and draft key suffix). */
  itemId: string;
  /** The content file, for build errors. */
  file: string;
}

/** The projects in their numbered order, then the labs in list order. */
export async function getExercisePages(): Promise<ExercisePage[]> {
  const entries = [...(await getProjects()), ...(await getLabs())];
  return entries.map(({ id, data, filePath }) => ({
    exercise: data.exercise,
    section: exerciseSection(data.exercise),
    title: data.title,
    description: data.description,
    level: data.level,
    minutes: data.minutes,
    path: `/${exerciseSection(data.exercise)}/${id}/`,
    itemId: exerciseItemId(data.exercise),
    file: filePath ?? `content/${exerciseSection(data.exercise)}/${id}.mdx`,
  }));
}

/** The answer key and scenario of an exercise; fails the build naming what is missing. */
export async function getExerciseMaterial(exercise: ExerciseId, file: string) {
  const rubric = await getEntry('rubrics', exercise);
  if (!rubric) throw new Error(`${file}: no answer key content/rubrics/${exercise}.yaml`);
  const scenario = await getEntry('scenarios', rubric.data.scenario);
  if (!scenario)
    throw new Error(`content/rubrics/${exercise}.yaml: no scenario content/scenarios/${rubric.data.scenario}.yaml`);
  const key = answerKey(rubric.data, loadPatternLibrary());
  // An ATLAS key with the whole engagement needs the range; one with the chain alone, an incident.
  if (key.kind === 'atlas-chain' && (scenario.data.kind === 'incident') !== (engagementOf(key) === null))
    throw new Error(
      `content/rubrics/${exercise}.yaml: a ${scenario.data.kind} scenario needs ${scenario.data.kind === 'incident' ? 'a chain-only key (no roe, runs, defenses, hardening)' : 'a key with roe, runs, defenses and hardening'}`,
    );
  return { rubric: key, scenario: scenario.data };
}

/** The steps an exercise's page shows (a room's time boxes): its kind's, or an incident lab's one. */
export async function exerciseSteps(page: ExercisePage): Promise<readonly ExerciseStep[]> {
  const { rubric } = await getExerciseMaterial(page.exercise, page.file);
  if (rubric.kind === 'atlas-chain' && engagementOf(rubric) === null) return INCIDENT_STEPS;
  return (await loadKind(kindOf(page.exercise))).steps;
}

/** What an exercise page renders: its kind, with the scenario that kind works on. */
export type ExerciseView =
  | { kind: 'stride-table'; exercise: ExerciseOfKind<'stride-table'>; scenario: ModelCardScenario }
  | { kind: 'rmf-gap'; exercise: ExerciseOfKind<'rmf-gap'>; scenario: DossierScenario }
  | { kind: 'atlas-chain'; exercise: ExerciseOfKind<'atlas-chain'>; scenario: RangeScenario | IncidentScenario };

/** The exercise's kind and scenario; a scenario of the wrong sort fails the build, naming the file. */
export function exerciseView(exercise: ExerciseId, scenario: ScenarioFile, file: string): ExerciseView {
  const kind = kindOf(exercise);
  const wrong = (): never => {
    throw new Error(`${file}: a ${kind} exercise cannot work on a ${scenario.kind} scenario`);
  };
  switch (kind) {
    case 'stride-table':
      return isExerciseOfKind(exercise, kind) && scenario.kind === 'model-card'
        ? { kind, exercise, scenario }
        : wrong();
    case 'rmf-gap':
      return isExerciseOfKind(exercise, kind) && scenario.kind === 'dossier' ? { kind, exercise, scenario } : wrong();
    case 'atlas-chain':
      return isExerciseOfKind(exercise, kind) && (scenario.kind === 'range' || scenario.kind === 'incident')
        ? { kind, exercise, scenario }
        : wrong();
    default:
      return assertNever(kind, 'exercise kind');
  }
}
