/**
 * Lookups in plain records keyed by ids that come from a learner's file: `record[id]` would find
 * `Object.prototype.constructor` for the id "constructor" (a valid id), and print
 * "function Object() { [native code] }" or crash. This returns only the record's own values.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
