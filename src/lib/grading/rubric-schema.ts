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

/** Reports concept groups that name a concept the key does not define. */
function conceptChecker(concepts: Record<string, string[]>, ctx: z.RefinementCtx) {
  const known = new Set(Object.keys(concepts));
  return (ids: string[][], path: (string | number)[]) =>
    ids.flat().forEach((id) => {
      if (!known.has(id)) ctx.addIssue({ code: 'custom', path, message: `uses concept "${id}", which "concepts" does not define` });
    });
}

/** Fields every answer key has. */
const keyBase = {
  /** Rubric version; bump when expected items change. */
  version: z.number().int().positive(),
  /** The scenario the exercise works on (content/scenarios/<id>.yaml). */
  scenario: slug,
  /** Concept id -> synonym phrases, matched with typo tolerance and negation. */
  concepts: z.record(slug, z.array(z.string().trim().min(2)).min(1)),
  /** Mitigation phrases too vague to count on their own ("monitor it", "best practices"). */
  vagueMitigations: z.array(z.string().trim().min(2)).default([]),
};

export const strideRubricSchema = z
  .object({
    /** The exercise this key grades. */
    exercise: z.literal('stride-medical-imaging'),
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
    const check = conceptChecker(rubric.concepts, ctx);
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

const rmfId = z.string().regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/, 'Write a subcategory as "MEASURE 2.7"');
/** How far an outcome is in place, as the learner rates it. */
export const RMF_STATUSES = ['in-place', 'partial', 'missing', 'not-applicable'] as const;
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
    /** The reference row: the gap, the mitigation and an owner. */
    reference: z.object({ /** The gap, in a sentence. */ gap: text, /** The mitigation. */ mitigation: text, /** Owner role. */ owner: text }).strict(),
  })
  .strict();

/** Answer key of the AI RMF gap analysis (Project 2). */
export const rmfRubricSchema = z
  .object({
    /** The exercise this key grades. */
    exercise: z.literal('rmf-chatbot-gap'),
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
            alternatives: z.array(z.object({ /** Status. */ status, /** Why it is defensible. */ reason: text }).strict()).default([]),
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
      .min(15),
    /** Step 3: the top three gaps in order, and gaps that may defensibly take a place among them. */
    priorities: z.object({ /** The key's top three, in order. */ top: z.array(priority).length(3), /** Acceptable alternatives. */ alternatives: z.array(priority).default([]), /** Lesson section on ranking. */ learn: learnLink }).strict(),
    /** Step 4: what the stakeholder report must frame. */
    report: z
      .object({
        /** Framings the summary needs (operational, EU AI Act, GDPR, consumer protection...). */
        framing: z.array(z.object({ /** Id. */ id: slug, /** Shown in feedback. */ label: text, /** Concept groups the summary must mention. */ requires: groups }).strict()).min(3),
        /** Fewer words than this is a list of keywords, not a report. */
        minWords: z.number().int().min(20).default(60),
        /** The reference summary (it must meet every framing). */
        reference: text,
        /** Lesson section on writing for executives. */
        learn: learnLink,
      })
      .strict(),
  })
  .strict()
  .superRefine((rubric, ctx) => {
    const check = conceptChecker(rubric.concepts, ctx);
    [...rubric.priorities.top, ...rubric.priorities.alternatives].forEach((p, i) => check(p.mitigation, ['priorities', i, 'mitigation']));
    rubric.report.framing.forEach((f, i) => check(f.requires, ['report', 'framing', i, 'requires']));
    const assessed = rubric.assessments.map((a) => a.subcategory);
    if (new Set(assessed).size !== assessed.length) ctx.addIssue({ code: 'custom', path: ['assessments'], message: 'a subcategory is assessed twice' });
    [...rubric.priorities.top, ...rubric.priorities.alternatives].forEach((p, i) => {
      if (!assessed.includes(p.subcategory)) ctx.addIssue({ code: 'custom', path: ['priorities', i], message: `${p.subcategory} is a priority but not assessed` });
    });
    rubric.assessments.forEach((a, i) => {
      if (a.alternatives.some((alt) => alt.status === a.status)) ctx.addIssue({ code: 'custom', path: ['assessments', i, 'alternatives'], message: 'repeats the key status' });
    });
  });

