/**
 * The AI threat-pattern library as graders and the editor use it (validated at build time by
 * schema.ts, shipped inside answer keys). A pattern is a threat that recurs across AI systems;
 * keys reference patterns plus a scenario's specifics instead of owning private vocabularies.
 */
import type { StrideLetter } from '../exercises/stride/answers';

/** AND of ORs over concept ids. */
export type ConceptGroups = string[][];

export interface ThreatControl {
  id: string;
  name: string;
  phrasings: string[];
}

export interface ThreatPattern {
  id: string;
  name: string;
  summary: string;
  parent?: string | undefined;
  stride: Array<{ letter: StrideLetter; why: string }>;
  atlas: string[];
  owasp: string[];
  /** Any one alternative; each is an AND of OR-groups. */
  match: ConceptGroups[];
  controls: string[];
}

export interface PatternLibrary {
  concepts: Record<string, string[]>;
  controls: ThreatControl[];
  patterns: ThreatPattern[];
}

/** The reading a learner picks when their row is none of the library's patterns. */
export const OTHER_READING = 'other';
