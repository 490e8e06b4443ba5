/** The answer key of an ATLAS-informed simulation (`atlas-chain` kind): chain graph, safeguards, runs, defenses, plan. */
import { z } from 'zod';
import { conceptChecker, groups, keyBase, learnLink, slug, text, writtenAnswer, writtenPoint } from '../rubric-common';

const techniqueId = z.string().regex(/^AML\.T\d{4}(\.\d{3})?$/, 'Write a technique as AML.T0040 or AML.T0043.001');
const mitigationId = z.string().regex(/^AML\.M\d{4}$/, 'Write a mitigation as AML.M0004');

/** One step of the key's kill chain: a node of the precedence graph. */
const chainStep = z
  .object({
    /** Stable id, used by `order`. */
    id: slug,
    /** Techniques that fill the step in full; the first is the reference answer. */
    techniques: z.array(techniqueId).min(1),
    /** Relative weight in the technique score. */
    weight: z.number().positive().max(3).default(1),
    /** Why the step belongs in this attack; shown on a match and when missed (after a reveal). */
    why: text,
    /** A nudge shown when the step is missed, without naming the technique. */
    hint: text,
    /** What a rationale must mention (all groups); without it, any rationale of five words or more counts. */
    rationale: groups.optional(),
    /** The reference rationale. */
    reference: text,
  })
  .strict();

/**
 * Answer key of an ATLAS exercise. A full engagement (Project 3) has all five steps; an incident
 * lab's key has the chain alone: the learner tags a write-up with the techniques in order.
 */
export const atlasRubricSchema = z
  .object({
    /** The grader that reads it. */
    kind: z.literal('atlas-chain'),
    ...keyBase,
    /** Step 1: the kill chain as a precedence graph. */
    chain: z
      .object({
        steps: z.array(chainStep).min(4),
        /** Precedence edges [before, after] between step ids; any order that respects them is right. */
        order: z.array(z.tuple([slug, slug])).min(3),
        /** Techniques that are defensible here but not needed: neither credit nor penalty, with why. */
        neutral: z.record(techniqueId, text).default({}),
        /** Techniques that are wrong here, with why (overrides parent/sibling partial credit). */
        distractors: z.record(techniqueId, text).default({}),
        /**
         * Why any other technique does not belong, after "is not part of this attack: " (what the
         * attacker does instead, and that the technique serves none of it).
         */
        outside: text.optional(),
        /** Lesson section on planning a kill chain. */
        learn: learnLink,
      })
      .strict(),
    /** Step 2: which rules-of-engagement choices belong (the scenario lists them all). */
    roe: z
      .object({
        /** Choice ids a safe engagement needs, each with why. */
        required: z.record(slug, text),
        /** Choice ids that make the engagement unsafe, each with why. */
        traps: z.record(slug, text),
        learn: learnLink,
      })
      .strict()
      .optional(),
    /** Step 3: which range runs the exercise expects. */
    runs: z
      .object({
        /** Attack families, each needing at least one run. */
        families: z
          .array(
            z
              .object({
                /** Id. */ id: slug,
                /** Shown in feedback. */ label: text,
                /** Range attack kinds that count. */ attacks: z.array(slug).min(1),
                /** Why it matters. */ why: text,
              })
              .strict(),
          )
          .min(1),
        learn: learnLink,
      })
      .strict()
      .optional(),
    /** Step 4: what the defenses must counter, and the reference pairing. */
    defenses: z
      .object({
        /** Groups of techniques a hardening plan must counter, with weights. */
        targets: z
          .array(
            z
              .object({
                /** Id. */ id: slug,
                /** Shown in feedback. */ label: text,
                /** Countering any of these counts. */ techniques: z.array(techniqueId).min(1),
                weight: z.number().positive().max(3).default(1),
                /** A nudge when uncovered. */ hint: text,
              })
              .strict(),
          )
          .min(2),
        /** The reference defenses: every pair must be an ATLAS link (checked against the catalog by tests). */
        reference: z
          .array(
            z
              .object({
                /** Mitigation. */ mitigation: mitigationId,
                /** Techniques it counters. */ counters: z.array(techniqueId).min(1),
                /** Note. */ note: text,
              })
              .strict(),
          )
          .min(2),
        learn: learnLink,
      })
      .strict()
      .optional(),
    /** Step 4: the written hardening plan. */
    hardening: z
      .object({
        /** Points the plan must make. */
        expects: z.array(z.object({ ...writtenPoint, /** A nudge when missing. */ hint: text }).strict()).min(3),
        ...writtenAnswer,
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((rubric, ctx) => {
    const check = conceptChecker(rubric.concepts, ctx);
    const ids = rubric.chain.steps.map((s) => s.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['chain', 'steps'], message: 'step ids must be unique' });
    rubric.chain.steps.forEach((s, i) => s.rationale && check(s.rationale, ['chain', 'steps', i, 'rationale']));
    rubric.chain.order.forEach(([a, b], i) => {
      for (const end of [a, b])
        if (!ids.includes(end))
          ctx.addIssue({ code: 'custom', path: ['chain', 'order', i], message: `"${end}" is not a step` });
    });
    const keyed = rubric.chain.steps.flatMap((s) => s.techniques);
    for (const t of [...Object.keys(rubric.chain.neutral), ...Object.keys(rubric.chain.distractors)]) {
      if (keyed.includes(t))
        ctx.addIssue({
          code: 'custom',
          path: ['chain'],
          message: `${t} is both a key technique and neutral or a distractor`,
        });
    }
    const engagement = [rubric.roe, rubric.runs, rubric.defenses, rubric.hardening];
    if (engagement.some(Boolean) && !engagement.every(Boolean))
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'a key has roe, runs, defenses and hardening together (an engagement), or none of them (an incident)',
      });
    rubric.hardening?.expects.forEach((e, i) => check(e.requires, ['hardening', 'expects', i, 'requires']));
    const { roe } = rubric;
    for (const id of Object.keys(roe?.required ?? {}))
      if (roe && id in roe.traps)
        ctx.addIssue({ code: 'custom', path: ['roe'], message: `"${id}" is both required and a trap` });
  });

export type AtlasRubric = z.infer<typeof atlasRubricSchema>;
/** A full engagement's key: the chain, rules of engagement, runs, defenses and plan (Project 3). */
export type EngagementRubric = AtlasRubric & {
  [K in 'roe' | 'runs' | 'defenses' | 'hardening']-?: NonNullable<AtlasRubric[K]>;
};

/** The key's engagement steps, or null for an incident key (the chain alone). */
export function engagementOf(rubric: AtlasRubric): EngagementRubric | null {
  const { roe, runs, defenses, hardening } = rubric;
  return roe && runs && defenses && hardening ? { ...rubric, roe, runs, defenses, hardening } : null;
}
