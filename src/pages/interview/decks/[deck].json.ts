/** One flashcard deck as JSON, fetched when the learner studies it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDecks } from '../../../data/interview';
import type { Deck } from '../../../lib/srs/decks';

export const getStaticPaths = (async () =>
  (await getDecks()).map((deck) => ({ params: { deck: deck.id }, props: { deck } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { deck: Deck }).deck), { headers: { 'Content-Type': 'application/json' } });
