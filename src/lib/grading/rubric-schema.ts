/**
 * Rubric schemas: the answer keys in content/rubrics/. One kind per exercise type; each grader
 * reads its kind. Free-text expectations are written as concept groups: `requires: [[a, b], [c]]`
 * means (a or b) and c, where a, b, c are concept ids defined in `concepts` as synonym lists.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use kebab-case');
const text = z.string().trim().min(3);
const letter = z.enum(['S', 'T', 'R', 'I', 'D', 'E']);
const rating = z.union([z.literal(1), z.literal(2), z.literal(3)]);
/** AND of ORs over concept ids. */
const groups = z.array(z.array(slug).min(1)).min(1);
/** A site-relative link to the lesson or reference page that teaches a point. */
const learnLink = z.string().regex(/^\/[a-z0-9/#._-]*$/i, 'A site path such as /reference/stride-ai/#threat-model-inversion');

export const strideRubricSchema = z
  .object({
    /** The exercise this key grades. */
    exercise: z.literal('stride-medical-imaging'),
    /** The grader that reads it. */
    kind: z.literal('stride-table'),
    /** Rubric version; bump when expected items change. */
    version: z.number().int().positive(),
    /** The scenario analyzed (content/scenarios/<id>.yaml). */
    scenario: slug,
    /** Concept id -> synonym phrases, matched with typo tolerance and negation. */
    concepts: z.record(slug, z.array(z.string().trim().min(2)).min(1)),
    /** Mitigation phrases too vague to count on their own ("monitor it", "best practices"). */
    vagueMitigations: z.array(z.string().trim().min(2)).default([]),
    /** Step 1: which components and trust boundaries the system really has. */
    decomposition: z
      .object({
        /** Component ids that belong in the model. */
        components: z.array(slug).min(1),
        /** Boundary ids that belong in the model. */
        boundaries: z.array(slug).default([]),
        /** Why each distractor (component or boundary id) does not belong. */
        distractors: z.record(slug, text),
        /** Why each real component or boundary matters, shown when it is missed. */
        why: z.record(slug, text),
        /** The lesson section that teaches decomposition. */
        learn: learnLink,
      })
      .strict(),
    /** The threats the key expects, one per row. */
    threats: z
      .array(
        z
          .object({
            /** Stable id. */
            id: slug,
            /** Short name, revealed after a second attempt. */
            name: text,
            /** Component it belongs on. */
            component: slug,
            /** Other components where it is also right. */
            alsoComponents: z.array(slug).default([]),
            /** The key's STRIDE category. */
            category: letter,
            /** Categories also accepted, with why sources differ. */
            alsoCategories: z.array(z.object({ /** Letter. */ letter, /** Why. */ reason: text }).strict()).default([]),
            /** Key likelihood, 1-3. */
            likelihood: rating,
            /** Key severity, 1-3. */
            severity: rating,
            /** What a row must say to be this threat. */
            requires: groups,
            /** What a specific mitigation mentions (any group member counts; all groups needed). */
            mitigations: groups,
            /** A nudge shown when the threat is missed, without naming it. */
            hint: text,
            /** Why it matters here; shown on a match and when revealed. */
            explanation: text,
            /** The lesson section that teaches it. */
            learn: learnLink,
            /** A reference page with the details (ATLAS entry, STRIDE-AI row), if any. */
            see: learnLink.optional(),
            /** The reference row. */
            reference: z.object({ /** Threat. */ threat: text, /** Impact. */ impact: text, /** Mitigation. */ mitigation: text }).strict(),
          })
          .strict(),
      )
      .min(3),
    /** Known wrong beliefs: a row that says this loses precision and gets the message. */
    misconceptions: z
      .array(
        z
          .object({
            /** Stable id. */
            id: slug,
            /** When the row's text mentions all these groups. */
            when: groups,
            /** The correction. */
            message: text,
            /** The lesson section that teaches it. */
            learn: learnLink,
            /** A reference page with the details, if any. */
            see: learnLink.optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((rubric, ctx) => {
    const concepts = new Set(Object.keys(rubric.concepts));
    const check = (ids: string[][], path: (string | number)[]) =>
      ids.flat().forEach((id) => {
        if (!concepts.has(id)) ctx.addIssue({ code: 'custom', path, message: `uses concept "${id}", which "concepts" does not define` });
      });
    rubric.threats.forEach((t, i) => {
      check(t.requires, ['threats', i, 'requires']);
      check(t.mitigations, ['threats', i, 'mitigations']);
      const known = new Set(rubric.decomposition.components);
      for (const c of [t.component, ...t.alsoComponents]) {
        if (!known.has(c)) ctx.addIssue({ code: 'custom', path: ['threats', i, 'component'], message: `"${c}" is not a component of the decomposition` });
      }
    });
    rubric.misconceptions.forEach((m, i) => check(m.when, ['misconceptions', i, 'when']));
    const ids = rubric.threats.map((t) => t.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['threats'], message: 'threat ids must be unique' });
  });

export type StrideRubric = z.infer<typeof strideRubricSchema>;

export const rubricFileSchema = strideRubricSchema;
export type RubricFile = z.infer<typeof rubricFileSchema>;
