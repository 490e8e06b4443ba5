/**
 * The interview question bank and the flashcard decks, for the Interview prep pages.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { InterviewQuestion } from '../lib/content/schema';
import { shapeOf } from '../lib/catalog/ids';
import { sharedVocabulary, withSharedKeyPoints } from '../lib/patterns/vocabulary';
import { buildDecks, type Deck } from '../lib/srs/decks';
import { getCatalog } from './catalog';
import { loadPatternLibrary } from './patterns';

export type InterviewTopic = InterviewQuestion['topic'];

export const TOPIC_LABELS: Record<InterviewTopic, string> = {
  'stride-ai': 'STRIDE-AI',
  atlas: 'MITRE ATLAS',
  'ai-rmf': 'NIST AI RMF',
  owasp: 'OWASP Top 10s',
  'llm-agents': 'LLM and agent systems',
  mlops: 'MLOps integration',
  regulation: 'Regulation and standards',
  program: 'Building a program',
  scenario: 'Scenario questions',
};

export const questionPath = (id: string) => `/interview/questions/${id}/`;

export async function getInterviewQuestions(): Promise<InterviewQuestion[]> {
  const order = ['beginner', 'intermediate', 'advanced'];
  const topics = Object.keys(TOPIC_LABELS);
  const widen = sharedVocabulary(loadPatternLibrary());
  return (
    (await getCollection('interview'))
      // Key points read answers through the pattern library's vocabulary too.
      .map((e: CollectionEntry<'interview'>) => withSharedKeyPoints(e.data, widen))
      .sort(
        (a, b) =>
          topics.indexOf(a.topic) - topics.indexOf(b.topic) ||
          order.indexOf(a.level) - order.indexOf(b.level) ||
          a.id.localeCompare(b.id),
      )
  );
}

export async function getDecks(): Promise<Deck[]> {
  const [atlas, rmf, stride, ml, llm, agentic] = await Promise.all(
    ['atlas', 'nist-ai-rmf', 'stride-ai', 'owasp-ml', 'owasp-llm', 'owasp-agentic'].map((id) =>
      getEntry('catalog', id),
    ),
  );
  if (
    atlas?.data.framework !== 'atlas' ||
    rmf?.data.framework !== 'nist-ai-rmf' ||
    stride?.data.framework !== 'stride-ai'
  )
    throw new Error('content/catalog is incomplete');
  const catalog = await getCatalog();
  const owasp = [ml, llm, agentic].flatMap((entry) => {
    const data = entry?.data;
    if (!data || !('editions' in data)) return [];
    const current = data.editions.find((e) => e.current) ?? data.editions[0];
    return (current?.items ?? []).map((item) => ({
      list: current?.title ?? data.title,
      id: item.id,
      name: item.name,
      counterpart: 'counterpart' in item ? (item.counterpart as string | undefined) : undefined,
    }));
  });
  const glossary = (await getCollection('glossary')).map((g) => g.data);
  const handWritten = (await getCollection('flashcards')).map((c) => c.data);
  return buildDecks({
    stride: stride.data.categories.map((c) => ({
      letter: c.letter,
      name: c.name,
      property: c.property,
      threats: c.threats,
    })),
    atlasVersion: atlas.data.version,
    atlasTactics: atlas.data.tactics,
    atlasRetired: catalog
      .allRetired()
      .filter((r) => shapeOf(r.id) === 'atlas-technique')
      .map((r) => ({ ...r, replacedBy: r.replacedBy.map((id) => ({ id, name: catalog.fullName(id) })) })),
    atlasTechniques: atlas.data.techniques,
    rmfSubcategories: rmf.data.subcategories,
    rmfFunctions: rmf.data.functions,
    owasp,
    glossary,
    handWritten,
  });
}
