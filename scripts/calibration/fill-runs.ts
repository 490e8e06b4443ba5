/**
 * `npx tsx scripts/calibration/fill-runs.ts FILE...`: for blind-written Project 3 submissions.
 * Writers cannot run the browser's range, so they write each run as its settings only (attack,
 * defenses, seed, settings); this runs the range exactly as the page would (it is deterministic)
 * and fills in the figures, in place. A run that already has figures (typed in by hand, as a
 * gaming writer may) is left as written. Used once, when a blind file is frozen; never after.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { configOf, runRecord } from '../../src/lib/range/record-of';
import { DEFAULT_CONFIG, runRange } from '../../src/lib/range/run';
import type { RangeRunRecord } from '../../src/lib/exercises/atlas/answers';

const RAN_AT = new Date('2026-12-06T12:00:00.000Z');

for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { answers: { runs?: object[] } };
  let filled = 0;
  doc.answers.runs = (doc.answers.runs ?? []).map((run): object => {
    if ('aucBefore' in run) return run;
    // Only attack, defenses, seed and settings are read; the figures are what the range returns.
    const config = configOf({ seed: DEFAULT_CONFIG.seed, ...run } as unknown as RangeRunRecord, DEFAULT_CONFIG);
    if (!config) throw new Error(`${file}: a run cannot be replayed: ${JSON.stringify(run)}`);
    filled += 1;
    return runRecord(runRange(config), RAN_AT);
  });
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`${file}: ${filled} run(s) filled from the range`);
}
