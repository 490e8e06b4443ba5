/**
 * Filtering the ATLAS matrix by text and maturity. Pure, so the page script stays a thin layer
 * over the server-rendered matrix and the rules are unit-tested.
 */
import type { Maturity } from './maturity';

/** What the learner asked for. */
export interface MatrixFilter {
  /** Free text: words that must all appear in an item's ID, name or former names. */
  query: string;
  /** Maturity levels to show; all of them when every box is ticked. */
  maturities: ReadonlySet<Maturity>;
}

/** A technique as the filter sees it. */
export interface FilterableTechnique {
  /** Lower-case text to search: ID, name, former names. */
  haystack: string;
  maturity: Maturity;
}

/** Text to search for an item, built once when the page renders. */
export function haystackFor(id: string, name: string, formerNames: readonly string[]): string {
  // "aml.t0040" and "t0040" both find AML.T0040.
  return [id, id.replace(/^AML\./, ''), name, ...formerNames].join(' ').toLowerCase();
}

export function queryTokens(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
}

export function matchesTechnique(
  item: FilterableTechnique,
  tokens: readonly string[],
  maturities: ReadonlySet<Maturity>,
): boolean {
  return maturities.has(item.maturity) && tokens.every((token) => item.haystack.includes(token));
}
