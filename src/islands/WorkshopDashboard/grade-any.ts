/**
 * Grades a submission of any project or lab in the browser, as its page would: binds the
 * exercise's kind (from the registry) to its answer key and to the grading context that
 * `/workshops/grading.json` serves, once, on first need.
 */
import { bindExercise, type BoundExercise } from '../../lib/exercises/bind';
import { exerciseSection, type ExerciseId } from '../../lib/exercises/registry';
import type { AnswerKey } from '../../lib/exercises/rubric-file';
import { withBase } from '../../lib/site/paths';
import { fetchSiteJson } from '../common/answer-key';

const bound = new Map<ExerciseId, Promise<BoundExercise>>();

export function exerciseFor(base: string, exercise: ExerciseId): Promise<BoundExercise> {
  let found = bound.get(exercise);
  if (!found) {
    found = (async () => {
      const [contexts, rubric] = await Promise.all([
        fetchSiteJson<Record<string, unknown>>(withBase(base, '/workshops/grading.json')),
        // The site's own key, built from content/rubrics/ by the schema the build validates with.
        fetchSiteJson<AnswerKey>(withBase(base, `/${exerciseSection(exercise)}/${exercise}/rubric.json`)),
      ]);
      if (!Object.hasOwn(contexts, exercise)) throw new Error(`grading.json has no context for ${exercise}`);
      // Project 3 results replay their recorded runs: in the range's worker, off the main thread.
      // An incident lab's key has no runs, and its results need no range.
      if (rubric.kind === 'atlas-chain' && rubric.runs)
        await (await import('../RangeExercise/range-client')).replayInWorker();
      return bindExercise(exercise, rubric, { prebuilt: contexts[exercise] });
    })();
    found.catch(() => bound.delete(exercise));
    bound.set(exercise, found);
  }
  return found;
}
