/**
 * Content collections. Schemas live in src/lib/content/schema.ts so the Node CLIs and unit tests
 * validate content with the same rules as the build.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { yamlListLoader } from './data/yaml-list-loader';
import { catalogFileSchema } from './lib/catalog/schema';
import { rubricFileSchema } from './lib/exercises/rubric-file';
import {
  flashcardSchema,
  glossaryEntrySchema,
  interviewQuestionSchema,
  labSchema,
  lessonSchema,
  projectSchema,
  questionSchema,
  scenarioFileSchema,
  workshopSchema,
} from './lib/content/schema';

export const collections = {
  /** Lessons: content/lessons/<level>/<slug>.mdx; the id is "<level>/<slug>". */
  lessons: defineCollection({ loader: glob({ base: './content/lessons', pattern: '**/*.mdx' }), schema: lessonSchema }),
  /** The three practice projects: content/projects/<slug>.mdx. */
  projects: defineCollection({ loader: glob({ base: './content/projects', pattern: '*.mdx' }), schema: projectSchema }),
  /** Labs: content/labs/<exercise>.mdx, each a short system and one graded task. */
  labs: defineCollection({ loader: glob({ base: './content/labs', pattern: '*.mdx' }), schema: labSchema }),
  /** Systems under analysis: content/scenarios/<id>.yaml. */
  scenarios: defineCollection({
    loader: glob({ base: './content/scenarios', pattern: '*.yaml' }),
    schema: scenarioFileSchema,
  }),
  /** Answer keys, one per graded exercise: content/rubrics/<exercise>.yaml. */
  rubrics: defineCollection({
    loader: glob({ base: './content/rubrics', pattern: '*.yaml' }),
    schema: rubricFileSchema,
  }),
  /** Quiz items; each file in content/questions/ is a list. */
  questions: defineCollection({ loader: yamlListLoader('content/questions'), schema: questionSchema }),
  /** Interview questions; each file in content/interview/ is a list. */
  interview: defineCollection({ loader: yamlListLoader('content/interview'), schema: interviewQuestionSchema }),
  /** Hand-written flashcards; each file in content/flashcards/ is a list. */
  flashcards: defineCollection({ loader: yamlListLoader('content/flashcards'), schema: flashcardSchema }),
  /** Glossary: content/glossary.yaml, a list of terms. */
  glossary: defineCollection({ loader: file('content/glossary.yaml'), schema: glossaryEntrySchema }),
  /** Framework catalogs: content/catalog/<framework>.yaml (generated IDs, our summaries). */
  catalog: defineCollection({
    loader: glob({ base: './content/catalog', pattern: '*.yaml' }),
    schema: catalogFileSchema,
  }),
  /** Facilitator guides: content/workshops/<slug>.mdx. */
  workshops: defineCollection({
    loader: glob({ base: './content/workshops', pattern: '*.mdx' }),
    schema: workshopSchema,
  }),
};
