/**
 * The answer key of a STRIDE-AI table (`stride-table` kind): expected threats, decomposition,
 * misconceptions. Each expected threat references a pattern of the threat-pattern library
 * (content/patterns/) plus the scenario's specifics; concept ids resolve against the library's
 * vocabulary and the key's own `concepts` (checked by `checkKeyAgainstLibrary`).
 */
import { z } from 'zod';
import type { PatternLibrary } from '../../patterns/types';
import { groups, keyBase, learnLink, slug, text } from '../rubric-common';
import { STRIDE_LETTERS } from './answers';

const letter = z.enum(STRIDE_LETTERS);
const rating = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** Answer key of a STRIDE-AI threat table (Project 1). */
export const strideRubricSchema = z
  .object({
    /** The grader that reads it. */
    kind: z.literal('stride-table'),
    ...keyBase,
    /** Concepts of this key only (the library's vocabulary is shared); usually empty. */
    concepts: keyBase.concepts.default({}),
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
            /** The threat-pattern library's pattern this threat is an instance of. */
            pattern: slug,
            /** Other patterns a row may be read as and still be this threat (a broader one, a sibling), with why. */
            alsoPatterns: z.array(slug).default([]),
            /** What the row (threat or impact) must also say to be this instance: the scenario's specifics. */
            specifics: groups.optional(),
            /** Controls that count as a specific mitigation here; the pattern's controls when absent. */
            controls: z.array(slug).min(1).optional(),
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
            /** When the row is read as this pattern... */
            pattern: slug.optional(),
            /** ...and/or its threat and impact mention all these groups... */
            when: groups.optional(),
            /** ...and its mitigation mentions all these (absent: the mitigation does not matter)... */
            mitigation: groups.optional(),
            /** ...and names none of these controls (a real defense beside the wrong one clears it). */
            withoutControls: z.array(slug).default([]),
            /** The correction. */
            message: text,
            /** The lesson section that teaches it. */
            learn: learnLink,
            /** A reference page with the details, if any. */
            see: learnLink.optional(),
          })
          .strict()
          .refine((m) => m.pattern !== undefined || m.when !== undefined, {
            message: 'a misconception needs a pattern or a "when"',
          }),
      )
      .default([]),
  })
  .strict()
  .superRefine((rubric, ctx) => {
    const known = new Set(rubric.decomposition.components);
    rubric.threats.forEach((t, i) => {
      for (const c of [t.component, ...t.alsoComponents]) {
        if (!known.has(c))
          ctx.addIssue({
            code: 'custom',
            path: ['threats', i, 'component'],
            message: `"${c}" is not a component of the decomposition`,
          });
      }
    });
    const ids = rubric.threats.map((t) => t.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['threats'], message: 'threat ids must be unique' });
  });

export type StrideRubric = z.infer<typeof strideRubricSchema>;

/** A STRIDE key as graders receive it: with the pattern library it references. */
export type StrideKey = StrideRubric & { library: PatternLibrary };

/**
 * What the key references that the library does not have: unknown patterns, controls or
 * concepts, and key concepts that shadow library ones. Empty when the key and library agree.
 */
export function strideKeyProblems(rubric: StrideRubric, library: PatternLibrary): string[] {
  const problems: string[] = [];
  const patterns = new Set(library.patterns.map((p) => p.id));
  const controls = new Set(library.controls.map((c) => c.id));
  const concepts = new Set([...Object.keys(library.concepts), ...Object.keys(rubric.concepts)]);
  for (const id of Object.keys(rubric.concepts))
    if (Object.hasOwn(library.concepts, id))
      problems.push(`concepts.${id}: the library already defines "${id}"; extend it there instead`);
  const conceptIds = (where: string, ids: string[][] | undefined) => {
    for (const id of (ids ?? []).flat())
      if (!concepts.has(id)) problems.push(`${where}: concept "${id}" is in neither the library nor the key`);
  };
  rubric.threats.forEach((t) => {
    for (const p of [t.pattern, ...t.alsoPatterns])
      if (!patterns.has(p)) problems.push(`threats.${t.id}: pattern "${p}" is not in the library`);
    for (const c of t.controls ?? [])
      if (!controls.has(c)) problems.push(`threats.${t.id}: control "${c}" is not in the library`);
    conceptIds(`threats.${t.id}.specifics`, t.specifics);
  });
  rubric.misconceptions.forEach((m) => {
    if (m.pattern !== undefined && !patterns.has(m.pattern))
      problems.push(`misconceptions.${m.id}: pattern "${m.pattern}" is not in the library`);
    for (const c of m.withoutControls)
      if (!controls.has(c)) problems.push(`misconceptions.${m.id}: control "${c}" is not in the library`);
    conceptIds(`misconceptions.${m.id}.when`, m.when);
    conceptIds(`misconceptions.${m.id}.mitigation`, m.mitigation);
  });
  return problems;
}

/** The key with its library, or an error listing every reference the library cannot resolve. */
export function strideKey(rubric: StrideRubric, library: PatternLibrary): StrideKey {
  const problems = strideKeyProblems(rubric, library);
  if (problems.length > 0)
    throw new Error(`The answer key of ${rubric.exercise} does not fit the pattern library:\n${problems.join('\n')}`);
  return { ...rubric, library };
}
