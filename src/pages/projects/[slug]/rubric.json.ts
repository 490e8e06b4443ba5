/**
 * The answer key of a project as a static JSON file, fetched by the exercise only when the
 * learner checks their work, so it is not in the page for anyone to read while they work.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProjectMaterial, getProjects } from '../../../data/projects';

export const getStaticPaths = (async () =>
  (await getProjects()).map((project) => ({
    params: { slug: project.id },
    props: { project },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { rubric } = await getProjectMaterial(props.project as Awaited<ReturnType<typeof getProjects>>[number]);
  return new Response(JSON.stringify(rubric), { headers: { 'Content-Type': 'application/json' } });
};