export type RmfRubric = z.infer<typeof rmfRubricSchema>;

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

/** Answer key of the ATLAS-informed adversarial simulation (Project 3). */
export const atlasRubricSchema = z
  .object({
    /** The exercise this key grades. */
    exercise: z.literal('atlas-fraud-simulation'),
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
      .strict(),
    /** Step 3: which range runs the exercise expects. */
    runs: z
      .object({
        /** Attack families, each needing at least one run. */
        families: z.array(z.object({ /** Id. */ id: slug, /** Shown in feedback. */ label: text, /** Range attack kinds that count. */ attacks: z.array(slug).min(1), /** Why it matters. */ why: text }).strict()).min(1),
        learn: learnLink,
      })
      .strict(),
    /** Step 4: what the defenses must counter, and the reference pairing. */
    defenses: z
      .object({
        /** Groups of techniques a hardening plan must counter, with weights. */
        targets: z
          .array(z.object({ /** Id. */ id: slug, /** Shown in feedback. */ label: text, /** Countering any of these counts. */ techniques: z.array(techniqueId).min(1), weight: z.number().positive().max(3).default(1), /** A nudge when uncovered. */ hint: text }).strict())
          .min(2),
        /** The reference defenses: every pair must be an ATLAS link (checked against the catalog by tests). */
        reference: z.array(z.object({ /** Mitigation. */ mitigation: mitigationId, /** Techniques it counters. */ counters: z.array(techniqueId).min(1), /** Note. */ note: text }).strict()).min(2),
        learn: learnLink,
      })
      .strict(),
    /** Step 4: the written hardening plan. */
    hardening: z
      .object({
        /** Points the plan must make. */
        expects: z.array(z.object({ /** Id. */ id: slug, /** Shown in feedback. */ label: text, /** Concept groups the plan must mention. */ requires: groups, /** A nudge when missing. */ hint: text }).strict()).min(3),
        minWords: z.number().int().min(20).default(60),
        /** The reference plan (it must meet every point). */
        reference: text,
        learn: learnLink,
      })
      .strict(),
  })
  .strict()
  .superRefine((rubric, ctx) => {
    const check = conceptChecker(rubric.concepts, ctx);
    const ids = rubric.chain.steps.map((s) => s.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['chain', 'steps'], message: 'step ids must be unique' });
    rubric.chain.steps.forEach((s, i) => s.rationale && check(s.rationale, ['chain', 'steps', i, 'rationale']));
    rubric.chain.order.forEach(([a, b], i) => {
      for (const end of [a, b]) if (!ids.includes(end)) ctx.addIssue({ code: 'custom', path: ['chain', 'order', i], message: `"${end}" is not a step` });
    });
    const keyed = rubric.chain.steps.flatMap((s) => s.techniques);
    for (const t of [...Object.keys(rubric.chain.neutral), ...Object.keys(rubric.chain.distractors)]) {
      if (keyed.includes(t)) ctx.addIssue({ code: 'custom', path: ['chain'], message: `${t} is both a key technique and neutral or a distractor` });
    }
    rubric.hardening.expects.forEach((e, i) => check(e.requires, ['hardening', 'expects', i, 'requires']));
    for (const id of Object.keys(rubric.roe.required)) if (id in rubric.roe.traps) ctx.addIssue({ code: 'custom', path: ['roe'], message: `"${id}" is both required and a trap` });
  });

export type AtlasRubric = z.infer<typeof atlasRubricSchema>;

/** Any answer key: its `kind` says which grader reads it. */
export const rubricFileSchema = z.unknown().transform((value, ctx): StrideRubric | RmfRubric | AtlasRubric => {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  const parsed = kind === 'rmf-gap' ? rmfRubricSchema.safeParse(value) : kind === 'atlas-chain' ? atlasRubricSchema.safeParse(value) : strideRubricSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue(issue);
  return z.NEVER;
});
export type RubricFile = StrideRubric | RmfRubric | AtlasRubric;
