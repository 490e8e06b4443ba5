/**
 * Any answer key (content/rubrics/<exercise>.yaml): its `kind` says which schema reads it, and the
 * registry must list its exercise under that kind. Build and CLI only (zod never ships to the browser).
 */
import { z } from 'zod';
import { atlasRubricSchema, type AtlasRubric } from './atlas/rubric';
import { EXERCISE_IDS, EXERCISES, isExerciseId, isKindId, KIND_IDS, type KindId } from './registry';
import { rmfRubricSchema, type RmfRubric } from './rmf/rubric';
import type { PatternLibrary } from '../patterns/types';
import { strideKey, strideRubricSchema, type StrideRubric } from './stride/rubric';

/** Each kind's answer key type. */
export interface RubricByKind {
  'stride-table': StrideRubric;
  'rmf-gap': RmfRubric;
  'atlas-chain': AtlasRubric;
}

/** One schema per kind; the mapped type makes a new kind without its schema a compile error. */
const RUBRIC_SCHEMAS: { [K in KindId]: z.ZodType<RubricByKind[K], z.ZodTypeDef, unknown> } = {
  'stride-table': strideRubricSchema,
  'rmf-gap': rmfRubricSchema,
  'atlas-chain': atlasRubricSchema,
};

export type RubricFile = RubricByKind[KindId];

/**
 * An answer key as graders receive it: the file, with the threat-pattern library it reads free
 * text through (served inside rubric.json; attached by `answerKey` at build time and in the CLIs).
 */
export type AnswerKey = RubricFile & { library: PatternLibrary };

/** Attaches the library to a key, checking that a STRIDE key's references resolve in it. */
export function answerKey(rubric: RubricFile, library: PatternLibrary): AnswerKey {
  switch (rubric.kind) {
    case 'stride-table':
      return strideKey(rubric, library);
    case 'rmf-gap':
    case 'atlas-chain':
      return { ...rubric, library };
    default: {
      const unknown: never = rubric;
      throw new Error(`Unexpected answer key kind: ${JSON.stringify(unknown)}`);
    }
  }
}

export const rubricFileSchema = z.unknown().transform((value, ctx): RubricFile => {
  const fields = typeof value === 'object' && value !== null ? (value as { kind?: unknown; exercise?: unknown }) : {};
  const { kind, exercise } = fields;
  if (!isKindId(kind)) {
    ctx.addIssue({ code: 'custom', path: ['kind'], message: `should be one of ${KIND_IDS.join(', ')}` });
    return z.NEVER;
  }
  if (!isExerciseId(exercise)) {
    ctx.addIssue({
      code: 'custom',
      path: ['exercise'],
      message: `should be an exercise the registry lists (${EXERCISE_IDS.join(', ')}); add it to src/lib/exercises/registry.ts`,
    });
    return z.NEVER;
  }
  if (EXERCISES[exercise] !== kind) {
    ctx.addIssue({
      code: 'custom',
      path: ['kind'],
      message: `is "${kind}", but the registry lists ${exercise} as "${EXERCISES[exercise]}"`,
    });
    return z.NEVER;
  }
  const parsed = RUBRIC_SCHEMAS[kind].safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue(issue);
  return z.NEVER;
});
