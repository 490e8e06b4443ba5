/**
 * The AI threat-pattern library (content/patterns/): concepts (shared vocabulary), controls and
 * patterns, validated together so every reference resolves. Build, CLI and tests only: the
 * browser receives the validated library inside an answer key and never loads zod.
 */
import { z } from 'zod';
import { STRIDE_LETTERS } from '../exercises/stride/answers';
import { slug, text } from '../exercises/rubric-common';

const phrase = z.string().trim().min(2);
/** AND of ORs over concept ids. */
const groups = z.array(z.array(slug).min(1)).min(1);

export const conceptsFileSchema = z.record(slug, z.array(phrase).min(1));

export const controlSchema = z
  .object({
    /** Stable id, referenced by patterns and keys. */
    id: slug,
    /** Short name shown in feedback and on the reference page. */
    name: text,
    /** How practitioners write it. */
    phrasings: z.array(phrase).min(1),
  })
  .strict();

export const patternSchema = z
  .object({
    /** Stable id, referenced by answer keys and learners' readings. */
    id: slug,
    /** Short name: what the editor's read-back shows. */
    name: text,
    /** One or two sentences, our words. */
    summary: text,
    /** A broader pattern this one refines: a row read as both is read as this one. */
    parent: slug.optional(),
    /** The STRIDE categories it is filed under, the usual one first, each with why. */
    stride: z.array(z.object({ letter: z.enum(STRIDE_LETTERS), why: text }).strict()).min(1),
    /** ATLAS technique ids behind it (checked against the catalog by the content lint). */
    atlas: z.array(z.string().regex(/^AML\.T\d{4}(\.\d{3})?$/)).default([]),
    /** OWASP ids with their edition (ML01:2023, LLM05:2026). */
    owasp: z.array(z.string().regex(/^(ML|LLM)\d{2}:\d{4}$|^ASI\d{2}$/)).default([]),
    /** How a threat sentence says it: any one alternative, each an AND of OR-groups of concept ids. */
    match: z.array(groups).min(1),
    /** Controls that address it. */
    controls: z.array(slug).min(1),
  })
  .strict();

export const patternLibrarySchema = z
  .object({
    concepts: conceptsFileSchema,
    controls: z.array(controlSchema).min(1),
    patterns: z.array(patternSchema).min(1),
  })
  .strict()
  .superRefine((library, ctx) => {
    const concepts = new Set(Object.keys(library.concepts));
    const controls = new Set(library.controls.map((c) => c.id));
    const patterns = new Set(library.patterns.map((p) => p.id));
    if (controls.size !== library.controls.length)
      ctx.addIssue({ code: 'custom', path: ['controls'], message: 'control ids must be unique' });
    if (patterns.size !== library.patterns.length)
      ctx.addIssue({ code: 'custom', path: ['patterns'], message: 'pattern ids must be unique' });
    library.patterns.forEach((p, i) => {
      p.match.flat(2).forEach((id) => {
        if (!concepts.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['patterns', i, 'match'],
            message: `uses concept "${id}", which concepts.yaml does not define`,
          });
      });
      p.controls.forEach((id) => {
        if (!controls.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['patterns', i, 'controls'],
            message: `names control "${id}", which controls.yaml does not define`,
          });
      });
      if (p.parent !== undefined && (!patterns.has(p.parent) || p.parent === p.id))
        ctx.addIssue({
          code: 'custom',
          path: ['patterns', i, 'parent'],
          message: `names parent "${p.parent}", which is not another pattern`,
        });
    });
  });

export type PatternLibraryFile = z.infer<typeof patternLibrarySchema>;
