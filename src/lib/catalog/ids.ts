/**
 * The shapes of framework IDs, for normalising what learners type and for scanning text.
 * Shape only: whether an ID exists is the catalog's business (catalog.ts).
 */

/** Which framework family an ID-shaped string belongs to, by its shape. */
export type IdShape =
  | 'atlas-tactic'
  | 'atlas-technique'
  | 'atlas-mitigation'
  | 'atlas-case-study'
  | 'rmf-function'
  | 'rmf-category'
  | 'rmf-subcategory'
  | 'owasp-ml'
  | 'owasp-llm'
  | 'owasp-agentic';

export const RMF_FUNCTIONS = ['GOVERN', 'MAP', 'MEASURE', 'MANAGE'] as const;
export type RmfFunctionId = (typeof RMF_FUNCTIONS)[number];

const SHAPES: ReadonlyArray<readonly [IdShape, RegExp]> = [
  ['atlas-tactic', /^AML\.TA\d{4}$/],
  ['atlas-technique', /^AML\.T\d{4}(\.\d{3})?$/],
  ['atlas-mitigation', /^AML\.M\d{4}$/],
  ['atlas-case-study', /^AML\.CS\d{4}$/],
  ['rmf-subcategory', /^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/],
  ['rmf-category', /^(GOVERN|MAP|MEASURE|MANAGE) \d+$/],
  ['rmf-function', /^(GOVERN|MAP|MEASURE|MANAGE)$/],
  ['owasp-ml', /^ML\d{2}(:\d{4})?$/],
  ['owasp-llm', /^LLM\d{2}(:\d{4})?$/],
  ['owasp-agentic', /^ASI\d{2}$/],
];

/** The shape of an ID, or undefined when it looks like no framework ID. */
export function shapeOf(id: string): IdShape | undefined {
  return SHAPES.find(([, pattern]) => pattern.test(id))?.[0];
}

/**
 * Tidies what a learner typed: "aml.t0040" -> "AML.T0040", "measure2.7" -> "MEASURE 2.7",
 * "llm03:2026" -> "LLM03:2026", "asi1" -> "ASI01". Leaves other text trimmed but unchanged.
 */
export function normaliseId(input: string): string {
  const text = input.trim().replace(/\s+/g, ' ');
  const upper = text.toUpperCase();
  const atlas = /^AML\s*\.\s*(TA|T|M|CS)\s*(\d{1,4})(?:\s*\.\s*(\d{1,3}))?$/.exec(upper);
  if (atlas) {
    const [, prefix = '', number = '', sub] = atlas;
    return `AML.${prefix}${number.padStart(4, '0')}${sub === undefined ? '' : `.${sub.padStart(3, '0')}`}`;
  }
  const rmf = /^(GOVERN|MAP|MEASURE|MANAGE)\s*(\d+)(?:\s*\.\s*(\d+))?$/.exec(upper);
  if (rmf) return `${rmf[1]} ${rmf[2]}${rmf[3] === undefined ? '' : `.${rmf[3]}`}`;
  if (/^(GOVERN|MAP|MEASURE|MANAGE)$/.test(upper)) return upper;
  const owasp = /^(ML|LLM|ASI)\s*(\d{1,2})(?:\s*:\s*(\d{4}))?$/.exec(upper);
  if (owasp) return `${owasp[1]}${(owasp[2] ?? '').padStart(2, '0')}${owasp[3] === undefined ? '' : `:${owasp[3]}`}`;
  return text;
}

/** An ID-shaped string found in a text, with its position. */
export interface FoundId {
  id: string;
  shape: IdShape;
  index: number;
}

const SCAN =
  /\bAML\.(?:TA\d{4}|T\d{4}(?:\.\d{3})?|M\d{4}|CS\d{4})\b|\b(?:GOVERN|MAP|MEASURE|MANAGE) \d+(?:\.\d+)?\b|\b(?:ML|LLM)\d{2}(?::\d{4})?\b|\bASI\d{2}\b/g;

/** Every ID-shaped string in a text: ATLAS, AI RMF categories and subcategories, OWASP. */
export function scanIds(text: string): FoundId[] {
  const found: FoundId[] = [];
  for (const match of text.matchAll(SCAN)) {
    const shape = shapeOf(match[0]);
    if (shape) found.push({ id: match[0], shape, index: match.index });
  }
  return found;
}

/**
 * A technique's name as learners see it, looked up in `techniques`: a sub-technique's after its
 * parent's ("Publish Poisoned AI Artifacts: Models"); the ID itself when it is not there.
 */
export function techniqueFullName(id: string, techniques: ReadonlyArray<{ id: string; name: string }>): string {
  const nameOf = (key: string) => techniques.find((t) => t.id === key)?.name;
  const parent = /\.\d{3}$/.test(id) ? nameOf(id.slice(0, -4)) : undefined;
  return withParentName(nameOf(id) ?? id, parent);
}

/** A sub-technique's name as learners see it, after its parent's ("LLM Prompt Injection: Indirect"). */
export function withParentName(name: string, parentName: string | undefined): string {
  return parentName && !name.startsWith(`${parentName}:`) ? `${parentName}: ${name}` : name;
}
