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

export function fitScaler(rows: readonly number[][]): Scaler {
  const width = rows[0]?.length ?? 0;
  const mean = new Array<number>(width).fill(0);
  const std = new Array<number>(width).fill(0);
  for (const row of rows) for (let j = 0; j < width; j++) mean[j] = (mean[j] ?? 0) + (row[j] ?? 0) / rows.length;
  for (const row of rows) for (let j = 0; j < width; j++) std[j] = (std[j] ?? 0) + ((row[j] ?? 0) - (mean[j] ?? 0)) ** 2 / rows.length;
  return { mean, std: std.map((v) => Math.sqrt(v) || 1) };
}

export function scale(row: readonly number[], scaler: Scaler): number[] {
  return row.map((v, j) => (v - (scaler.mean[j] ?? 0)) / (scaler.std[j] ?? 1));
}
