/**
 * The answer key of a project as a static JSON file, fetched by the exercise only when the
 * learner checks their work, so it is not in the page for anyone to read while they work.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { answerKeyResponse } from '../../../data/answer-key-response';
import { getProjects } from '../../../data/projects';

export const getStaticPaths = (async () =>
  (await getProjects()).map((project) => ({ params: { slug: project.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => answerKeyResponse(params.slug, 'projects');
