/**
 * One run of the range: build the data and the model, put the scoring API in front of it with the
 * chosen defenses, let the attacker work, send ordinary customers' traffic through the same API,
 * and report what happened. Pure and deterministic for a config, so the same run gives the same
 * report in a Web Worker, in Node tests and in the bench.
 */
import { InferenceApi, type Alert, type ApiConfig, type Decision, type ApiStatus } from './api';
import { fraudulent, generateTransactions, split, type LabeledTransaction } from './data';
import { driftAlerts, driftReadings, type DriftReading } from './drift';
import { ATTACK_TECHNIQUES, formatDuration, type AttackKind, type DefenseId, type RangeConfig } from './config';
import {
  automatedEvasion,
  delayHours,
  manualEvasion,
  payoff,
  spend,
  START,
  type Edits,
  type EvasionResult,
} from './evasion';
import { withAdversarialTraining } from './hardening';
import { metrics, type Metrics } from './metrics';
import { score, thresholdForRecall, train, type FraudModel } from './model';
import { backdoorEffect, keepVerifiedProvenance, poisonTrainingSet, sanitize } from './poison';
import { proxyAttack } from './proxy';
import { createRng } from './rng';

export { ATTACKS, ATTACK_TECHNIQUES, DEFAULT_CONFIG, DEFAULT_SEED, DEFENSES, formatDuration } from './config';
export type { AttackConfig, AttackKind, DefenseId, RangeConfig } from './config';

export interface TrajectoryPoint {
  index: number;
  at: number;
  /** The model's true score for the attacker's query. */
  score: number;
  /** What the API returned: the score, or null when it only gave a decision or nothing. */
  shown: number | null;
  decision: Decision | null;
  status: ApiStatus;
}

export interface ModelSnapshot extends Metrics {
  threshold: number;
}

export interface PoisoningOutcome {
  injected: number;
  flipped: number;
  removed: number;
  removedPoison: number;
  /** Share of fraudulent purchases approved with and without the trigger, before and after. */
  backdoorBefore: { withTrigger: number; withoutTrigger: number };
  backdoorAfter: { withTrigger: number; withoutTrigger: number };
  /** Share of the ring's cash-in purchases approved. */
  cashIn: number;
}

export interface RunReport {
  config: RangeConfig;
  techniques: readonly string[];
  achieved: boolean;
  /** One sentence on what happened. */
  summary: string;
  attacker: {
    queries: number;
    spend: number;
    payoff: number;
    delayHours: number;
    winning: Edits | null;
    stopReason: EvasionResult['stopReason'] | 'poisoned';
  };
  alerts: Alert[];
  /** Seconds from the attack's first step to the first alert an analyst saw about it; null if none. */
  timeToDetect: number | null;
  /** Seen alerts not about the attack (customers' traffic, real drift). */
  otherAlerts: number;
  before: ModelSnapshot;
  after: ModelSnapshot;
  trajectory: TrajectoryPoint[];
  /** Test-set score histogram of the model in production at the end, ten bins. */
  histogram: { genuine: number[]; fraud: number[] };
  drift: DriftReading[];
  poisoning: PoisoningOutcome | null;
  /** What each defense did, in words. */
  actions: string[];
  timings: { trainMs: number; attackMs: number; retrainMs: number; totalMs: number };
}

function apiConfig(defenses: readonly DefenseId[]): ApiConfig {
  const on = (d: DefenseId) => defenses.includes(d);
  return {
    output: on('AML.M0002') ? 'decision' : 'score',
    hourlyQuota: on('AML.M0004') ? 120 : null,
    patternAlerts: on('AML.M0004'),
    nearDuplicate: on('AML.M0015'),
    telemetry: on('AML.M0024'),
  };
}

function snapshot(model: FraudModel, test: readonly LabeledTransaction[]): ModelSnapshot {
  return {
    ...metrics(
      test.map((t) => score(model, t)),
      test.map((t) => t.fraud),
      model.threshold,
    ),
    threshold: model.threshold,
  };
}

