/** The small record of a run that goes into the learner's answers (no range code: the page imports it). */
import type { RangeRunRecord } from '../exercises/atlas/answers';
import { ATTACKS, DEFENSES, type AttackKind, type RangeConfig } from './config';
import { MERCHANT_CATEGORIES } from './data';
import type { Edits } from './evasion';
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
    falseDeclinesBefore: report.before.falsePositive,
    falseDeclinesAfter: report.after.falsePositive,
    ...(report.config.attack.kind === 'poison-backdoor' && report.poisoning
      ? {
          triggeredBefore: round(report.poisoning.backdoorBefore.withTrigger),
          triggeredAfter: round(report.poisoning.backdoorAfter.withTrigger),
        }
      : {}),
    ranAt: ranAt.toISOString(),
    settings: {
      budget: report.config.attack.budget,
      pace: report.config.attack.pace,
      ...(report.config.attack.poisonRate === undefined ? {} : { poisonRate: report.config.attack.poisonRate }),
      ...(report.config.liveShift ? { liveShift: report.config.liveShift } : {}),
      ...(report.config.attack.plans ? { plans: report.config.attack.plans.map((p) => ({ ...p })) } : {}),
    },
  };
}

/** The range config that reproduces a recorded run, or null when the record is too old to say. */
export function configOf(run: RangeRunRecord, base: RangeConfig): RangeConfig | null {
  if (!run.settings || !(ATTACKS as readonly string[]).includes(run.attack)) return null;
  const defenses = DEFENSES.filter((d) => run.defenses.includes(d));
  const plans = run.settings.plans?.filter((p): p is Edits =>
    (MERCHANT_CATEGORIES as readonly string[]).includes(p.merchant),
  );
  return {
    ...base,
    seed: run.seed,
    defenses,
    liveShift: run.settings.liveShift ?? 'none',
    attack: {
      kind: run.attack as AttackKind,
      budget: run.settings.budget,
      pace: run.settings.pace,
      ...(run.settings.poisonRate === undefined ? {} : { poisonRate: run.settings.poisonRate }),
      ...(plans ? { plans } : {}),
    },
  };
}
