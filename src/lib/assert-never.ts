/**
 * The default branch of an exhaustive switch: a case left out makes `value` something other than
 * `never`, which is a type error at the call, so adding a union member shows every place to update.
 */

/** Marks a branch the types say cannot run; throws if bad data reaches it anyway. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
