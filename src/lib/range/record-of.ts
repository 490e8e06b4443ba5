/** The small record of a run that goes into the learner's answers (no range code: the page imports it). */
import type { RangeRunRecord } from '../share/submission';
import type { RunReport } from './run';

export function runRecord(report: RunReport, ranAt: Date): RangeRunRecord {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    attack: report.config.attack.kind,
    defenses: [...report.config.defenses],
    seed: report.config.seed,
    achieved: report.achieved,
    queries: report.attacker.queries,
    payoff: report.attacker.payoff,
    timeToDetect: report.timeToDetect,
    alertsSeen: report.alerts.filter((a) => a.seen).length,
    aucBefore: round(report.before.auc),
    aucAfter: round(report.after.auc),
    recallBefore: round(report.before.recall),
    recallAfter: round(report.after.recall),
    ranAt: ranAt.toISOString(),
  };
}
