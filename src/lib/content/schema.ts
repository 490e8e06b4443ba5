/**
 * Schemas for everything in content/. Strict: an unknown key (a typo) or a bad value fails the
 * build, and the Node CLIs validate with the same objects. Kept free of Astro imports so that
 * scripts and unit tests can use them; src/content.config.ts wires them to collections.
 */
import { z } from 'zod';
import { EXERCISE_IDS, isExerciseId } from '../exercises/registry';

/** Lesson levels, in the order the Learn page shows them. */
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

/** A kebab-case slug: lowercase letters, digits and single hyphens. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and hyphens (kebab-case)');

/** A lesson reference: "<level>/<slug>", e.g. "beginner/start-here". */
export const lessonRef = z
  .string()
  .regex(/^(beginner|intermediate|advanced)\/[a-z0-9]+(-[a-z0-9]+)*$/, 'Write a lesson as "<level>/<slug>", e.g. "beginner/start-here"');

/** An exercise the registry lists (src/lib/exercises/registry.ts). */
export const exerciseId = z.string().refine(isExerciseId, { message: `should be an exercise the registry lists (${EXERCISE_IDS.join(', ')})` });

const sentence = z.string().trim().min(3);

/** Frontmatter of a lesson (content/lessons/<level>/<slug>.mdx). */
export const lessonSchema = z
  .object({
    /** Page title; also the link text in lists, navigation and search. */
    title: z.string().trim().min(3).max(90),
    /** One or two sentences for the lesson list and the meta description. */
    description: z.string().trim().min(20).max(240),
    /** Position within its level, starting at 1. */
    order: z.number().int().positive(),
    /** Estimated minutes to read the lesson and do its checks. */
    minutes: z.number().int().min(1).max(240),
    /** What the learner will be able to do afterwards; shown first on the page. */
    objectives: z.array(sentence).min(1).max(8),
    /** Lessons to read first. */
    prerequisites: z.array(lessonRef).default([]),
    /** When the content was last checked for accuracy (YYYY-MM-DD). */
    updated: z.coerce.date(),
  })
  .strict();

/** Frontmatter of a practice project (content/projects/<slug>.mdx). */
export const projectSchema = z
  .object({
    /** Page title. */
    title: z.string().trim().min(3).max(90),
    /** One or two sentences for lists and the meta description. */
    description: z.string().trim().min(20).max(240),
    /** The exercise this project grades; also the submission's `exercise`. */
    exercise: exerciseId,
    /** Level the project belongs to on the Learn path. */
    level: z.enum(LEVELS),
    /** Estimated minutes to complete all steps. */
    minutes: z.number().int().min(5).max(600),
    /** What the learner practices. */
    objectives: z.array(sentence).min(1).max(8),
    /** Lessons that prepare for the project. */
    prerequisites: z.array(lessonRef).default([]),
    /** When the content was last checked for accuracy. */
    updated: z.coerce.date(),
  })
  .strict();

/** The system architectures labs cover; the lab list filters by them. */
export const ARCHITECTURES = {
  'rag-assistant': 'RAG assistant',
  'coding-agent': 'Coding agent',
  'multi-agent': 'Multi-agent system',
  'multimodal-assistant': 'Multimodal assistant',
  'nlp-classifier': 'NLP classifier',
  recommender: 'Recommender',
  'federated-learning': 'Federated learning',
  'edge-vision': 'Edge vision model',
  'fine-tuning-pipeline': 'Fine-tuning pipeline',
  'credit-scoring': 'Credit scoring',
  'speech-assistant': 'Speech assistant',
  'browsing-agent': 'Web-browsing agent',
} as const;
export type Architecture = keyof typeof ARCHITECTURES;

/** Frontmatter of a lab (content/labs/<exercise>.mdx): one short system, one graded task. */
export const labSchema = z
  .object({
    /** Page title, without "Lab:" (the page adds it). */
    title: z.string().trim().min(3).max(80),
    /** One or two sentences for the lab list and the meta description. */
    description: z.string().trim().min(20).max(240),
    /** The exercise this lab grades; also the file name and the submission's `exercise`. */
    exercise: exerciseId,
    /** Difficulty, and where the lab sits on the Learn path. */
    level: z.enum(LEVELS),
    /** Estimated minutes: labs are short. */
    minutes: z.number().int().min(10).max(30),
    /** The kind of system, for the lab list's filter. */
    architecture: z.enum(Object.keys(ARCHITECTURES) as [Architecture, ...Architecture[]]),
    /** The one idea the lab practises, a few words for the list. */
    topic: z.string().trim().min(3).max(60),
    /** What the learner practises. */
    objectives: z.array(sentence).min(1).max(5),
    /** The lesson that prepares the lab; the Learn path lists the lab right after it. */
    preparedBy: lessonRef,
    /** When the content was last checked for accuracy. */
    updated: z.coerce.date(),
  })
  .strict();

