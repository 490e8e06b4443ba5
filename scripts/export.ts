/**
 * `npm run export -- --to csv|md|threat-dragon|json [--out PATH] FILE`: converts a submission.
 * Prints to standard output unless --out names a file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { strideCsv, strideMarkdown, strideThreatDragon } from '../src/lib/export/stride';
import { readSubmission, serialiseSubmission, type Submission } from '../src/lib/share/submission';
import { exercise } from './lib/exercises';

const args = process.argv.slice(2);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const to = value('--to');
const out = value('--out');
const file = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--to' && args[i - 1] !== '--out')[0];
const FORMATS = ['csv', 'md', 'threat-dragon', 'json'];

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
const submission = parsed.value as Submission<'stride-medical-imaging'>;
const ex = exercise(submission.exercise);
let output: string;
switch (to) {
  case 'csv':
    output = strideCsv(submission, ex.exportContext);
    break;
  case 'md':
    output = strideMarkdown(submission, ex.exportContext, ex.grade(submission));
    break;
  case 'threat-dragon':
    output = `${JSON.stringify(strideThreatDragon(submission, ex.exportContext), null, 2)}\n`;
    break;
  default:
    output = serialiseSubmission(submission);
}
if (out) writeFileSync(out, output);
else process.stdout.write(output);
