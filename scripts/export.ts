/**
 * `npm run export -- --to csv|md|threat-dragon|navigator|json [--out PATH] FILE`: converts a submission.
 * Prints to standard output unless --out names a file.
 */
import { writeFileSync } from 'node:fs';
import type { ExportFormat } from '../src/lib/exercises/types';
import { readSubmission, serialiseSubmission } from '../src/lib/share/submission';
import { parseCli } from './lib/args';
import { readInput } from './lib/read-input';
import { exercise } from './lib/exercises';

const FORMATS = ['csv', 'md', 'threat-dragon', 'navigator', 'json'] as const;
const isFormat = (value: string | undefined): value is (typeof FORMATS)[number] => FORMATS.some((f) => f === value);

async function main(): Promise<number> {
  const usage = `Usage: npm run -s export -- --to ${FORMATS.join('|')} [--out PATH] FILE`;
  const cli = parseCli(process.argv.slice(2), { to: { type: 'string' }, out: { type: 'string' } });
  if (!cli.ok) {
    console.error(`${cli.error}\n${usage}`);
    return 2;
  }
  const { to, out } = cli.values;
  if (cli.inputs.length > 1) {
    console.error(`One file at a time (got ${cli.inputs.length}: ${cli.inputs.join(', ')}).\n${usage}`);
    return 2;
  }
  const file = cli.inputs[0];
  if (!isFormat(to) || !file) {
    console.error(usage);
    return 2;
  }

  const input = readInput(file);
  if (!input.ok) {
    console.error(`${file}: ${input.error}`);
    return 2;
  }
  const parsed = readSubmission(input.text);
  if (!parsed.ok) {
    console.error(`${file}: ${parsed.error}`);
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
        `${file}: ${submission.exercise} has no ${to} export; it offers ${Object.keys(bound.exports).join(', ')} and json.`,
      );
      return 2;
    }
    // The Markdown report includes the grade, as the browser's does.
    output = exporter(submission, to === 'md' ? bound.grade(submission) : undefined);
  }
  if (out) writeFileSync(out, output);
  else process.stdout.write(output);
  return 0;
}

process.exitCode = await main();
