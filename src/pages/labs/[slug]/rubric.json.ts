/** The answer key of a lab, fetched by its exercise only when the learner checks their work. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { answerKeyResponse } from '../../../data/answer-key-response';
import { getLabs } from '../../../data/labs';

export const getStaticPaths = (async () =>
  (await getLabs()).map((lab) => ({ params: { slug: lab.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => answerKeyResponse(params.slug, 'labs');