/** Frontmatter of a facilitator guide (content/workshops/<slug>.mdx). */
export const workshopSchema = z
  .object({
    /** Page title. */
    title: z.string().trim().min(3).max(90),
    /** One or two sentences for lists and the meta description. */
    description: z.string().trim().min(20).max(240),
    /** The practice project the workshop runs, if any. */
    exercise: exerciseId.optional(),
    /** Who the workshop is for. */
    audience: sentence,
    /** Agenda variants offered, in minutes. */
    durations: z.array(z.number().int().min(30).max(480)).min(1),
    /** When the content was last checked. */
    updated: z.coerce.date(),
  })
  .strict();

/** A point on the data-flow diagram canvas (1000 x 620; boxes are 170 x 64). */
const position = {
  /** Left edge on the diagram. */
  x: z.number().int().min(0).max(830),
  /** Top edge on the diagram. */
  y: z.number().int().min(0).max(556),
};

/** A component of a scenario's system, as drawn in its data-flow diagram. */
export const scenarioComponentSchema = z
  .object({
    /** Stable id used by submissions (e.g. "inference-api"). */
    id: slug,
    /** Display name. */
    name: z.string().trim().min(2),
    /** Data-flow-diagram element type. */
    kind: z.enum(['process', 'store', 'actor', 'external']),
    /** What it is and does, in a sentence or two. */
    description: sentence,
    /** Trust zone the component sits in. */
    zone: slug,
    ...position,
  })
  .strict();

const labeled = z.object({ /** Short label. */ label: z.string().trim().min(2), /** The text. */ text: sentence }).strict();
const choice = z.object({ /** Id used in submissions. */ id: slug, /** Display name. */ name: z.string().trim().min(2), /** One line. */ description: sentence }).strict();
const questionsPerCategory = z
  .object({ S: sentence, T: sentence, R: sentence, I: sentence, D: sentence, E: sentence })
  .strict()
  .describe('One guiding question per STRIDE category');

/** A system under analysis from its model card (content/scenarios/<id>.yaml). Always synthetic. */
/** What every scenario has: the story, the organization and the system's description. */
const scenarioBase = {
  /** Display title. */
  title: z.string().trim().min(3),
  /** Scenarios are invented for teaching; the page says so. Must be true. */
  synthetic: z.literal(true),
  /** A paragraph that sets the scene. */
  summary: sentence,
  /** The fictional organization and who owns the system. */
  organization: sentence,
  /** The system description, paragraph by paragraph. */
  description: z.array(sentence).min(1),
};

/** The system as its data-flow diagram draws it. */
const systemDiagram = {
  /** The system's parts. */
  components: z.array(scenarioComponentSchema).min(1),
  /** People and outside systems on the diagram. */
  actors: z.array(z.object({ /** Id. */ id: slug, /** Name. */ name: z.string().trim().min(2), /** Who they are. */ description: sentence, ...position }).strict()).default([]),
  /** Data flows between components and actors. */
  flows: z.array(z.object({ /** Source id. */ from: slug, /** Target id. */ to: slug, /** What moves along the flow. */ data: sentence }).strict()).default([]),
  /** Trust boundaries, with the flows that cross them ("from->to"). */
  trustBoundaries: z
    .array(z.object({ /** Id. */ id: slug, /** Name. */ name: z.string().trim().min(2), /** What separates the two sides. */ description: sentence, /** Flows crossing it. */ crossedBy: z.array(z.string()).min(1) }).strict())
    .default([]),
};

type Diagram = { [K in keyof typeof systemDiagram]: z.infer<(typeof systemDiagram)[K]> };

/** Every flow joins known parts, and every boundary names real flows. */
function checkDiagram(scenario: Diagram, ctx: z.RefinementCtx): void {
  const ids = new Set([...scenario.components.map((c) => c.id), ...scenario.actors.map((a) => a.id)]);
  scenario.flows.forEach((flow, i) => {
    for (const end of [flow.from, flow.to]) if (!ids.has(end)) ctx.addIssue({ code: 'custom', path: ['flows', i], message: `"${end}" is not a component or actor` });
  });
  const flows = new Set(scenario.flows.map((f) => `${f.from}->${f.to}`));
  scenario.trustBoundaries.forEach((b, i) =>
    b.crossedBy.forEach((f, j) => {
      if (!flows.has(f)) ctx.addIssue({ code: 'custom', path: ['trustBoundaries', i, 'crossedBy', j], message: `"${f}" is not a flow` });
    }),
  );
}

