/**
 * How a learner's input becomes a response, per question type: the steps the check's inputs take
 * (pick an option, move an item, place an item in a category, type text). Each returns a new
 * response and leaves its input alone, so a saved response never changes under the store.
 */
import { MAX_TEXT } from './record';
import type { Response } from './questions';

/** The option indexes a choice response holds: one for single choice, any number for multiple. */
export function chosenOptions(response: Response): number[] {
  if (Array.isArray(response)) return response;
  return typeof response === 'number' && response >= 0 ? [response] : [];
}

/** A multiple-choice response with option `index` ticked or unticked, in option order. */
export function toggleOption(picked: readonly number[], index: number, on: boolean): number[] {
  const rest = picked.filter((c) => c !== index);
  return on ? [...rest, index].sort((a, b) => a - b) : rest;
}

/** The index list an order or classify response holds (empty for anything else). */
export const indexList = (response: Response): number[] => (Array.isArray(response) ? response : []);

/** An order response with the items at positions `from` and `to` swapped (the move buttons are one step). */
export function moveItem(order: readonly number[], from: number, to: number): number[] {
  const next = [...order];
  if (from < 0 || to < 0 || from >= next.length || to >= next.length) return next;
  [next[from], next[to]] = [next[to] as number, next[from] as number];
  return next;
}

/** A classify response with item `item` placed in `category` (-1: none). */
export function placeItem(chosen: readonly number[], item: number, category: number): number[] {
  const next = [...chosen];
  next[item] = category;
  return next;
}

/** The text a free-text response holds. */
export const textOf = (response: Response): string => (typeof response === 'string' ? response : '');

/** A free-text response: what was typed, cut to the longest answer kept. */
export const textResponse = (typed: string): string => typed.slice(0, MAX_TEXT);
