/**
 * The figure each attack of the range moves, for the runs table and the exports: evasion and the
 * proxy attack pay the attacker without changing the model; a backdoor leaves recall almost where
 * it was while fraud carrying the trigger goes through; label flipping blunts recall everywhere.
 */
import type { RangeRunRecord } from '../exercises/atlas/answers';

export interface MovedMetric {
  /** What the figure is, e.g. "Fraud with the trigger approved". */
  label: string;
  /** The figure, e.g. "6% → 92%" or "€1,240". */
  value: string;
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

export function movedMetric(run: RangeRunRecord): MovedMetric {
  switch (run.attack) {
    case 'evasion-auto':
    case 'evasion-manual':
    case 'proxy':
      return { label: 'Attacker’s net gain', value: `€${run.payoff.toLocaleString('en')}` };
    case 'poison-backdoor':
      if (run.triggeredBefore !== undefined && run.triggeredAfter !== undefined)
        return {
          label: 'Fraud with the trigger approved',
          value: `${pct(run.triggeredBefore)} → ${pct(run.triggeredAfter)}`,
        };
      // Older records lack the trigger figures: recall is what they have.
      return {
        label: 'Recall (trigger figures not recorded)',
        value: `${pct(run.recallBefore)} → ${pct(run.recallAfter)}`,
      };
    default:
      return { label: 'Recall', value: `${pct(run.recallBefore)} → ${pct(run.recallAfter)}` };
  }
}

/** "Label: value", for text exports. */
export function movedText(run: RangeRunRecord): string {
  const { label, value } = movedMetric(run);
  return `${label}: ${value}`;
}