/** A system under analysis from its model card (content/scenarios/<id>.yaml). Always synthetic. */
export const scenarioSchema = z
  .object({
    /** Scenario kind: a system described by a model card and a data-flow diagram (Project 1). */
    kind: z.literal('model-card'),
    ...scenarioBase,
    /** The model card, by section (Mitchell et al. 2019). */
    modelCard: z.array(z.object({ /** Section heading. */ heading: z.string().trim().min(2), /** Labeled entries. */ items: z.array(labeled).min(1) }).strict()).min(1),
    ...systemDiagram,
    /** What the decomposition step offers: the real parts plus distractors. */
    decompositionChoices: z.object({ /** Component choices. */ components: z.array(choice).min(1), /** Boundary choices. */ boundaries: z.array(choice).default([]) }).strict(),
    /** Guiding questions per component and STRIDE category. */
    questions: z.record(slug, questionsPerCategory),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    checkDiagram(scenario, ctx);
    for (const c of scenario.components) if (!scenario.questions[c.id]) ctx.addIssue({ code: 'custom', path: ['questions'], message: `no questions for component "${c.id}"` });
  });

/** An AI RMF subcategory ID such as "MEASURE 2.7" (checked against the catalog by the content tests). */
export const rmfSubcategoryId = z.string().regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/, 'Write a subcategory as "MEASURE 2.7"');

/** Topics a dossier fact belongs to, for grouping on the page. */
export const DOSSIER_TOPICS = ['governance', 'people', 'data', 'model', 'testing', 'operations', 'vendor', 'legal'] as const;

/**
 * An organization's current practice around an AI system, as fact cards the learner cites as
 * evidence (Project 2). Always synthetic.
 */
export const dossierScenarioSchema = z
  .object({
    /** Scenario kind: a dossier of current practice, assessed against the AI RMF. */
    kind: z.literal('dossier'),
    ...scenarioBase,
    ...systemDiagram,
    /** The organization's stated risk appetite, by area. */
    riskAppetite: z.array(labeled).min(2),
    /** Laws and commitments that apply, with what they require here. */
    obligations: z.array(z.object({ /** Id. */ id: slug, /** Name, e.g. "EU AI Act, Art. 50(1)". */ name: z.string().trim().min(3), /** What it requires of this system. */ text: sentence }).strict()).min(2),
    /** Step 1 offers these contexts of use; the answer key says which shape risk here. */
    contexts: z.array(choice).min(6),
    /** The fact cards, each with a stable id learners cite. */
    dossier: z
      .array(
        z
          .object({
            /** Stable id cited as evidence, e.g. "logs-unredacted". */
            id: slug,
            /** Grouping on the page. */
            topic: z.enum(DOSSIER_TOPICS),
            /** A short title. */
            title: z.string().trim().min(3).max(90),
            /** What is true today, in one to three sentences. */
            text: sentence,
            /** Where the fact comes from (a document, an interview), for realism. */
            source: z.string().trim().min(3),
          })
          .strict(),
      )
      .min(10),
    /** Step 2: the subcategories in scope, each with a guiding question (a project's has 15 or more, a lab's fewer). */
    scope: z.array(z.object({ /** Subcategory ID. */ subcategory: rmfSubcategoryId, /** What to ask of the dossier. */ question: sentence }).strict()).min(6),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const unique = (values: string[], path: string) => {
      const seen = new Set<string>();
      for (const v of values) {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [path], message: `"${v}" appears twice` });
        seen.add(v);
      }
    };
    unique(scenario.dossier.map((f) => f.id), 'dossier');
    unique(scenario.contexts.map((c) => c.id), 'contexts');
    unique(scenario.scope.map((s) => s.subcategory), 'scope');
    for (const fn of ['GOVERN', 'MAP', 'MEASURE', 'MANAGE']) {
      if (!scenario.scope.some((s) => s.subcategory.startsWith(`${fn} `))) ctx.addIssue({ code: 'custom', path: ['scope'], message: `has no ${fn} subcategory; cover all four functions` });
    }
    checkDiagram(scenario, ctx);
  });

/**
 * A system the learner attacks in the in-browser cyber range (Project 3): the engagement, the
 * adversary to emulate, the model's inputs, and the rules-of-engagement options step 2 offers.
 * Always synthetic.
 */
