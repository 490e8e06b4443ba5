/** The answer key of an AI RMF gap analysis (`rmf-gap` kind): contexts, statuses with evidence, priorities, report. */
import { z } from 'zod';
import { conceptChecker, groups, keyBase, learnLink, slug, text, writtenAnswer, writtenPoint } from '../rubric-common';
import { RMF_STATUSES } from './answers';

const rmfId = z.string().regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/, 'Write a subcategory as "MEASURE 2.7"');
const status = z.enum(RMF_STATUSES);

/** One of the key's top gaps, or an acceptable alternative to them. */
const priority = z
  .object({
    /** The subcategory whose gap this is. */
    subcategory: rmfId,
    /** Why it belongs near the top, shown when it matches and when it is missed. */
    why: text,
    /** What a specific mitigation mentions (all groups needed). */
    mitigation: groups,
    /** What a statement of this gap mentions (all groups needed). */
    gap: groups,
    /** The reference row: the gap, the mitigation and an owner. */
    reference: z
      .object({
        /** The gap, in a sentence. */ gap: text,
        /** The mitigation. */ mitigation: text,
        /** Owner role. */ owner: text,
      })
      .strict(),
  })
  .strict();

/** Answer key of the AI RMF gap analysis (Project 2). */
export const rmfRubricSchema = z
  .object({
    /** The grader that reads it. */
    kind: z.literal('rmf-gap'),
    ...keyBase,
    /** Step 1: the contexts that shape this system's risk, and why the others do not. */
    contexts: z
      .object({
        /** Context ids that matter here. */
        relevant: z.array(slug).min(2),
        /** Why each relevant context matters, shown when it is missed. */
        why: z.record(slug, text),
        /** Why each distractor does not shape the risk here. */
        distractors: z.record(slug, text),
        /** The lesson section that teaches mapping context. */
        learn: learnLink,
      })
      .strict(),
    /** Step 2: the key's status for every subcategory in scope, with the facts that show it. */
    assessments: z
      .array(
        z
          .object({
            /** Subcategory ID. */
            subcategory: rmfId,
            /** The key's status. */
            status,
            /** Other defensible statuses, each with why. */
            alternatives: z
              .array(z.object({ /** Status. */ status, /** Why it is defensible. */ reason: text }).strict())
              .default([]),
            /** Dossier fact ids that support the status; citing any of them counts. */
            evidence: z.array(slug).min(1),
            /** Why this status, in terms of the facts; shown after checking. */
            explanation: text,
            /** The lesson section that teaches it. */
            learn: learnLink,
            /** The reference page of the subcategory. */
            see: learnLink.optional(),
          })
          .strict(),
      )
      .min(6),
    /** Step 3: the top three gaps in order, and gaps that may defensibly take a place among them. */
    priorities: z
      .object({
        /** The key's top three, in order. */ top: z.array(priority).length(3),
        /** Acceptable alternatives. */ alternatives: z.array(priority).default([]),
        /** Lesson section on ranking. */ learn: learnLink,
      })
      .strict(),
    /** Step 4: what the stakeholder report must frame. */
    report: z
      .object({
        /** Framings the summary needs (operational, EU AI Act, GDPR, consumer protection...). */
        framing: z.array(z.object(writtenPoint).strict()).min(3),
        ...writtenAnswer,
      })
      .strict(),
  })
  .strict()
  .superRefine((rubric, ctx) => {
    const check = conceptChecker(rubric.concepts, ctx);
    [...rubric.priorities.top, ...rubric.priorities.alternatives].forEach((p, i) =>
      check(p.mitigation, ['priorities', i, 'mitigation']),
    );
    [...rubric.priorities.top, ...rubric.priorities.alternatives].forEach((p, i) =>
      check(p.gap, ['priorities', i, 'gap']),
    );
    rubric.report.framing.forEach((f, i) => check(f.requires, ['report', 'framing', i, 'requires']));
    const assessed = rubric.assessments.map((a) => a.subcategory);
    if (new Set(assessed).size !== assessed.length)
      ctx.addIssue({ code: 'custom', path: ['assessments'], message: 'a subcategory is assessed twice' });
    [...rubric.priorities.top, ...rubric.priorities.alternatives].forEach((p, i) => {
      if (!assessed.includes(p.subcategory))
        ctx.addIssue({
          code: 'custom',
          path: ['priorities', i],
          message: `${p.subcategory} is a priority but not assessed`,
        });
    });
    rubric.assessments.forEach((a, i) => {
      if (a.alternatives.some((alt) => alt.status === a.status))
        ctx.addIssue({ code: 'custom', path: ['assessments', i, 'alternatives'], message: 'repeats the key status' });
    });
  });

export type RmfRubric = z.infer<typeof rmfRubricSchema>;
