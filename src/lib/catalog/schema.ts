/**
 * Schemas of the framework catalog files in content/catalog/. IDs, names and relations come
 * from the frameworks' published data (scripts/catalog/generate.ts); summaries are ours.
 * Strict, so a typo in a hand-edited summary block fails the build with the file and field.
 */
import { z } from 'zod';
import { MATURITIES } from './maturity';

const text = z.string().trim().min(3);
/** An ATLAS technique or sub-technique ID. */
export const atlasTechniqueId = z
  .string()
  .regex(/^AML\.T\d{4}(\.\d{3})?$/, 'Expected an ATLAS technique ID such as AML.T0040');
/** An ATLAS tactic ID. */
export const atlasTacticId = z.string().regex(/^AML\.TA\d{4}$/, 'Expected an ATLAS tactic ID such as AML.TA0000');
/** An ATLAS mitigation ID. */
export const atlasMitigationId = z.string().regex(/^AML\.M\d{4}$/, 'Expected an ATLAS mitigation ID such as AML.M0004');
/** An OWASP ID with its edition, or an Agentic Top 10 ID. */
export const owaspId = z
  .string()
  .regex(
    /^(ML(0[1-9]|10):2023|LLM(0[1-9]|10):(2025|2026)|ASI(0[1-9]|10))$/,
    'Expected an OWASP ID with its edition, such as LLM03:2026 or ML01:2023, or ASI01',
  );

export { MATURITIES, type Maturity } from './maturity';

/** Any ATLAS ID: tactic, technique, sub-technique, mitigation or case study. */
const anyAtlasId = z.string().regex(/^AML\.(TA|T|M|CS)\d{4}(\.\d{3})?$/);