export const rangeScenarioSchema = z
  .object({
    /** Scenario kind: an adversarial simulation in the cyber range. */
    kind: z.literal('range'),
    ...scenarioBase,
    ...systemDiagram,
    /** Who commissioned the exercise, its objective, window and contacts. */
    engagement: z.array(labeled).min(3),
    /** The adversary the red team emulates: motive, assets, constraints. */
    adversary: z.array(labeled).min(3),
    /** The fraud model's inputs as the card processor describes them. */
    features: z.array(z.object({ /** Feature name. */ name: z.string().trim().min(2), /** What it measures and who controls it. */ description: sentence }).strict()).min(8),
    /** Step 2 offers these rules-of-engagement and safety choices; the answer key says which belong. */
    roeChoices: z.array(choice).min(8),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const ids = scenario.roeChoices.map((c) => c.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['roeChoices'], message: 'choice ids must be unique' });
    checkDiagram(scenario, ctx);
  });

/**
 * An incident on an AI system, as the responders wrote it up (an ATLAS lab): the system, then what
 * happened in time order and what the investigation found. The learner tags it with the ATLAS
 * techniques the attacker used, in order. Always synthetic.
 */
export const incidentScenarioSchema = z
  .object({
    /** Scenario kind: an incident write-up to tag with ATLAS techniques. */
    kind: z.literal('incident'),
    ...scenarioBase,
    ...systemDiagram,
    /** How the incident came to light, in a sentence or two. */
    detection: sentence,
    /** What happened, in time order, as the responders reconstructed it. */
    timeline: z.array(z.object({ /** When, as the report gives it ("Day 2, 14:05"). */ when: z.string().trim().min(2).max(40), /** What happened then. */ text: sentence }).strict()).min(6),
    /** What the investigation found: logs, artifacts, configuration. */
    findings: z.array(labeled).min(2),
  })
  .strict()
  .superRefine((scenario, ctx) => checkDiagram(scenario, ctx));

export type ModelCardScenario = z.infer<typeof scenarioSchema>;
export type DossierScenario = z.infer<typeof dossierScenarioSchema>;
export type RangeScenario = z.infer<typeof rangeScenarioSchema>;
export type IncidentScenario = z.infer<typeof incidentScenarioSchema>;
export type ScenarioFile = ModelCardScenario | DossierScenario | RangeScenario | IncidentScenario;

/** Any scenario file: its `kind` says which schema applies ("model-card", "dossier", "range" or "incident"). */
export const scenarioFileSchema = z.unknown().transform((value, ctx): ScenarioFile => {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  const parsed =
    kind === 'dossier' ? dossierScenarioSchema.safeParse(value) : kind === 'range' ? rangeScenarioSchema.safeParse(value) : kind === 'incident' ? incidentScenarioSchema.safeParse(value) : scenarioSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue(issue);
  return z.NEVER;
});

const questionBase = {
  /** Stable id, unique across content/questions; answers are saved under it, so never reuse one. */
  id: slug,
  /** The question as shown, in plain text. */
  prompt: sentence,
  /** Why the right answer is right; shown after answering. */
  explanation: sentence,
};

/** An option of a choice question. */
const choiceOption = z
  .object({
    /** Option text. */
    text: sentence,
    /** Feedback when the learner picks this option: why it is right or wrong. */
    feedback: sentence.optional(),
  })
  .strict();

