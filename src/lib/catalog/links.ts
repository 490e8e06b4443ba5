/**
 * Where each catalog item lives on the site (site-relative paths, without the deploy base).
 * One place, so components, pages, search results and feedback all link the same way.
 */
import { shapeOf } from './ids';

/** "MEASURE 2.7" -> "measure-2-7", "LLM03:2026" -> "llm03-2026": anchors within list pages. */
export function anchorFor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export const REFERENCE_PATHS = {
  index: '/reference/',
  atlas: '/reference/atlas/',
  rmf: '/reference/ai-rmf/',
  genai: '/reference/ai-rmf/genai-profile/',
  owaspMl: '/reference/owasp/ml-top-10/',
  owaspLlm: '/reference/owasp/llm-top-10/',
  owaspAgentic: '/reference/owasp/agentic-top-10/',
  stride: '/reference/stride-ai/',
  glossary: '/reference/glossary/',
  whatChanged: '/reference/what-changed/',
} as const;

export function rmfFunctionPath(functionId: string): string {
  return `${REFERENCE_PATHS.rmf}${functionId.toLowerCase()}/`;
}

/** The page (and anchor) of any catalog ID; the reference index for anything else. */
export function hrefForId(id: string): string {
  switch (shapeOf(id)) {
    case 'atlas-tactic':
      return `${REFERENCE_PATHS.atlas}tactics/${id}/`;
    case 'atlas-technique':
      return `${REFERENCE_PATHS.atlas}techniques/${id}/`;
    case 'atlas-mitigation':
      return `${REFERENCE_PATHS.atlas}mitigations/${id}/`;
    case 'atlas-case-study':
      return `${REFERENCE_PATHS.atlas}case-studies/${id}/`;
    case 'rmf-function':
      return rmfFunctionPath(id);
    case 'rmf-category':
    case 'rmf-subcategory':
      return `${rmfFunctionPath(id.split(' ')[0] ?? '')}#${anchorFor(id)}`;
    case 'owasp-ml':
      return `${REFERENCE_PATHS.owaspMl}#${anchorFor(id)}`;
    case 'owasp-llm':
      return `${REFERENCE_PATHS.owaspLlm}#${anchorFor(id)}`;
    case 'owasp-agentic':
      return `${REFERENCE_PATHS.owaspAgentic}#${anchorFor(id)}`;
    default:
      return REFERENCE_PATHS.index;
  }
}

/** Anchor of a STRIDE-AI category ("spoofing") or threat ("threat-model-inversion"). */
export function strideAnchor(name: string): string {
  return anchorFor(name);
}

export function strideThreatAnchor(threatId: string): string {
  return `threat-${threatId}`;
}
