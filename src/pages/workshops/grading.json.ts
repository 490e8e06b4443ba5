/**
 * What the room dashboard needs to grade every project in the browser, besides the answer keys:
 * component names (Project 1), AI RMF titles and dossier names (Project 2), the ATLAS slice and
 * rules-of-engagement names (Project 3). Fetched when the first result is loaded.
 */
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { atlasGradingCatalog } from '../../lib/catalog/atlas-grading';

export const GET: APIRoute = async () => {
  const [stride, rmf, range, atlas, rmfCatalog] = await Promise.all([
    getEntry('scenarios', 'chest-xray-triage'),
    getEntry('scenarios', 'retail-support-chatbot'),
    getEntry('scenarios', 'card-fraud-scoring'),
    getEntry('catalog', 'atlas'),
    getEntry('catalog', 'nist-ai-rmf'),
  ]);
  if (stride?.data.kind !== 'model-card' || rmf?.data.kind !== 'dossier' || range?.data.kind !== 'range' || atlas?.data.framework !== 'atlas' || rmfCatalog?.data.framework !== 'nist-ai-rmf') {
    throw new Error('workshops/grading.json: a scenario or catalog file is missing');
  }
  const s = stride.data;
  const body = {
    'stride-medical-imaging': {
      componentNames: Object.fromEntries([...s.components, ...s.decompositionChoices.components, ...s.decompositionChoices.boundaries].map((c) => [c.id, c.name])),
    },
    'rmf-chatbot-gap': {
      subcategories: Object.fromEntries(rmfCatalog.data.subcategories.map((x) => [x.id, x.title])),
      factTitles: Object.fromEntries(rmf.data.dossier.map((f) => [f.id, f.title])),
      contextNames: Object.fromEntries(rmf.data.contexts.map((c) => [c.id, c.name])),
    },
    'atlas-fraud-simulation': {
      catalog: atlasGradingCatalog(atlas.data),
      roeNames: Object.fromEntries(range.data.roeChoices.map((c) => [c.id, c.name])),
    },
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
