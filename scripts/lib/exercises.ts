/**
 * The exercises for the Node CLIs and tests: each bound to its answer key, scenario and the
 * catalog through the registry, exactly as the browser binds them. Nothing here knows a kind.
 */
import { bindExercise, type BoundExercise } from '../../src/lib/exercises/bind';
import type { ExerciseId } from '../../src/lib/exercises/registry';
import { loadCatalogFiles } from './catalog';
import { loadAnswerKey, loadRubric, loadScenario } from './rubrics';

const cache = new Map<ExerciseId, Promise<BoundExercise>>();

/** The exercise, bound to content/rubrics/<id>.yaml, its scenario and the catalog (loaded once). */
export function exercise(id: ExerciseId): Promise<BoundExercise> {
  let found = cache.get(id);
  if (!found) {
    const rubric = loadAnswerKey(id);
    found = bindExercise(id, rubric, { scenario: loadScenario(rubric.scenario), catalog: loadCatalogFiles() });
    cache.set(id, found);
  }
  return found;
}

/** The scenario an exercise works on. */
export function scenarioOf(id: ExerciseId) {
  return loadScenario(loadRubric(id).scenario);
}
