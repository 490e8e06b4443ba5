/**
 * What the answer keys of every kind share (content/rubrics/): field types, concept groups and the
 * fields every key has. Each kind's own schema is in `<kind>/rubric.ts`. Free-text expectations are
 * written as concept groups: `requires: [[a, b], [c]]` means (a or b) and c, where a, b, c are
 * concept ids defined in `concepts` as synonym lists. Build and CLI only: the browser never
 * parses a key with zod.
 */
import { z } from 'zod';

export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use kebab-case');
export const text = z.string().trim().min(3);
/** AND of ORs over concept ids. */
export const groups = z.array(z.array(slug).min(1)).min(1);
/** A site-relative link to the lesson or reference page that teaches a point. */
export const learnLink = z
  .string()
  .regex(/^\/[a-z0-9/#._-]*$/i, 'A site path such as /reference/stride-ai/#threat-model-inversion');

/** Reports concept groups that name a concept the key does not define. */
export function conceptChecker(concepts: Record<string, string[]>, ctx: z.RefinementCtx) {
  const known = new Set(Object.keys(concepts));
  return (ids: string[][], path: (string | number)[]) =>
    ids.flat().forEach((id) => {
      if (!known.has(id))
        ctx.addIssue({ code: 'custom', path, message: `uses concept "${id}", which "concepts" does not define` });
    });
}

/** Fields every answer key has. */
export const keyBase = {
  /** The exercise this key grades (content/projects/<exercise>.mdx); the registry says its kind. */
  exercise: slug,
  /** Rubric version; bump when expected items change. */
  version: z.number().int().positive(),
  /** The scenario the exercise works on (content/scenarios/<id>.yaml). */
  scenario: slug,
  /** Concept id -> synonym phrases, matched with typo tolerance and negation. */
  concepts: z.record(slug, z.array(z.string().trim().min(2)).min(1)),
  /** Mitigation phrases too vague to count on their own ("monitor it", "best practices"). */
  vagueMitigations: z.array(z.string().trim().min(2)).default([]),
};

/** A point a written answer must make: concept groups it must mention, and a label for feedback. */
export const writtenPoint = {
  /** Id. */
  id: slug,
  /** Shown in feedback. */
  label: text,
  /** Concept groups the text must mention. */
  requires: groups,
};

/** What a written answer needs besides its points: a length, the reference text, the lesson. */
export const writtenAnswer = {
  /** Fewer meaningful words than this is a list of keywords, not an answer. */
  minWords: z.number().int().min(20).default(60),
  /** The reference text (it must make every point). */
  reference: text,
  /** The lesson section that teaches it. */
  learn: learnLink,
};
