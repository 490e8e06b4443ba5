/**
 * The default branch of an exhaustive switch: a case left out makes `value` something other than
 * `never`, which is a type error at the call, so adding a union member shows every place to update.
 */

/** Marks a branch the types say cannot run; throws if bad data reaches it anyway. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