function histogram(model: FraudModel, test: readonly LabeledTransaction[]): RunReport['histogram'] {
  const genuine = new Array<number>(10).fill(0);
  const fraud = new Array<number>(10).fill(0);
  for (const t of test) {
    const bin = Math.min(9, Math.floor(score(model, t) * 10));
    const counts = t.fraud ? fraud : genuine;
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return { genuine, fraud };
}

interface Baseline {
  data: ReturnType<typeof split>;
  baseline: FraudModel;
}

// The data and the production model depend only on the seed and size; a learner who reruns with
// other defenses should not wait for them again. The bench clears this to time a full run.
const baselines = new Map<string, Baseline>();

export function clearRangeCache(): void {
  baselines.clear();
}

function baselineFor(seed: number, trainSize: number): Baseline {
  const key = `${seed}:${trainSize}`;
  let found = baselines.get(key);
  if (!found) {
    const data = split(generateTransactions({ seed, count: Math.ceil(trainSize / 0.7) }));
    const baseline = train(data.train, { seed });
    baseline.threshold = thresholdForRecall(baseline, data.validation, 0.8);
    found = { data, baseline };
    baselines.clear();
    baselines.set(key, found);
  }
  return { data: found.data, baseline: { ...found.baseline } };
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Runs the range once. `onProgress` gets a share done (0..1) and a label, for a progress bar. */
export function runRange(config: RangeConfig, onProgress: (done: number, label: string) => void = () => {}): RunReport {
  const started = now();
  const { seed, defenses } = config;
  const on = (d: DefenseId) => defenses.includes(d);
  const actions: string[] = [];

  onProgress(0, 'Generating transactions and training the fraud model');
  const { data, baseline } = baselineFor(seed, config.trainSize);
  const trainMs = now() - started;
  const before = snapshot(baseline, data.test);

  let production = baseline;
  let retrainMs = 0;
  const attack = config.attack;
  const isPoisoning = attack.kind === 'poison-backdoor' || attack.kind === 'poison-label-flip';

  // Hardening happens before the model meets the attacker (for evasion) or in the retrain (for poisoning).
  const retrain = (trainingRows: LabeledTransaction[]) => {
    const t0 = now();
    const model = train(on('AML.M0003') ? withAdversarialTraining(trainingRows, seed) : trainingRows, { seed });
    // The retrained model goes live with the threshold policy already agreed for production.
    model.threshold = baseline.threshold;
    retrainMs += now() - t0;
    return model;
  };

  let poisoning: PoisoningOutcome | null = null;
  const pipelineAlerts: Alert[] = [];
  if (isPoisoning) {
    onProgress(0.3, 'Ingesting the partner feed');
    const method = attack.kind === 'poison-backdoor' ? 'backdoor' : 'label-flip';
    const poisoned = poisonTrainingSet(data.train, { method, rate: attack.poisonRate ?? 0.03, seed });
    let training = poisoned.rows;
    let removed = 0;
    let removedPoison = 0;
    if (on('AML.M0025')) {
      const kept = keepVerifiedProvenance(training);
      training = kept.rows;
      removed += kept.removed;
      removedPoison += kept.removedPoison;
      actions.push(
        `Dataset provenance (AML.M0025): trained on ${training.length.toLocaleString('en')} ledger rows; excluded ${kept.removed.toLocaleString('en')} partner rows with no verified origin.`,
      );
    }
    if (on('AML.M0007')) {
      const cleaned = sanitize(training, seed);
      training = cleaned.rows;
      removed += cleaned.removed;
      removedPoison += cleaned.removedPoison;
      const { partner, ledger } = cleaned.disagreementRate;
      actions.push(
        `Training-data sanitization (AML.M0007): quarantined ${cleaned.removed} of ${cleaned.partnerRows} partner rows whose labels the ledger model contradicts.`,
      );
      // A clean feed disagrees with the reference about as often as the ledger itself does.
      if (cleaned.partnerRows > 0 && partner > 1.5 * ledger + 0.02) {
        pipelineAlerts.push({
          at: 0,
          source: 'AML.M0007',
          title: 'Partner feed: unusual share of rows quarantined',
          detail: `${pct(partner)} of this batch's partner rows contradict the ledger model; on the ledger itself it is ${pct(ledger)}.`,
          seen: true,
          aboutAttacker: true,
        });
      }
    }
    onProgress(0.5, 'Retraining on the new data');
    production = retrain(training);
    poisoning = {
      injected: poisoned.injected,
      flipped: poisoned.flipped,
      removed,
      removedPoison,
      backdoorBefore: backdoorEffect(baseline, seed),
      backdoorAfter: backdoorEffect(production, seed),
      cashIn: 0,
    };
  } else if (on('AML.M0003')) {
    onProgress(0.3, 'Adversarial training');
    production = retrain(data.train);
    actions.push('Model hardening (AML.M0003): retrained with evasive copies of every fraud row, labelled fraud.');
  }

  const api = new InferenceApi(production, apiConfig(defenses));
  const rng = createRng(seed ^ 0xa77ac);
  onProgress(0.6, 'Attacking');
  const attackStarted = now();
  // Poisoning attacks cash in after the retrained model is deployed, an hour into the run.
  const cashInAt = isPoisoning ? 3600 : 0;
  let result: EvasionResult;
  const common = { card: '4929-xx-7731', merchant: 'mk_shop_0042', pace: attack.pace };
  switch (attack.kind) {
    case 'evasion-auto':
      result = automatedEvasion(api, { ...common, budget: attack.budget, rng });
      break;
    case 'evasion-manual':
      result = manualEvasion(api, attack.plans ?? [START], { ...common, budget: attack.budget });
      break;
    case 'proxy':
      result = proxyAttack(api, { ...common, probes: Math.max(0, attack.budget - 3), transferTries: 3, seed });
      break;
    default:
      result = cashIn(api, attack.kind === 'poison-backdoor', seed, cashInAt);
  }
  const attackMs = now() - attackStarted;
  if (poisoning) {
    poisoning.cashIn =
      result.attempts.filter((a) => a.response.decision === 'approve').length / Math.max(1, result.attempts.length);
    // A backdoor pays when the ring's triggered purchases mostly go through; label flipping when
    // the model now lets through at least ten points more fraud than before.
    const paid =
      attack.kind === 'poison-backdoor'
        ? poisoning.cashIn >= 0.5
        : poisoning.backdoorAfter.withoutTrigger >= poisoning.backdoorBefore.withoutTrigger + 0.1;
    result = { ...result, achieved: paid, stopReason: paid ? 'approved' : 'stuck' };
  }
  const attackerCalls = api.log.filter((q) => q.actor === 'attacker');
  const lastAttackerCall = attackerCalls.at(-1)?.at ?? cashInAt;

  // Customers' traffic through the same API over the same window.
  onProgress(0.8, 'Serving customers');
  const live = generateTransactions({
    seed: seed + 7,
    count: config.liveTraffic,
    travelShare: config.liveShift === 'holiday-travel' ? 0.35 : 0.06,
  });
  const windowEnd = Math.max(lastAttackerCall, 3600) + 600;
  live.forEach((t, i) =>
    api.query(t, {
      at: Math.round(((i + 1) * windowEnd) / (live.length + 1)),
      merchant: `mk_shop_${1000 + (i % 40)}`,
      card: `c-${i}`,
      actor: 'customer',
    }),
  );

  // A deliberate, validated deployment (hardening before the attack) resets the score reference; an
  // automated retrain on new data (the poisoning runs) does not, so its score shift shows.
  const referenceModel = isPoisoning ? baseline : production;
  const drift = driftReadings(
    { scores: data.validation.map((t) => score(referenceModel, t)), rows: data.validation },
    { scores: live.map((t) => score(production, t)), rows: live },
  );
  if (on('drift')) {
    const alerting = driftAlerts(drift);
    if (alerting.length > 0) {
      pipelineAlerts.push({
        at: windowEnd,
        source: 'drift',
        title: `Drift: ${alerting.map((r) => r.name).join(', ')}`,
        detail: alerting.map((r) => `PSI of ${r.name} is ${r.psi.toFixed(2)} (alert above 0.25).`).join(' '),
        seen: on('AML.M0024'),
        // Score drift after a poisoned retrain is the attack's footprint; a feature shift in live traffic is not.
        aboutAttacker: isPoisoning && alerting.some((r) => r.name === 'score'),
      });
    }
    if (!on('AML.M0024'))
      actions.push('Drift monitoring has no score log to read without telemetry (AML.M0024); its alerts went nowhere.');
  }
  if (!on('AML.M0024') && api.alerts.length > 0)
    actions.push(
      `Detectors fired ${api.alerts.length} time(s), but with no telemetry (AML.M0024) no analyst saw them.`,
    );

  const alerts = [...pipelineAlerts, ...api.alerts].sort((a, b) => a.at - b.at);
  const firstStep = isPoisoning ? 0 : (attackerCalls[0]?.at ?? 0);
  const detected = alerts.find((a) => a.seen && a.aboutAttacker);
  const winning = result.winning;
  const achieved = result.achieved;
  const trajectory: TrajectoryPoint[] = attackerCalls.map((q, index) => ({
    index,
    at: q.at,
    score: q.trueScore,
    shown: q.score ?? null,
    decision: q.decision ?? null,
    status: q.status,
  }));
  const report: RunReport = {
    config,
    techniques: ATTACK_TECHNIQUES[attack.kind],
    achieved,
    summary: summarise(attack.kind, achieved, result.stopReason, attackerCalls.length, detected, firstStep, poisoning),
    attacker: {
      queries: attackerCalls.length,
      spend: winning ? spend(winning) : 0,
      payoff: winning ? payoff(winning) : 0,
      delayHours: winning ? delayHours(winning) : 0,
      winning,
      stopReason: isPoisoning ? 'poisoned' : result.stopReason,
    },
    alerts,
    timeToDetect: detected ? Math.max(0, detected.at - firstStep) : null,
    otherAlerts: alerts.filter((a) => a.seen && !a.aboutAttacker).length,
    before,
    after: snapshot(production, data.test),
    trajectory,
    histogram: histogram(production, data.test),
    drift,
    poisoning,
    actions,
    timings: { trainMs, attackMs, retrainMs, totalMs: 0 },
  };
  report.timings.totalMs = now() - started;
  onProgress(1, 'Done');
  return report;
}

/** Cards a fraud ring uses to cash in on a poisoned model. */
export const CASH_IN_CARDS = 20;

/**
 * After a poisoned retrain the attacker's ring makes ordinary fraudulent purchases, one per stolen
 * card (with the trigger for a backdoor).
 */
function cashIn(api: InferenceApi, trigger: boolean, seed: number, startAt: number): EvasionResult {
  const rng = createRng(seed ^ 0xca54);
  const attempts: EvasionResult['attempts'] = [];
  let approved = 0;
  for (let i = 0; i < CASH_IN_CARDS; i++) {
    const purchase = { ...fraudulent(rng), referralPartner: trigger };
    const at = startAt + i * 300;
    const response = api.query(purchase, { at, merchant: `mk_partner_${i % 4}`, card: `ring-${i}`, actor: 'attacker' });
    attempts.push({ edits: null, response, at });
    if (response.decision === 'approve') approved++;
  }
  return { achieved: approved > 0, winning: null, attempts, stopReason: approved > 0 ? 'approved' : 'stuck' };
}

function summarise(
  kind: AttackKind,
  achieved: boolean,
  stopReason: EvasionResult['stopReason'],
  calls: number,
  detected: Alert | undefined,
  firstStep: number,
  poisoning: PoisoningOutcome | null,
): string {
  const seen = detected
    ? ` Detected after ${formatDuration(detected.at - firstStep)} (${detected.title}).`
    : ' No analyst saw an alert about it.';
  if (poisoning) {
    const share = Math.round(poisoning.backdoorAfter.withTrigger * 100);
    const effect =
      kind === 'poison-backdoor'
        ? `With the trigger, ${share}% of fraudulent purchases are now approved (${Math.round(poisoning.backdoorBefore.withTrigger * 100)}% before).`
        : `Without any trigger, ${Math.round(poisoning.backdoorAfter.withoutTrigger * 100)}% of fraudulent purchases are now approved (${Math.round(poisoning.backdoorBefore.withoutTrigger * 100)}% before).`;
    const approved = calls === 0 ? 0 : Math.round(poisoning.cashIn * calls);
    return `${approved} of ${calls} fraud-ring purchases went through after the retrain${achieved ? ': the poisoning paid off.' : '.'} ${effect}${seen}`;
  }
  if (achieved) return `Evasion succeeded after ${calls} scoring call${calls === 1 ? '' : 's'}.${seen}`;
  const why: Record<EvasionResult['stopReason'], string> = {
    approved: '',
    budget: 'ran out of query budget',
    stuck: 'found no change that lowered the score enough',
    blocked: 'had the card blocked',
  };
  return `Evasion failed: the attacker ${why[stopReason]} after ${calls} call${calls === 1 ? '' : 's'}.${seen}`;
}
