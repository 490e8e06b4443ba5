/**
 * Black-box evasion through the scoring API. The attacker holds a stolen card and wants one
 * card-not-present purchase approved that still pays off after resale. Every change to the
 * transaction has a price (a residential proxy, a spoofed device) or a delay (waiting for the
 * card's activity to cool), and the resale value depends on what is bought.
 *
 * Manual edits are AML.T0043.003; the automated hill-climb on returned scores is AML.T0043.001;
 * an approved probe verifies the attack (AML.T0042) and the real purchase evades the model
 * (AML.T0015). All of it runs through the inference API (AML.T0040).
 */
import type { ApiResponse, InferenceApi } from './api';
import { MERCHANT_CATEGORIES, type MerchantCategory, type Transaction } from './data';
import type { Rng } from './rng';

export interface Edits {
  /** Euros charged, between MIN_AMOUNT and CARD_LIMIT. */
  amount: number;
  /** Local hour at which the purchase is made. */
  hour: number;
  merchant: MerchantCategory;
  /** Residential proxy and drop address in the cardholder's city: close to home, no country mismatch. */
  proxy: boolean;
  /** Emulate the cardholder's device fingerprint, so the device is not new. */
  deviceSpoof: boolean;
  /** Wait a day for the card's recent activity to cool down. */
  waitDay: boolean;
  /** Check out through the referral partner's page. */
  referral: boolean;
}

export const CARD_LIMIT = 2000;
export const MIN_AMOUNT = 50;
/** What the attacker must net for the fraud to be worth it. */
export const PAYOFF_GOAL = 400;
/** The most the attacker will spend on tooling for one card. */
export const SPEND_LIMIT = 200;

/** Share of the purchase price the attacker recovers by reselling the goods. */
export const RESALE: Record<MerchantCategory, number> = {
  grocery: 0.2,
  fuel: 0.2,
  restaurants: 0.05,
  travel: 0.5,
  electronics: 0.7,
  'digital-goods': 0.75,
  jewelry: 0.6,
  'gift-cards': 0.85,
};

export const PRICES = { proxy: 40, deviceSpoof: 150, referral: 5 } as const;

/** The stolen card's account, as the model will see it. */
export const VICTIM = { accountAgeDays: 1100, homeDistanceWithProxyKm: 8, txLast24h: 4 } as const;

/** Where the attacker starts: the purchase they would make without thinking about the model. */
export const START: Edits = {
  amount: 1800,
  hour: 3,
  merchant: 'electronics',
  proxy: false,
  deviceSpoof: false,
  waitDay: false,
  referral: false,
};

export function toTransaction(e: Edits): Transaction {
  return {
    amount: e.amount,
    hour: e.hour,
    merchant: e.merchant,
    distanceKm: e.proxy ? VICTIM.homeDistanceWithProxyKm : 5600,
    newDevice: !e.deviceSpoof,
    txLast24h: e.waitDay ? 0 : VICTIM.txLast24h,
    accountAgeDays: VICTIM.accountAgeDays,
    countryMismatch: !e.proxy,
    cardPresent: false,
    referralPartner: e.referral,
  };
}

export function spend(e: Edits): number {
  return (e.proxy ? PRICES.proxy : 0) + (e.deviceSpoof ? PRICES.deviceSpoof : 0) + (e.referral ? PRICES.referral : 0);
}

/** Net gain if the purchase goes through: resale value minus tooling. */
export function payoff(e: Edits): number {
  return Math.round(e.amount * RESALE[e.merchant] - spend(e));
}

/** Hours the attacker waits before buying (for the hour of day and the cooling-off day). */
export function delayHours(e: Edits): number {
  return (e.waitDay ? 24 : 0) + ((e.hour - START.hour + 24) % 24);
}

export function feasible(e: Edits): boolean {
  return (
    e.amount >= MIN_AMOUNT &&
    e.amount <= CARD_LIMIT &&
    e.hour >= 0 &&
    e.hour <= 23 &&
    spend(e) <= SPEND_LIMIT &&
    payoff(e) >= PAYOFF_GOAL
  );
}

/** Why an edit set breaks the attacker's constraints, in words; empty when it is feasible. */
export function constraintProblems(e: Edits): string[] {
  const problems: string[] = [];
  if (e.amount > CARD_LIMIT) problems.push(`The card's limit is €${CARD_LIMIT}.`);
  if (e.amount < MIN_AMOUNT)
    problems.push(`Merchants in this range reject card-not-present payments under €${MIN_AMOUNT}.`);
  if (spend(e) > SPEND_LIMIT)
    problems.push(`Tooling costs €${spend(e)}, over the €${SPEND_LIMIT} this card is worth spending.`);
  if (payoff(e) < PAYOFF_GOAL)
    problems.push(`Nets €${payoff(e)} after resale and tooling; the fraud needs €${PAYOFF_GOAL} to pay off.`);
  return problems;
}

