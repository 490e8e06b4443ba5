/**
 * What a range run leaves in the learner's answers: a small record of its outcome, and the runs
 * the reference answer makes (an undefended and a defended run of each attack family).
 */
import type { RangeRunRecord } from '../exercises/atlas/answers';
import { runRecord } from './record-of';
import { DEFAULT_CONFIG, runRange, type RangeConfig } from './run';

export { runRecord };

/** The runs of the reference answer, made for real on the default seed. */
export const REFERENCE_RUN_CONFIGS: RangeConfig[] = [
  { ...DEFAULT_CONFIG },
  { ...DEFAULT_CONFIG, defenses: ['AML.M0015', 'AML.M0024'] },
  { ...DEFAULT_CONFIG, attack: { kind: 'poison-backdoor', budget: 20, pace: 10, poisonRate: 0.03 } },
  {
    ...DEFAULT_CONFIG,
    attack: { kind: 'poison-backdoor', budget: 20, pace: 10, poisonRate: 0.03 },
    defenses: ['AML.M0007', 'AML.M0024', 'drift'],
  },
];

export function referenceRuns(ranAt: Date): RangeRunRecord[] {
  return REFERENCE_RUN_CONFIGS.map((config) => runRecord(runRange(config), ranAt));
}
