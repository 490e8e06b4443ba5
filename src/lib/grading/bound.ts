/**
 * A bound on what graders read, so grading stays quick at the editors' own limits (200 rows of
 * three 4,000-character fields): each field of a row or entry is read up to GRADED_CHARS
 * characters. That is far longer than any threat, impact or mitigation statement (a sentence or
 * two); the report says when a field was cut. Single fields (a report, a hardening plan) are read whole.
 */

import type { ExerciseKind, GradeOptions, KindTypes } from '../exercises/types';
import type { GradeReport } from './report';

/** Characters of a row's or entry's field that graders read: about 250 words. */
export const GRADED_CHARS = 1_500;

const cut = (text: string): string => {
  const head = text.slice(0, GRADED_CHARS);
  const space = head.search(/\s\S*$/);
  return space > GRADED_CHARS / 2 ? head.slice(0, space) : head;
};

/** `answers` with every string inside a list cut to GRADED_CHARS, and how many were cut. */
export function boundForGrading(answers: unknown): { value: unknown; cut: number } {
  let count = 0;
  const walk = (value: unknown, inList: boolean): unknown => {
    if (typeof value === 'string') {
      if (!inList || value.length <= GRADED_CHARS) return value;
      count += 1;
      return cut(value);
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, true));
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, inList)]));
    return value;
  };
  const value = walk(answers, false);
  return { value, cut: count };
}

/** The sentence a report adds when fields were cut. */
export function boundNote(count: number): string {
  return ` ${count} ${count === 1 ? 'field is' : 'fields are'} longer than ${GRADED_CHARS.toLocaleString('en')} characters: only the first ${GRADED_CHARS.toLocaleString('en')} of each were read. Say each threat, impact and mitigation in a sentence or two.`;
}

/** Grades with the bound: what both the browser and the CLIs call, so they agree to the digit. */
export function gradeBounded<T extends KindTypes>(
  kind: ExerciseKind<T>,
  rubric: T['rubric'],
  answers: T['answers'],
  context: T['context'],
  options?: GradeOptions,
): GradeReport {
  const bounded = boundForGrading(answers);
  if (bounded.cut === 0) return kind.grade(rubric, answers, context, options);
  const report = kind.grade(rubric, kind.check(bounded.value, 'answers'), context, options);
  return { ...report, verdict: report.verdict + boundNote(bounded.cut) };
}
