/** The framework editions the site teaches. Shown in the footer and on reference pages. */
export interface FrameworkVersion {
  /** Short name as used in running text. */
  name: string;
  /** The edition pinned by this site. */
  version: string;
}

export const FRAMEWORK_VERSIONS: readonly FrameworkVersion[] = [
  { name: 'MITRE ATLAS', version: '2026.09' },
  { name: 'NIST AI RMF', version: '1.0, with the Generative AI Profile (NIST AI 600-1)' },
  { name: 'OWASP Machine Learning Security Top 10', version: '2023' },
  { name: 'OWASP Top 10 for LLM Applications', version: '2026 (2025 IDs shown beside)' },
  { name: 'OWASP Top 10 for Agentic Applications', version: '2026' },
];
