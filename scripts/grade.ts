/**
 * `npm run grade -- [--json] [--reveal] FILE...`: grades exported submissions, the same way the
 * browser does. One line per file by default; with --json, an array with one report per file.
 * A file that cannot be read or is not a valid submission gets a one-line error naming the file;
 * the rest are still graded, and the exit code is 2.
 *
 * `npm run grade -- --reference EXERCISE_ID` prints the reference answer as a submission file.
 */
import path from 'node:path';
import { EXERCISE_IDS, isExerciseId } from '../src/lib/exercises/registry';
import { readSubmission, serialiseSubmission } from '../src/lib/share/submission';
import { parseCli } from './lib/args';
import { readInput } from './lib/read-input';
import { exercise } from './lib/exercises';
import { escapeControlsInJson } from '../src/lib/export/control';
import { forTerminal, fromUser } from './lib/output';

const USAGE =
  'Usage: npm run -s grade -- [--json] [--reveal] FILE...   |   npm run -s grade -- --reference EXERCISE_ID';

interface Row {
  file: string;
  exercise: string;
  score: number;
  parts: Record<string, number>;
  feedback: Array<{ step: string; target: string; verdict: string; message: string; lesson?: string }>;
}

async function main(): Promise<number> {
  const parsed = parseCli(process.argv.slice(2), {
    json: { type: 'boolean' },
    reveal: { type: 'boolean' },
    reference: { type: 'string' },
  });
  if (!parsed.ok) {
    console.error(`${forTerminal(parsed.error)}\n${USAGE}`);
    return 2;
  }
  const { values, inputs } = parsed;
  if (values.reference !== undefined) {
    const id = values.reference;
    if (inputs.length > 0) {
      console.error(
        `--reference prints an answer; it grades no file (got ${forTerminal(inputs.join(', '))}).\n${USAGE}`,
      );
      return 2;
    }
    if (!isExerciseId(id)) {
      console.error(`Unknown exercise "${forTerminal(id)}". Known: ${EXERCISE_IDS.join(', ')}.`);
      return 2;
    }
    process.stdout.write(serialiseSubmission(await (await exercise(id)).reference(new Date())));
    return 0;
  }

  const files = inputs;
  if (files.length === 0) {
    console.error(USAGE);
    return 2;
  }

  const results: Row[] = [];
  let failed = false;
  for (const file of files) {
    const input = readInput(fromUser(file));
    if (!input.ok) {
      failed = true;
      console.error(`${forTerminal(file)}: ${input.error}`);
      continue;
    }
    const parsed = readSubmission(input.text);
    if (!parsed.ok) {
      failed = true;
      console.error(`${forTerminal(file)}: ${forTerminal(parsed.error)}`);
      continue;
    }
    const report = await (
      await exercise(parsed.value.exercise)
    ).check(parsed.value, {
      revealMissed: values.reveal === true,
    });
    results.push({
      file,
      exercise: report.exercise,
      score: report.score,
      parts: Object.fromEntries(Object.entries(report.parts).map(([k, v]) => [k, v.score])),
      feedback: report.feedback.map(({ step, target, verdict, message, lesson }) => ({
        step,
        target,
        verdict,
        message,
        ...(lesson ? { lesson } : {}),
      })),
    });
  }

  if (values.json === true) {
    process.stdout.write(`${escapeControlsInJson(JSON.stringify(results, null, 2))}\n`);
  } else if (results.length > 0) {
    const partNames = [...new Set(results.flatMap((r) => Object.keys(r.parts)))];
    const header = ['file', 'exercise', 'score', ...partNames];
    // A part another exercise does not have is left blank, not shown as 0.
    const body = results.map((r) => [
      forTerminal(path.basename(r.file)),
      r.exercise,
      r.score.toFixed(4),
      ...partNames.map((p) => r.parts[p]?.toFixed(2) ?? ''),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
    for (const row of [header, ...body])
      console.log(
        row
          .map((cell, i) => cell.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      );
  }
  return failed ? 2 : 0;
}

process.exitCode = await main();
