/**
 * `npm run -s export -- --to csv|md|threat-dragon|navigator|json [--out PATH [--force]] FILE`:
 * converts a submission. Prints to standard output unless --out names a file; relative paths are
 * from the directory the command was run in. An existing output file is replaced only with
 * --force, and never the input itself.
 */
import { escapeControlsInJson } from '../src/lib/export/control';
import type { ExportFormat } from '../src/lib/exercises/types';
import { readSubmission, serialiseSubmission } from '../src/lib/share/submission';
import { parseCli } from './lib/args';
import { readInput } from './lib/read-input';
import { exercise } from './lib/exercises';
import { forTerminal, fromUser, writeOutput } from './lib/output';

const FORMATS = ['csv', 'md', 'threat-dragon', 'navigator', 'json'] as const;
const isFormat = (value: string | undefined): value is (typeof FORMATS)[number] => FORMATS.some((f) => f === value);

async function main(): Promise<number> {
  const usage = `Usage: npm run -s export -- --to ${FORMATS.join('|')} [--out PATH [--force]] FILE`;
  const cli = parseCli(process.argv.slice(2), {
    to: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (!cli.ok) {
    console.error(`${forTerminal(cli.error)}\n${usage}`);
    return 2;
  }
  const { to, out, force } = cli.values;
  if (cli.inputs.length > 1) {
    console.error(`One file at a time (got ${cli.inputs.length}: ${forTerminal(cli.inputs.join(', '))}).\n${usage}`);
    return 2;
  }
  const file = cli.inputs[0];
  if (!isFormat(to) || !file) {
    console.error(usage);
    return 2;
  }

  if (force && !out) {
    console.error(`--force only applies with --out.\n${usage}`);
    return 2;
  }
  const shown = forTerminal(file);
  const input = readInput(fromUser(file));
  if (!input.ok) {
    console.error(`${shown}: ${input.error}`);
    return 2;
  }
  const parsed = readSubmission(input.text);
  if (!parsed.ok) {
    console.error(`${shown}: ${forTerminal(parsed.error)}`);
    return 2;
  }
  const submission = parsed.value;
  let output: string;
  if (to === 'json') output = serialiseSubmission(submission);
  else {
    const bound = await exercise(submission.exercise);
    const exporter = bound.exports[to satisfies ExportFormat];
    if (!exporter) {
      console.error(
        `${shown}: ${submission.exercise} has no ${to} export; it offers ${Object.keys(bound.exports).join(', ')} and json.`,
      );
      return 2;
    }
    // The Markdown report includes the grade, as the browser's does.
    output = exporter(submission, to === 'md' ? await bound.check(submission) : undefined);
  }
  // JSON formats keep every character but write controls as escapes; CSV and Markdown drop them.
  if (to === 'json' || to === 'threat-dragon' || to === 'navigator') output = escapeControlsInJson(output);
  if (!out) {
    process.stdout.write(output);
    return 0;
  }
  const written = writeOutput(out, output, { input: file, force: force === true });
  if (!written.ok) {
    console.error(written.error);
    return 2;
  }
  return 0;
}

process.exitCode = await main();