/** A quiz item (content/questions/<lesson-slug>.yaml holds a list of them). */
export const questionSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        ...questionBase,
        /** One right option. */
        type: z.literal('single'),
        /** The options; the page shows them in a fixed shuffle (displayOrder), so list them in any order. */
        options: z.array(choiceOption).min(2).max(8),
        /** Index of the right option (0-based). */
        answer: z.number().int().min(0),
      })
      .strict(),
    z
      .object({
        ...questionBase,
        /** Several right options. */
        type: z.literal('multiple'),
        /** The options; the page shows them in a fixed shuffle (displayOrder), so list them in any order. */
        options: z.array(choiceOption).min(2).max(10),
        /** Indexes of the right options (0-based). */
        answer: z.array(z.number().int().min(0)).min(1),
      })
      .strict(),
    z
      .object({
        ...questionBase,
        /** Put items in order. */
        type: z.literal('order'),
        /** Items in the right order; shown shuffled. */
        items: z.array(sentence).min(3).max(8),
        /**
         * Neighbouring items whose order is defensible either way, as pairs of item indexes
         * [k, k + 1]; say why in the explanation. Pairs may not share an item.
         */
        either: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)])).max(3).optional(),
      })
      .strict(),
    z
      .object({
        ...questionBase,
        /** Assign each item to a category. */
        type: z.literal('classify'),
        /** Category labels. */
        categories: z.array(z.string().trim().min(1)).min(2).max(8),
        /** Items with the index of their category (0-based); shown in a fixed shuffle, so list them in any order. */
        items: z.array(z.object({ /** Item text. */ text: sentence, /** Category index. */ category: z.number().int().min(0) }).strict()).min(2).max(10),
      })
      .strict(),
    z
      .object({
        ...questionBase,
        /** Short free text, graded by the concept matcher. */
        type: z.literal('text'),
        /** What the answer must mention: each inner list is a set of synonyms, and every list is needed. */
        concepts: z.array(z.array(z.string().trim().min(2)).min(1)).min(1),
        /** A model answer shown after answering. */
        model: sentence,
      })
      .strict(),
  ])
  .superRefine((q, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (q.type === 'single' && q.answer >= q.options.length) issue(['answer'], `is ${q.answer}, but there are only ${q.options.length} options`);
    if (q.type === 'multiple') {
      q.answer.forEach((a, i) => {
        if (a >= q.options.length) issue(['answer', i], `is ${a}, but there are only ${q.options.length} options`);
      });
      if (new Set(q.answer).size !== q.answer.length) issue(['answer'], 'lists an option twice');
    }
    if (q.type === 'classify') {
      q.items.forEach((item, i) => {
        if (item.category >= q.categories.length) issue(['items', i, 'category'], `is ${item.category}, but there are only ${q.categories.length} categories`);
      });
    }
    if (q.type === 'order' && new Set(q.items).size !== q.items.length) issue(['items'], 'has the same item twice, so its order is ambiguous');
    if (q.type === 'order') {
      const seen = new Set<number>();
      (q.either ?? []).forEach(([a, b], i) => {
        if (b !== a + 1 || b >= q.items.length) issue(['either', i], `is [${a}, ${b}]; a pair names two neighbouring items [k, k + 1] of the ${q.items.length}`);
        if (seen.has(a) || seen.has(b)) issue(['either', i], 'shares an item with another pair; pairs may not overlap');
        seen.add(a).add(b);
      });
    }
  });

/** Interview question (content/interview/*.yaml holds a list of them). */
export const interviewQuestionSchema = z
  .object({
    /** Stable id. */
    id: slug,
    /** Seniority the question suits. */
    level: z.enum(LEVELS),
    /** Topic used for filtering drills. */
    topic: z.enum(['stride-ai', 'atlas', 'ai-rmf', 'owasp', 'llm-agents', 'mlops', 'regulation', 'program', 'scenario']),
    /** The question as asked. */
    question: sentence,
    /** What the interviewer is testing. */
    testing: sentence,
    /** How to structure a strong answer. */
    strategy: sentence,
    /** Key points a strong answer covers; each is a label and synonym groups the matcher checks. */
    keyPoints: z
      .array(z.object({ /** Shown to the learner. */ label: sentence, /** Synonym groups, all required. */ concepts: z.array(z.array(z.string().min(2)).min(1)).min(1) }).strict())
      .min(2),
    /** Outline of a model answer. */
    outline: z.array(sentence).min(2),
    /** Common pitfalls. */
    pitfalls: z.array(sentence).default([]),
    /** Likely follow-up questions. */
    followUps: z.array(sentence).default([]),
  })
  .strict();

/** A hand-written flashcard (content/flashcards/*.yaml hold lists of them). */
export const flashcardSchema = z
  .object({
    /** Stable id: review history is kept under it, so never reuse one. */
    id: slug,
    /** The prompt side. */
    front: sentence.max(300),
    /** The answer side, in our words. */
    back: sentence.max(600),
    /** A site path with the details, if any. */
    see: z.string().regex(/^\/[a-z0-9/#._:-]*$/i).optional(),
  })
  .strict();

/** A glossary entry (content/glossary.yaml is a list of them). */
export const glossaryEntrySchema = z
  .object({
    /** Anchor id on the glossary page (kebab-case). */
    id: slug,
    /** The term as displayed. */
    term: z.string().trim().min(2),
    /** Our definition: one to three sentences. */
    definition: sentence.max(600),
    /** Other names a learner may meet. */
    aliases: z.array(z.string().trim().min(2)).default([]),
    /** Related glossary ids. */
    related: z.array(slug).default([]),
  })
  .strict();

export type LessonData = z.infer<typeof lessonSchema>;
export type ProjectData = z.infer<typeof projectSchema>;
export type LabData = z.infer<typeof labSchema>;
export type QuestionData = z.infer<typeof questionSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type InterviewQuestion = z.infer<typeof interviewQuestionSchema>;
export type HandFlashcard = z.infer<typeof flashcardSchema>;