export const atlasCatalogSchema = z
  .object({
    /** Which framework this file describes. */
    framework: z.literal('atlas'),
    /** ATLAS data version: a calendar release since 2026 ("2026.09"), semantic before ("5.6.0"). */
    version: z.string().regex(/^(\d{4}\.\d{2}|\d+\.\d+\.\d+)$/),
    /** Display title with the version. */
    title: text,
    /** Where the IDs, names and relations come from. */
    source: z.string().url(),
    /** License of the source data. */
    license: text,
    /** The 16 tactics in matrix order. */
    tactics: z.array(
      z
        .object({
          /** e.g. AML.TA0000 */
          id: atlasTacticId,
          /** Current ATLAS name. */
          name: text,
          /** Names ATLAS used before (e.g. "ML Model Access"). */
          formerNames: z.array(text).default([]),
          /** The corresponding ATT&CK tactic, if ATLAS names one. */
          attack: z
            .string()
            .regex(/^TA\d{4}$/)
            .optional(),
          /** Our summary. */
          summary: text,
        })
        .strict(),
    ),
    /** All techniques and sub-techniques, in ID order. */
    techniques: z.array(
      z
        .object({
          /** e.g. AML.T0040 or AML.T0043.004 */
          id: atlasTechniqueId,
          /** Current ATLAS name. */
          name: text,
          /** Tactics the technique serves; sub-techniques inherit their parent's. */
          tactics: z.array(atlasTacticId).min(1),
          /** Parent technique, for sub-techniques. */
          parent: atlasTechniqueId.optional(),
          /** How far the technique has been shown to work. */
          maturity: z.enum(MATURITIES),
          /** Names ATLAS used before. */
          formerNames: z.array(text).default([]),
          /** The ATT&CK technique it adapts, if ATLAS names one. */
          attack: z
            .string()
            .regex(/^T\d{4}(\.\d{3})?$/)
            .optional(),
          /** Our summary. */
          summary: text,
        })
        .strict(),
    ),
    /** All mitigations, with the techniques each addresses (from ATLAS). */
    mitigations: z.array(
      z
        .object({
          /** e.g. AML.M0004 */
          id: atlasMitigationId,
          /** Current ATLAS name. */
          name: text,
          /** Names ATLAS used before. */
          formerNames: z.array(text).default([]),
          /** ATLAS's categories: Policy, Technical - ML, Technical - Cyber. */
          categories: z.array(text).default([]),
          /** ML lifecycle stages ATLAS lists for it. */
          lifecycle: z.array(text).default([]),
          /** Techniques it addresses. */
          techniques: z.array(atlasTechniqueId).min(1),
          /** Our summary. */
          summary: text,
        })
        .strict(),
    ),
    /** Case studies: real incidents and red-team exercises. */
    caseStudies: z.array(
      z
        .object({
          /** e.g. AML.CS0000 */
          id: z.string().regex(/^AML\.CS\d{4}$/),
          /** ATLAS's title. */
          name: text,
          /** A real-world incident or a research/red-team exercise. */
          type: z.enum(['incident', 'exercise']),
          /** Year or date of the incident as ATLAS gives it. */
          date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
          /** The system attacked. */
          target: text,
          /** Techniques in the order of the procedure. */
          techniques: z.array(atlasTechniqueId).min(1),
          /** Our summary. */
          summary: text,
        })
        .strict(),
    ),
    /**
     * Items a release removed, kept so old links, notes and submissions still lead somewhere.
     * ATLAS publishes no redirects, so `replacedBy` comes from its changelog (see the generator).
     */
    retired: z
      .array(
        z
          .object({
            /** The removed ID (a technique, sub-technique, tactic, mitigation or case study). */
            id: anyAtlasId,
            /** Its name when it was last published. */
            name: text,
            /** The last release that had it. */
            lastIn: text,
            /** The release that removed it, as ATLAS's changelog says, or the first release without it. */
            removedIn: text,
            /** Current IDs that took its place; empty when nothing did. */
            replacedBy: z.array(anyAtlasId),
          })
          .strict(),
      )
      .default([]),
    /** What changed from the previous release the site taught, computed by the generator. */
    changes: z
      .object({
        /** The previous release. */
        from: text,
        /** IDs new in this release. */
        added: z.array(z.string()),
        /** Items whose name changed. */
        renamed: z.array(z.object({ id: z.string(), from: text, to: text }).strict()),
        /** Techniques whose tactics changed. */
        tacticsChanged: z.array(
          z.object({ id: z.string(), added: z.array(atlasTacticId), removed: z.array(atlasTacticId) }).strict(),
        ),
        /** Techniques whose maturity changed. */
        maturityChanged: z.array(
          z.object({ id: z.string(), from: z.enum(MATURITIES), to: z.enum(MATURITIES) }).strict(),
        ),
        /** The matrix's column order before, when it changed. */
        previousTacticOrder: z.array(atlasTacticId).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const rmfFunctionId = z.enum(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);

export const rmfCatalogSchema = z
  .object({
    /** Which framework this file describes. */
    framework: z.literal('nist-ai-rmf'),
    /** AI RMF version. */
    version: z.literal('1.0'),
    /** Display title. */
    title: text,
    /** Where the IDs come from. */
    source: z.string().url(),
    /** License note. */
    license: text,
    /** The four functions. */
    functions: z.array(
      z
        .object({
          /** GOVERN, MAP, MEASURE or MANAGE. */
          id: rmfFunctionId,
          /** Two-letter code used by NIST AI 600-1 (GV, MP, MS, MG). */
          code: z.enum(['GV', 'MP', 'MS', 'MG']),
          /** Our short title. */
          title: text,
          /** Our summary. */
          summary: text,
        })
        .strict(),
    ),
    /** The 19 categories. */
    categories: z.array(
      z
        .object({
          /** e.g. "MEASURE 2" */
          id: z.string().regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d+$/),
          /** The function it belongs to. */
          function: rmfFunctionId,
          /** Our short title. */
          title: text,
          /** Our summary. */
          summary: text,
        })
        .strict(),
    ),
    /** The 72 subcategories. */
    subcategories: z.array(
      z
        .object({
          /** e.g. "MEASURE 2.7" */
          id: z.string().regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/),
          /** The category it belongs to. */
          category: z.string().regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d+$/),
          /** Our short title. */
          title: text,
          /** Our plain-language summary. */
          summary: text,
          /** What evidence of it looks like in practice. */
          evidence: text,
        })
        .strict(),
    ),
    /** The 12 risks of the Generative AI Profile (NIST AI 600-1). */
    genaiRisks: z.array(
      z
        .object({
          /** Position in NIST AI 600-1's list, 1-12. */
          number: z.number().int().min(1).max(12),
          /** NIST's name for the risk. */
          name: text,
          /** Our summary. */
          summary: text,
        })
        .strict(),
    ),
  })
  .strict();

/** An entry of an OWASP Top 10. */
const owaspItem = z
  .object({
    /** ID with its edition, e.g. LLM03:2026; Agentic IDs are ASI01..ASI10. */
    id: owaspId,
    /** OWASP's name. */
    name: text,
    /** Names used in earlier drafts or editions. */
    formerNames: z.array(text).default([]),
    /** The closest entry of the other LLM edition (2025 <-> 2026). */
    counterpart: owaspId.optional(),
    /** ATLAS techniques it corresponds to. */
    atlas: z.array(atlasTechniqueId).default([]),
    /** ATLAS IDs OWASP itself cites for the entry. */
    owaspCites: z.array(z.string()).default([]),
    /** Our summary. */
    summary: text,
  })
  .strict();

export const owaspCatalogSchema = z
  .object({
    /** Which list this file describes. */
    framework: z.enum(['owasp-ml', 'owasp-llm', 'owasp-agentic']),
    /** Edition(s) covered, e.g. "2026 (with 2025)". */
    version: text,
    /** Display title. */
    title: text,
    /** Where the IDs and names come from. */
    source: z.string().url(),
    /** License note. */
    license: text,
    /** The lists in this file, newest edition first. */
    editions: z
      .array(
        z
          .object({
            /** Edition year. */
            year: z.enum(['2023', '2025', '2026']),
            /** Whether this is the edition the site teaches as current. */
            current: z.boolean(),
            /** Display name of the edition. */
            title: text,
            /** The ten entries. */
            items: z.array(owaspItem).length(10),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** ML lifecycle stages STRIDE-AI threats are placed on. */
export const STAGES = ['data', 'training', 'model-artifacts', 'serving', 'downstream', 'monitoring'] as const;
const strideLetter = z.enum(['S', 'T', 'R', 'I', 'D', 'E']);

export const strideCatalogSchema = z
  .object({
    /** Which framework this file describes. */
    framework: z.literal('stride-ai'),
    /** Version of our synthesis. */
    version: text,
    /** Display title. */
    title: text,
    /** Primary source of the method. */
    source: z.string().url(),
    /** License note. */
    license: text,
    /** Works the synthesis rests on. */
    sources: z.array(text).min(1),
    /** The lifecycle stages, in pipeline order. */
    stages: z
      .array(
        z
          .object({
            /** Stage id. */ id: z.enum(STAGES),
            /** Display name. */ name: text,
            /** What it covers. */ description: text,
          })
          .strict(),
      )
      .length(STAGES.length),
    /** The six categories, S T R I D E. */
    categories: z
      .array(
        z
          .object({
            /** S, T, R, I, D or E. */
            letter: strideLetter,
            /** Spoofing, Tampering... */
            name: text,
            /** The security property the category violates. */
            property: text,
            /** What the category means for an AI system. */
            summary: text,
            /** Questions a threat modeler asks. */
            questions: z.array(text).min(3),
            /** AI-specific threats in the category. */
            threats: z
              .array(
                z
                  .object({
                    /** Stable id, unique across categories. */
                    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
                    /** Short name. */
                    name: text,
                    /** What it is, concretely. */
                    summary: text,
                    /** Where in the lifecycle it lands. */
                    stages: z.array(z.enum(STAGES)).min(1),
                    /** ATLAS techniques. */
                    atlas: z.array(atlasTechniqueId).min(1),
                    /** ATLAS mitigations. */
                    mitigations: z.array(atlasMitigationId).min(1),
                    /** OWASP items, with edition. */
                    owasp: z.array(owaspId).default([]),
                    /** Other categories the literature files it under, with why. */
                    alsoCategories: z
                      .array(z.object({ /** Letter. */ letter: strideLetter, /** Why. */ reason: text }).strict())
                      .default([]),
                  })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
      )
      .length(6),
  })
  .strict();

export const catalogFileSchema = z.discriminatedUnion('framework', [
  atlasCatalogSchema,
  rmfCatalogSchema,
  owaspCatalogSchema.extend({ framework: z.literal('owasp-ml') }),
  owaspCatalogSchema.extend({ framework: z.literal('owasp-llm') }),
  owaspCatalogSchema.extend({ framework: z.literal('owasp-agentic') }),
  strideCatalogSchema,
]);

export type AtlasCatalog = z.infer<typeof atlasCatalogSchema>;
export type RmfCatalog = z.infer<typeof rmfCatalogSchema>;
export type OwaspCatalog = z.infer<typeof owaspCatalogSchema>;
export type StrideCatalog = z.infer<typeof strideCatalogSchema>;
export type CatalogFile = z.infer<typeof catalogFileSchema>;
export type Stage = (typeof STAGES)[number];
