/**
 * The AI threat-pattern library as a static JSON file: the STRIDE editor fetches it after the
 * page has loaded to read each row back to the learner as they type. It holds no answer key.
 */
import type { APIRoute } from 'astro';
import { loadPatternLibrary } from '../data/patterns';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(loadPatternLibrary()), { headers: { 'Content-Type': 'application/json' } });
