/**
 * Turns a transaction into the model's feature vector, and back into words for explanations.
 * Numbers that span orders of magnitude go through log1p; the hour becomes a night flag and a
 * position on the clock; the merchant category becomes one flag per category. Standardisation
 * (mean 0, variance 1, from the training set) keeps gradient descent well behaved.
 */
import { MERCHANT_CATEGORIES, type Transaction } from './data';

export const FEATURE_NAMES = [
  'log amount',
  'night (0-5 h)',
  'hour (sine)',
  'hour (cosine)',
  'log distance from home',
  'new device',
  'log transactions in 24 h',
  'log account age',
  'country mismatch',
  'card present',
  'referral partner',
  ...MERCHANT_CATEGORIES.map((m) => `merchant: ${m}`),
] as const;

/** Writes the raw feature vector into `out` at `offset` (no allocation: training walks 20,000 rows). */
export function writeFeatures(t: Transaction, out: Float64Array, offset = 0): void {
  const angle = (2 * Math.PI * t.hour) / 24;
  out[offset] = Math.log1p(t.amount);
  out[offset + 1] = t.hour <= 5 ? 1 : 0;
  out[offset + 2] = Math.sin(angle);
  out[offset + 3] = Math.cos(angle);
  out[offset + 4] = Math.log1p(t.distanceKm);
  out[offset + 5] = t.newDevice ? 1 : 0;
  out[offset + 6] = Math.log1p(t.txLast24h);
  out[offset + 7] = Math.log1p(t.accountAgeDays);
  out[offset + 8] = t.countryMismatch ? 1 : 0;
  out[offset + 9] = t.cardPresent ? 1 : 0;
  out[offset + 10] = t.referralPartner ? 1 : 0;
  for (let m = 0; m < MERCHANT_CATEGORIES.length; m++)
    out[offset + 11 + m] = t.merchant === MERCHANT_CATEGORIES[m] ? 1 : 0;
}

export const FEATURE_COUNT = 11 + MERCHANT_CATEGORIES.length;

export function rawFeatures(t: Transaction): number[] {
  const angle = (2 * Math.PI * t.hour) / 24;
  return [
    Math.log1p(t.amount),
    t.hour <= 5 ? 1 : 0,
    Math.sin(angle),
    Math.cos(angle),
    Math.log1p(t.distanceKm),
    t.newDevice ? 1 : 0,
    Math.log1p(t.txLast24h),
    Math.log1p(t.accountAgeDays),
    t.countryMismatch ? 1 : 0,
    t.cardPresent ? 1 : 0,
    t.referralPartner ? 1 : 0,
    ...MERCHANT_CATEGORIES.map((m) => (t.merchant === m ? 1 : 0)),
  ];
}

export interface Scaler {
  mean: number[];
  std: number[];
}

/** Mean and spread of each column of a row-major matrix with `width` columns. */
export function fitScalerFlat(x: Float64Array, width: number): Scaler {
  const n = x.length / width;
  const mean = new Array<number>(width).fill(0);
  const std = new Array<number>(width).fill(0);
  for (let j = 0; j < width; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i * width + j] as number;
    const m = n === 0 ? 0 : sum / n;
    let sq = 0;
    for (let i = 0; i < n; i++) sq += ((x[i * width + j] as number) - m) ** 2;
    mean[j] = m;
    std[j] = Math.sqrt(n === 0 ? 0 : sq / n) || 1;
  }
  return { mean, std };
}
