/**
 * Quiz questions in the browser: what a learner's response looks like for each question type,
 * whether a saved response still fits the question (content may have changed since), and how a
 * response is graded. Choice, order and classify questions are graded here; free text needs the
 * concept matcher, which lives in text-check.ts so pages load it only when a text check runs.
 */
import { assertNever } from '../assert-never';
import type { QuestionData } from '../content/schema';
import { MAX_TEXT } from './record';

export { MAX_TEXT };

export type Question = QuestionData;
export type QuestionType = Question['type'];

/**
 * A response: the chosen option (single), the chosen options (multiple), item indexes in the
 * order shown (order), the category index of each item, -1 for none yet (classify), or text.
 */
export type Response = number | number[] | string;

/** Per option or item: is the learner's choice right, wrong, or not judged (not chosen). */
export type Mark = 'right' | 'wrong' | null;

/** The result of checking a response. */
export interface Verdict {
  correct: boolean;
  /** One sentence on how close the response was, e.g. "3 of 5 items are in the right place." */
  summary: string;
  /** Marks by option (single, multiple), by position (order) or by item (classify). */
  marks: Mark[];
  /** Text questions: for each concept group, whether the answer covers it. */
  covered?: boolean[];
  /**
   * Partial credit, 0..1, where a question gives it (order: the share of pairs of items in order);
   * absent means all or nothing.
   */
  credit?: number;
}

/** A small deterministic hash of a string (FNV-1a), used to seed shuffles. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A permutation of 0..count-1, the same for the same seed text on every visit, server and client. */
export function seededShuffle(seedText: string, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let seed = hash(seedText) || 1;
  for (let i = count - 1; i > 0; i--) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    const j = (seed >>> 0) % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * The order an order question's items are first shown in: shuffled, the same on every visit and
 * on server and client (seeded by the question id), and never already solved.
 */
export function initialOrder(id: string, count: number): number[] {
  const order = seededShuffle(id, count);
  if (order.every((v, i) => v === i)) order.push(order.shift() as number);
  return order;
}

/**
 * The order a choice question's options, or a classify question's items, are shown in: content
 * lists the right answer anywhere (usually first), so the page shows a fixed shuffle seeded by
 * the question id. Everyone sees the same order, so a workshop can talk about "option C", and
 * responses keep the content's indexes, so answers saved before the shuffle still mean the same.
 */
export function displayOrder(question: Question): number[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return seededShuffle(`${question.id}:options`, question.options.length);
    case 'classify':
      return seededShuffle(`${question.id}:items`, question.items.length);
    case 'order':
      return initialOrder(question.id, question.items.length);
    case 'text':
      return [];
    default:
      return assertNever(question);
  }
}

/** The response a question starts with. */
export function emptyResponse(question: Question): Response {
  switch (question.type) {
    case 'single':
      return -1;
    case 'multiple':
      return [];
    case 'order':
      return initialOrder(question.id, question.items.length);
    case 'classify':
      return question.items.map(() => -1);
    case 'text':
      return '';
    default:
      return assertNever(question);
  }
}

const isIndex = (value: unknown, below: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < below;

/** Whether a saved response is one this question can hold (a changed question drops old answers). */
export function fitsQuestion(question: Question, response: unknown): response is Response {
  switch (question.type) {
    case 'single':
      return response === -1 || isIndex(response, question.options.length);
    case 'multiple':
      return (
        Array.isArray(response) &&
        response.every((r) => isIndex(r, question.options.length)) &&
        new Set(response).size === response.length
      );
    case 'order':
      return (
        Array.isArray(response) &&
        response.length === question.items.length &&
        response.every((r) => isIndex(r, question.items.length)) &&
        new Set(response).size === response.length
      );
    case 'classify':
      return (
        Array.isArray(response) &&
        response.length === question.items.length &&
        response.every((r) => r === -1 || isIndex(r, question.categories.length))
      );
    case 'text':
      return typeof response === 'string' && response.length <= MAX_TEXT;
    default:
      return assertNever(question);
  }
}

/** What is missing before the response can be checked, or null when it can be. */
export function missingInput(question: Question, response: Response): string | null {
  switch (question.type) {
    case 'single':
      return response === -1 ? 'Choose an answer first.' : null;
    case 'multiple':
      return Array.isArray(response) && response.length > 0 ? null : 'Choose at least one answer first.';
    case 'order':
      return null;
    case 'classify': {
      const open = Array.isArray(response) ? response.filter((r) => r === -1).length : question.items.length;
      return open === 0 ? null : `Place every item first (${open} left).`;
    }
    case 'text':
      return typeof response === 'string' && response.trim().split(/\s+/).length >= 3
        ? null
        : 'Write a sentence or two first.';
    default:
      return assertNever(question);
  }
}
