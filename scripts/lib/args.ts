/**
 * Strict command-line parsing for the CLIs (node:util parseArgs): an unknown flag, a missing
 * value or an extra input is an error with the usage line and exit code 2, never ignored.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed flags and inputs, or the reason they could not be parsed (already worded for the user). */
export function parseCli<O extends Options>(
  argv: readonly string[],
  options: O,
):
  | {
      ok: true;
      values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values'];
      inputs: string[];
    }
  | { ok: false; error: string } {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { ok: true, values, inputs: positionals };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
