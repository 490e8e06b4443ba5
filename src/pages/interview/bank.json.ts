/** The whole interview question bank as JSON, fetched by the drill when a session starts. */
import type { APIRoute } from 'astro';
import { getInterviewQuestions } from '../../data/interview';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getInterviewQuestions()), { headers: { 'Content-Type': 'application/json' } });
