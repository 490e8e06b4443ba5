/**
 * Proxy-model attack: the attacker scores a spread of made-up transactions through the API, one
 * stolen card each, trains their own copy of the model on the answers (AML.T0005), searches that
 * copy offline for a cheap purchase it approves, and sends only the best few to the real API
 * (AML.T0043.002, black-box transfer). Few calls per card means little for a per-card detector to
 * see; the volume from one merchant key is what gives it away.
 */
import type { ApiResponse, InferenceApi } from './api';
import { generateTransactions, MERCHANT_CATEGORIES, type LabeledTransaction } from './data';
import {
  feasible,
  payoff,
  RESALE,
  START,
  toTransaction,
  type Attempt,
  type Edits,
  type EvasionResult,
} from './evasion';
import { score, train, type FraudModel } from './model';

export interface ProxyOptions {
  /** Probe transactions sent to build the proxy's training set. */
  probes: number;
  /** Candidates the attacker tries against the real API after the offline search. */
  transferTries: number;
  pace: number;
  merchant: string;
  card: string;
  seed: number;
  startAt?: number;
}

export interface ProxyResult extends EvasionResult {
  proxy: FraudModel;
  /** Share of probes the proxy labels the way the API did. */
  proxyAgreement: number;
  probesSent: number;
}

/** Every purchase the attacker would consider, for the offline search. */
export function candidatePlans(): Edits[] {
  const plans: Edits[] = [];
  const merchants = MERCHANT_CATEGORIES.filter((m) => RESALE[m] >= 0.5);
  for (const hour of [START.hour, 14])
    for (const merchant of merchants)
      for (const amount of [1800, 1440, 1150, 920, 740])
        for (let flags = 0; flags < 16; flags++) {
          plans.push({
            amount,
            hour,
            merchant,
            proxy: (flags & 1) > 0,
            deviceSpoof: (flags & 2) > 0,
            waitDay: (flags & 4) > 0,
            referral: (flags & 8) > 0,
          });
        }
  return plans.filter(feasible);
}

export function proxyAttack(api: InferenceApi, options: ProxyOptions): ProxyResult {
  const attempts: Attempt[] = [];
  let at = options.startAt ?? 0;
  // The attacker's own synthetic traffic, skewed towards fraud so the boundary is well sampled.
  const probes = generateTransactions({
    seed: options.seed ^ 0x9a0b,
    count: options.probes,
    fraudRate: 0.5,
    partnerShare: 0,
  });
  const labelled: LabeledTransaction[] = [];
  for (const [i, probe] of probes.entries()) {
    const response: ApiResponse = api.query(probe, {
      at,
      merchant: options.merchant,
      card: `${options.card}-p${i}`,
      actor: 'attacker',
    });
    at += options.pace;
    if (response.status === 'throttled' || response.decision === undefined) continue;
    labelled.push({ ...probe, fraud: response.decision === 'decline' });
  }
  const proxy = train(labelled.length > 0 ? labelled : probes, { seed: options.seed, fraudWeight: 1 });
  proxy.threshold = 0.5;
  const proxyAgreement =
    labelled.length === 0 ? 0 : labelled.filter((p) => score(proxy, p) >= 0.5 === p.fraud).length / labelled.length;

  // Offline: rank plans by payoff among those the proxy approves with a margin. Free, and invisible to the defender.
  const ranked = candidatePlans()
    .map((plan) => ({ plan, proxyScore: score(proxy, toTransaction(plan)) }))
    .filter((c) => c.proxyScore < 0.25)
    .sort((a, b) => payoff(b.plan) - payoff(a.plan) || a.proxyScore - b.proxyScore);

  const base = { proxy, proxyAgreement, probesSent: probes.length };
  for (const { plan } of ranked.slice(0, options.transferTries)) {
    const response = api.query(toTransaction(plan), {
      at,
      merchant: options.merchant,
      card: options.card,
      actor: 'attacker',
    });
    attempts.push({ edits: plan, response, at });
    at += options.pace;
    if (response.status === 'ok' && response.decision === 'approve')
      return { ...base, achieved: true, winning: plan, attempts, stopReason: 'approved' };
  }
  const stopReason =
    ranked.length === 0 ? 'stuck' : attempts.at(-1)?.response.status === 'blocked' ? 'blocked' : 'budget';
  return { ...base, achieved: false, winning: null, attempts, stopReason };
}
