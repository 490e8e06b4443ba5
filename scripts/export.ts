/**
 * `npm run export -- --to csv|md|threat-dragon|navigator|json [--out PATH] FILE`: converts a submission.
 * Prints to standard output unless --out names a file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readSubmission, serialiseSubmission } from '../src/lib/share/submission';
import { exercise, type ExportFormat } from './lib/exercises';

const args = process.argv.slice(2);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const to = value('--to');
const out = value('--out');
const file = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--to' && args[i - 1] !== '--out')[0];
const FORMATS = ['csv', 'md', 'threat-dragon', 'navigator', 'json'];

if (!to || !FORMATS.includes(to) || !file) {
  console.error(`Usage: npm run export -- --to ${FORMATS.join('|')} [--out PATH] FILE`);
  process.exit(2);
}

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch {
  console.error(`${file}: cannot read the file`);
  process.exit(2);
}
const parsed = readSubmission(text);
if (!parsed.ok) {
  console.error(`${file}: ${parsed.error}`);
  process.exit(2);
}
const submission = parsed.value;
let output: string;
if (to === 'json') output = serialiseSubmission(submission);
else {
  const exporter = exercise(submission.exercise).exports[to as ExportFormat];
  if (!exporter) {
    console.error(`${file}: ${submission.exercise} has no ${to} export; it offers ${Object.keys(exercise(submission.exercise).exports).join(', ')} and json.`);
    process.exit(2);
  }
  output = exporter(submission);
}
if (out) writeFileSync(out, output);
else process.stdout.write(output);
