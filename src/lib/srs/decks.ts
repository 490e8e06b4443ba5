/**
 * Flashcard decks, generated from the catalog and the glossary, plus hand-written cards. Card
 * ids are stable (deck, item, direction), so review history survives a catalog update: a renamed
 * item keeps its cards and their history. A card whose item a release removed is retired: listed
 * with a note saying what replaced it, never due again, and left out of the deck's counts.
 */
import { hrefForId } from '../catalog/links';

export interface Flashcard {
  id: string;
  front: string;
  back: string;
  /** Site-relative link to the reference page, if any. */
  see?: string;
}

/** A card the deck no longer has, and why. */
export interface RetiredCard {
  id: string;
  note: string;
}

export interface Deck {
  id: string;
  title: string;
  description: string;
  cards: Flashcard[];
  /** Cards of items a framework release removed. */
  retired?: RetiredCard[];
}

export interface DeckSources {
  stride: ReadonlyArray<{ letter: string; name: string; property: string; threats: ReadonlyArray<{ name: string }> }>;
  /** The ATLAS release the catalog follows, e.g. "2026.09". */
  atlasVersion: string;
  atlasTactics: ReadonlyArray<{ id: string; name: string; formerNames: readonly string[] }>;
  atlasTechniques: ReadonlyArray<{
    id: string;
    name: string;
    tactics: readonly string[];
    formerNames: readonly string[];
  }>;
  /** Technique IDs a release removed, with their successors' names as learners see them. */
  atlasRetired?: ReadonlyArray<{
    id: string;
    name: string;
    removedIn: string;
    replacedBy: ReadonlyArray<{ id: string; name: string }>;
  }>;
  rmfSubcategories: ReadonlyArray<{ id: string; title: string }>;
  rmfFunctions: ReadonlyArray<{ id: string; title: string }>;
  owasp: ReadonlyArray<{ list: string; id: string; name: string; counterpart?: string | undefined }>;
  glossary: ReadonlyArray<{ id: string; term: string; definition: string }>;
  handWritten: ReadonlyArray<{ id: string; front: string; back: string; see?: string | undefined }>;
}

const former = (names: readonly string[]) => (names.length > 0 ? ` (formerly ${names.join(', ')})` : '');

export function buildDecks(src: DeckSources): Deck[] {
  const tacticName = (id: string) => src.atlasTactics.find((t) => t.id === id)?.name ?? id;
  const fnTitle = (id: string) => src.rmfFunctions.find((f) => f.id === id)?.title.toLowerCase() ?? '';
  return [
    {
      id: 'stride-ai',
      title: 'STRIDE-AI',
      description: 'Each STRIDE letter, the property it violates, and AI threats under it; and back.',
      cards: src.stride.flatMap((c) => [
        {
          id: `stride-ai:${c.letter}:letter`,
          front: `STRIDE letter ${c.letter}: which threat, which property, and AI examples?`,
          back: `${c.name}, against ${c.property.toLowerCase()}. AI examples: ${c.threats
            .slice(0, 3)
            .map((t) => t.name.toLowerCase())
            .join('; ')}.`,
          see: '/reference/stride-ai/',
        },
        {
          id: `stride-ai:${c.letter}:property`,
          front: `Which STRIDE category violates ${c.property.toLowerCase()}?`,
          back: `${c.letter}: ${c.name}.`,
          see: '/reference/stride-ai/',
        },
      ]),
    },
    {
      id: 'atlas-tactics',
      title: 'ATLAS tactics',
      description: `The ${src.atlasTactics.length} tactics of MITRE ATLAS ${src.atlasVersion}: ID to name and back.`,
      cards: src.atlasTactics.flatMap((t) => [
        {
          id: `atlas-tactics:${t.id}:id`,
          front: `ATLAS tactic ${t.id}`,
          back: `${t.name}${former(t.formerNames)}`,
          see: hrefForId(t.id),
        },
        { id: `atlas-tactics:${t.id}:name`, front: `ATLAS tactic ID of "${t.name}"`, back: t.id, see: hrefForId(t.id) },
      ]),
    },
    {
      id: 'atlas-techniques',
      title: 'ATLAS techniques',
      description: `MITRE ATLAS ${src.atlasVersion} techniques and sub-techniques: ID to name and tactic, and name to ID.`,
      cards: src.atlasTechniques.flatMap((t) => [
        {
          id: `atlas-techniques:${t.id}`,
          front: `ATLAS technique ${t.id}`,
          back: `${t.name}${former(t.formerNames)}. Tactic: ${t.tactics.map(tacticName).join(', ')}.`,
          see: hrefForId(t.id),
        },
        {
          id: `atlas-techniques:${t.id}:name`,
          front: `ATLAS technique ID of "${t.name}"`,
          back: `${t.id}, under ${t.tactics.map(tacticName).join(', ')}.`,
          see: hrefForId(t.id),
        },
      ]),
      retired: (src.atlasRetired ?? []).flatMap((r) => {
        const next = r.replacedBy.map((n) => `${n.id} ${n.name}`).join(' or ');
        const note = `${r.id} ${r.name} was removed in ATLAS ${r.removedIn}${next ? `; it is now ${next}, which has cards of its own` : ''}.`;
        return [
          { id: `atlas-techniques:${r.id}`, note },
          { id: `atlas-techniques:${r.id}:name`, note },
        ];
      }),
    },
    {
      id: 'ai-rmf',
      title: 'NIST AI RMF subcategories',
      description: 'AI RMF 1.0: each subcategory to its function and topic, and the topic back to the subcategory.',
      cards: src.rmfSubcategories.flatMap((s) => {
        const fn = s.id.split(' ')[0] ?? '';
        return [
          {
            id: `ai-rmf:${s.id.replace(' ', '-')}`,
            front: `AI RMF ${s.id}: which function, and what is it about?`,
            back: `${fn} (${fnTitle(fn)}). ${s.title}.`,
            see: hrefForId(s.id),
          },
          {
            id: `ai-rmf:${s.id.replace(' ', '-')}:topic`,
            front: `Which AI RMF subcategory is about "${s.title}"?`,
            back: `${s.id}, in ${fn}.`,
            see: hrefForId(s.id),
          },
        ];
      }),
    },
    {
      id: 'owasp',
      title: 'OWASP Top 10s',
      description: 'ML Top 10 2023, LLM Top 10 2026 (with 2025 IDs) and Agentic Top 10 2026: ID to name and back.',
      cards: src.owasp.flatMap((o) => [
        {
          id: `owasp:${o.id}`,
          front: `${o.list} ${o.id}`,
          back: `${o.name}${o.counterpart ? ` (was ${o.counterpart})` : ''}`,
          see: hrefForId(o.id),
        },
        {
          id: `owasp:${o.id}:name`,
          front: `${o.list}: the ID of "${o.name}"`,
          back: `${o.id}${o.counterpart ? ` (was ${o.counterpart})` : ''}`,
          see: hrefForId(o.id),
        },
      ]),
    },
    {
      id: 'glossary',
      title: 'Glossary',
      description: 'The terms this site uses, in our definitions.',
      cards: src.glossary.map((g) => ({
        id: `glossary:${g.id}`,
        front: g.term,
        back: g.definition,
        see: `/reference/glossary/#${g.id}`,
      })),
    },
    {
      id: 'concepts',
      title: 'Concepts and judgement calls',
      description: 'Hand-written cards on the distinctions interviewers probe.',
      cards: src.handWritten.map((c) => ({
        id: `concepts:${c.id}`,
        front: c.front,
        back: c.back,
        ...(c.see ? { see: c.see } : {}),
      })),
    },
  ];
}
