/** The answer key of a STRIDE-AI table (`stride-table` kind): expected threats, decomposition, misconceptions. */
import { z } from 'zod';
import { conceptChecker, groups, keyBase, learnLink, slug, text } from '../rubric-common';
import { STRIDE_LETTERS } from './answers';

const letter = z.enum(STRIDE_LETTERS);
const rating = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** Answer key of a STRIDE-AI threat table (Project 1). */
export const strideRubricSchema = z
  .object({
    /** The grader that reads it. */
    kind: z.literal('stride-table'),
    ...keyBase,
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
            reference: z
              .object({ /** Threat. */ threat: text, /** Impact. */ impact: text, /** Mitigation. */ mitigation: text })
              .strict(),
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
    const check = conceptChecker(rubric.concepts, ctx);
    rubric.threats.forEach((t, i) => {
      check(t.requires, ['threats', i, 'requires']);
      check(t.mitigations, ['threats', i, 'mitigations']);
      const known = new Set(rubric.decomposition.components);
      for (const c of [t.component, ...t.alsoComponents]) {
        if (!known.has(c))
          ctx.addIssue({
            code: 'custom',
            path: ['threats', i, 'component'],
            message: `"${c}" is not a component of the decomposition`,
          });
      }
    });
    rubric.misconceptions.forEach((m, i) => check(m.when, ['misconceptions', i, 'when']));
    const ids = rubric.threats.map((t) => t.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['threats'], message: 'threat ids must be unique' });
  });

export type StrideRubric = z.infer<typeof strideRubricSchema>;
