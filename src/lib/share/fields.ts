/**
 * Field checks for data from outside (submissions, drafts, imports): each returns the value with
 * its type or throws `InvalidField` with a message that names the field, so a learner can act on it.
 * Hand-written rather than a schema library because it runs in the browser on every import.
 */
import { isPlainObject } from './safe-json';

/** Checks one value at a path ("answers.rows[3].threat"); throws `InvalidField` when wrong. */
export type Check<T> = (value: unknown, path: string) => T;

/** A field that fails its check; the message starts with the field's path. */
export class InvalidField extends Error {}

/** Size limits on what a submission may hold. */
export const LIMITS = {
  /** Characters in one free-text cell: far above any real answer, far below a paste bomb. */
  text: 4_000,
  rows: 200,
  ids: 60,
  name: 120,
  /** Subcategory assessments: the whole AI RMF has 72. */
  assessments: 100,
  priorities: 3,
  /** Kill-chain entries and counters per mitigation: far above any real chain or any mitigation's links in ATLAS 2026.09. */
  techniques: 200,
  /** ATLAS 2026.09 has 40 mitigations (the range adds drift monitoring). */
  defenses: 60,
  runs: 50,
};

export function fail(path: string, problem: string): never {
  throw new InvalidField(`${path} ${problem}`);
}

export const text =
  (max: number): Check<string> =>
  (value, path) => {
    if (typeof value !== 'string') fail(path, 'should be text');
    if (value.length > max) fail(path, `is ${value.length} characters long; the limit is ${max}`);
    return value;
  };

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A kebab-case id of content (component, fact, context). */
export const id: Check<string> = (value, path) => {
  const s = text(80)(value, path);
  if (!ID.test(s)) fail(path, `is not a valid id ("${s.slice(0, 40)}")`);
  return s;
};

/** Any short text for framework IDs: graders explain unknown ones, so a half-typed ID still loads. */
export const frameworkId: Check<string> = (value, path) => text(30)(value, path);

export const finite =
  (min: number, max: number): Check<number> =>
  (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
      fail(path, `should be a number from ${min} to ${max}`);
    return value;
  };

export const flag = (value: unknown, path: string): boolean => {
  if (typeof value !== 'boolean') fail(path, 'should be true or false');
  return value;
};

/** A plain object with only `allowed` keys and every `required` one. */
export function object(
  value: unknown,
  path: string,
  allowed: readonly string[],
  required: readonly string[],
): Record<string, unknown> {
  if (!isPlainObject(value)) fail(path, 'should be an object');
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) fail(`${path}.${key}`, 'is not a field of this format');
  for (const key of required) if (!(key in value)) fail(`${path}.${key}`, 'is missing');
  return value;
}

export function list<T>(value: unknown, path: string, max: number, item: Check<T>): T[] {
  if (!Array.isArray(value)) fail(path, 'should be a list');
  if (value.length > max) fail(path, `has ${value.length} entries; the limit is ${max}`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

/** Runs a check; null instead of an exception when the value is invalid. */
export function checkOrNull<T>(check: Check<T>, value: unknown, path: string): T | null {
  try {
    return check(value, path);
  } catch (error) {
    if (error instanceof InvalidField) return null;
    throw error;
  }
}
