/**
 * What the room dashboard needs to grade every project and lab in the browser besides the answer keys:
 * each exercise's grading context, built by its kind's `gradingContext` from the scenario and
 * the catalog (the same function the CLI and the project pages use). Fetched when the first
 * result is loaded.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getExerciseMaterial, getExercisePages } from '../../data/exercises';
import { loadKind } from '../../lib/exercises/loaders';
import { kindOf } from '../../lib/exercises/registry';

export const GET: APIRoute = async () => {
  const catalog = (await getCollection('catalog')).map((entry) => entry.data);
  const body: Record<string, unknown> = {};
  for (const page of await getExercisePages()) {
    const { scenario } = await getExerciseMaterial(page.exercise, page.file);
    const kind = await loadKind(kindOf(page.exercise));
    body[page.exercise] = kind.gradingContext(scenario, catalog);
  }
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