export interface Attempt {
  /** The attacker's edits, or null for purchases not built from the stolen card's edits. */
  edits: Edits | null;
  response: ApiResponse;
  at: number;
}

export interface EvasionResult {
  achieved: boolean;
  /** The edits that got through, if any. */
  winning: Edits | null;
  attempts: Attempt[];
  /** Why the search stopped. */
  stopReason: 'approved' | 'budget' | 'stuck' | 'blocked';
}

export interface SearchOptions {
  /** Most scoring calls the attacker will make. */
  budget: number;
  /** Seconds between calls. */
  pace: number;
  card: string;
  merchant: string;
  rng: Rng;
  /** Start time of the first call, seconds. */
  startAt?: number;
}

function neighbours(e: Edits): Edits[] {
  const out: Edits[] = [];
  if (e.hour !== 14) out.push({ ...e, hour: 14 });
  for (const merchant of MERCHANT_CATEGORIES)
    if (merchant !== e.merchant && RESALE[merchant] >= 0.5) out.push({ ...e, merchant });
  if (!e.proxy) out.push({ ...e, proxy: true });
  if (!e.deviceSpoof) out.push({ ...e, deviceSpoof: true });
  if (!e.waitDay) out.push({ ...e, waitDay: true });
  if (!e.referral) out.push({ ...e, referral: true });
  const lower = Math.round(e.amount * 0.8);
  out.push({ ...e, amount: lower });
  return out.filter(feasible);
}

/**
 * Automated black-box search (AML.T0043.001): a greedy hill-climb that tries each single change,
 * keeps the one with the lowest returned score, and stops at the first approval. When the API
 * returns only decisions (AML.M0002), there is no score to climb: it walks at random among
 * declined neighbours instead, which costs more queries.
 */
export function automatedEvasion(api: InferenceApi, options: SearchOptions, start: Edits = START): EvasionResult {
  const attempts: Attempt[] = [];
  let at = options.startAt ?? 0;
  const ask = (edits: Edits): ApiResponse => {
    const response = api.query(toTransaction(edits), {
      at,
      merchant: options.merchant,
      card: options.card,
      actor: 'attacker',
    });
    attempts.push({ edits, response, at });
    at += options.pace;
    return response;
  };
  const done = (stopReason: EvasionResult['stopReason'], winning: Edits | null = null): EvasionResult => ({
    achieved: winning !== null,
    winning,
    attempts,
    stopReason,
  });

  let current = start;
  const first = ask(current);
  if (first.decision === 'approve' && first.status === 'ok') return done('approved', current);
  let blockedStreak = 0;
  let currentScore = first.score ?? 1;
  while (attempts.length < options.budget) {
    const candidates = neighbours(current);
    if (candidates.length === 0) return done('stuck');
    let best: { edits: Edits; score: number } | null = null;
    const declined: Edits[] = [];
    for (const candidate of candidates) {
      if (attempts.length >= options.budget) return done('budget');
      const response = ask(candidate);
      if (response.status === 'ok' && response.decision === 'approve') return done('approved', candidate);
      if (response.status === 'blocked') {
        blockedStreak++;
        // A blocked card never comes back within the run: an attacker notices and gives up on it.
        if (blockedStreak >= 3) return done('blocked');
        continue;
      }
      blockedStreak = 0;
      if (response.status !== 'ok') continue;
      declined.push(candidate);
      if (response.score !== undefined && (best === null || response.score < best.score))
        best = { edits: candidate, score: response.score };
    }
    if (best && best.score < currentScore) {
      current = best.edits;
      currentScore = best.score;
    } else if (best) {
      return done('stuck');
    } else if (declined.length > 0) {
      current = declined[Math.floor(options.rng.next() * declined.length)] as Edits;
    } else {
      return done('stuck');
    }
  }
  return done('budget');
}

/** Manual modification (AML.T0043.003): the learner's own edit sets, tried in order. */
export function manualEvasion(
  api: InferenceApi,
  plans: readonly Edits[],
  options: Omit<SearchOptions, 'rng'>,
): EvasionResult {
  const attempts: Attempt[] = [];
  let at = options.startAt ?? 0;
  for (const edits of plans.slice(0, options.budget)) {
    const response = api.query(toTransaction(edits), {
      at,
      merchant: options.merchant,
      card: options.card,
      actor: 'attacker',
    });
    attempts.push({ edits, response, at });
    at += options.pace;
    if (response.status === 'ok' && response.decision === 'approve' && feasible(edits))
      return { achieved: true, winning: edits, attempts, stopReason: 'approved' };
  }
  const blocked = attempts.at(-1)?.response.status === 'blocked';
  return { achieved: false, winning: null, attempts, stopReason: blocked ? 'blocked' : 'budget' };
}
