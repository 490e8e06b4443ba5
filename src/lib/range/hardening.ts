/**
 * AML.M0003 (model hardening) by adversarial training: before the retrain, every fraudulent
 * training row gets copies edited the way evaders edit a purchase (daytime, a proxy near the
 * cardholder, a spoofed device, a cooled-off card, another merchant, the referral checkout), still
 * labelled fraud. The model learns to lean less on the features an attacker can cheaply change
 * and more on those they cannot (account age, card-not-present, amount for the payoff).
 */
import { MERCHANT_CATEGORIES, type LabeledTransaction } from './data';
import { RESALE, VICTIM } from './evasion';
import { createRng } from './rng';

const RESALEABLE = MERCHANT_CATEGORIES.filter((m) => RESALE[m] >= 0.5);

export function adversarialExamples(
  rows: readonly LabeledTransaction[],
  seed: number,
  copies = 3,
): LabeledTransaction[] {
  const rng = createRng(seed ^ 0xad5e);
  let nextId = rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;
  const out: LabeledTransaction[] = [];
  for (const row of rows) {
    if (!row.fraud) continue;
    for (let c = 0; c < copies; c++) {
      const proxy = rng.chance(0.6);
      out.push({
        ...row,
        id: nextId++,
        hour: rng.chance(0.6) ? rng.int(9, 20) : row.hour,
        merchant: rng.chance(0.4) ? (RESALEABLE[rng.int(0, RESALEABLE.length - 1)] ?? row.merchant) : row.merchant,
        distanceKm: proxy ? VICTIM.homeDistanceWithProxyKm : row.distanceKm,
        countryMismatch: proxy ? false : row.countryMismatch,
        newDevice: rng.chance(0.5) ? false : row.newDevice,
        txLast24h: rng.chance(0.5) ? 0 : row.txLast24h,
        referralPartner: rng.chance(0.3) ? true : row.referralPartner,
      });
    }
  }
  return out;
}

/** The training set with adversarial examples mixed in. */
export function withAdversarialTraining(rows: readonly LabeledTransaction[], seed: number): LabeledTransaction[] {
  return [...rows, ...adversarialExamples(rows, seed)];
}
