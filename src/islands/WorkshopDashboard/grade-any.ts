/**
 * Grades a submission of any project in the browser, as the project page would: loads the
 * exercise's grader, its answer key and the grading context once, on first need.
 */
import type { AtlasCatalog } from '../../lib/grading/atlas';
import type { GradeReport } from '../../lib/grading/report';
import type { AtlasRubric, RmfRubric, StrideRubric } from '../../lib/grading/rubric-schema';
import { withBase } from '../../lib/site/paths';
import type { ExerciseId, Submission } from '../../lib/share/submission';

interface Context {
  'stride-medical-imaging': { componentNames: Record<string, string> };
  'rmf-chatbot-gap': { subcategories: Record<string, string>; factTitles: Record<string, string>; contextNames: Record<string, string> };
  'atlas-fraud-simulation': { catalog: AtlasCatalog; roeNames: Record<string, string> };
}

const cache = new Map<string, Promise<unknown>>();
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

const json = <T>(url: string) =>
  fetch(url).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`);
    return r.json() as Promise<T>;
  });

export type Grader = (submission: Submission) => GradeReport;

export function graderFor(base: string, exercise: ExerciseId): Promise<Grader> {
  return once(`grader:${exercise}`, async () => {
    const [context, rubric] = await Promise.all([once('context', () => json<Context>(withBase(base, '/workshops/grading.json'))), json<unknown>(withBase(base, `/projects/${exercise}/rubric.json`))]);
    if (exercise === 'stride-medical-imaging') {
      const { gradeStrideTable } = await import('../../lib/grading/stride');
      return (s) => gradeStrideTable(rubric as StrideRubric, (s as Submission<'stride-medical-imaging'>).answers, context[exercise]);
    }
    if (exercise === 'rmf-chatbot-gap') {
      const { gradeRmfGap } = await import('../../lib/grading/rmf');
      return (s) => gradeRmfGap(rubric as RmfRubric, (s as Submission<'rmf-chatbot-gap'>).answers, context[exercise]);
    }
    const { gradeAtlasSimulation } = await import('../../lib/grading/atlas');
    return (s) => gradeAtlasSimulation(rubric as AtlasRubric, (s as Submission<'atlas-fraud-simulation'>).answers, context['atlas-fraud-simulation']);
  });
}
