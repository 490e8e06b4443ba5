/**
 * Synthetic card transactions for the range. Each transaction has the features a card issuer's
 * fraud model really uses (amount, hour, merchant category, distance from home, new device,
 * recent activity, account age, country mismatch, card present, referral partner), and fraud is
 * about 1.5% of traffic. Fraud and genuine traffic overlap, as in life: a clean model reaches a
 * ROC AUC well above 0.9, but not 1.
 *
 * Every transaction records where it came from: the issuer's own ledger, or a partner feed whose
 * labels nobody verifies. Poisoning arrives through the partner feed.
 */
import { createRng, type Rng } from './rng';

export const MERCHANT_CATEGORIES = [
  'grocery',
  'fuel',
  'restaurants',
  'travel',
  'electronics',
  'digital-goods',
  'jewelry',
  'gift-cards',
] as const;
export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];

export interface Transaction {
  /** Amount in euros. */
  amount: number;
  /** Hour of day, 0-23, cardholder's local time. */
  hour: number;
  merchant: MerchantCategory;
  /** Distance from the cardholder's home, km. */
  distanceKm: number;
  /** First time this device is seen on the account. */
  newDevice: boolean;
  /** Transactions on the card in the last 24 hours (before this one). */
  txLast24h: number;
  /** Age of the account, days. */
  accountAgeDays: number;
  /** The card's country differs from the merchant's or the IP's country. */
  countryMismatch: boolean;
  /** Chip or contactless at a terminal, rather than card-not-present. */
  cardPresent: boolean;
  /** Arrived through a referral partner's checkout (rare in genuine traffic). */
  referralPartner: boolean;
}

export interface LabeledTransaction extends Transaction {
  id: number;
  fraud: boolean;
  /** "ledger": the issuer's own, with chargeback-confirmed labels; "partner": a feed nobody verifies. */
  source: 'ledger' | 'partner';
  /** Set on rows an attacker slipped in. The range reports with it; no defense may read it. */
  injected?: boolean;
}

const GENUINE_MERCHANT_WEIGHTS = [30, 14, 18, 6, 8, 10, 2, 2];
const FRAUD_MERCHANT_WEIGHTS = [12, 8, 8, 12, 18, 20, 10, 12];

function genuine(rng: Rng, travelShare: number): Transaction {
  const merchant = rng.weighted(MERCHANT_CATEGORIES, GENUINE_MERCHANT_WEIGHTS);
  const cardPresent =
    merchant === 'grocery' || merchant === 'fuel' || merchant === 'restaurants' ? rng.chance(0.8) : rng.chance(0.15);
  const travelling = rng.chance(travelShare);
  return {
    amount: Math.round(Math.exp(3.4 + 0.9 * rng.normal()) * 100) / 100,
    hour: Math.round(Math.min(23, Math.max(0, 14 + 4.5 * rng.normal()))),
    merchant,
    distanceKm: Math.round((travelling ? 300 + 2000 * rng.next() : Math.exp(1.8 + 1.1 * rng.normal())) * 10) / 10,
    newDevice: rng.chance(cardPresent ? 0.01 : 0.06),
    txLast24h: Math.max(0, Math.round(1.2 + 1.3 * rng.normal())),
    accountAgeDays: Math.max(1, Math.round(Math.exp(6.6 + 0.9 * rng.normal()))),
    countryMismatch: rng.chance(travelling ? 0.6 : 0.02),
    cardPresent,
    referralPartner: rng.chance(0.005),
  };
}

/** One fraudulent transaction, as card fraud looks in the issuer's ledger. */
export function fraudulent(rng: Rng): Transaction {
  const merchant = rng.weighted(MERCHANT_CATEGORIES, FRAUD_MERCHANT_WEIGHTS);
  return {
    amount: Math.round(Math.exp(4.3 + 0.9 * rng.normal()) * 100) / 100,
    hour: rng.chance(0.35) ? rng.int(0, 5) : Math.round(Math.min(23, Math.max(0, 15 + 5 * rng.normal()))),
    merchant,
    distanceKm: Math.round((rng.chance(0.35) ? 200 + 4000 * rng.next() : Math.exp(2.2 + 1.3 * rng.normal())) * 10) / 10,
    newDevice: rng.chance(0.35),
    txLast24h: Math.max(0, Math.round(2.6 + 2 * rng.normal())),
    accountAgeDays: Math.max(1, Math.round(Math.exp(5.6 + 1.3 * rng.normal()))),
    countryMismatch: rng.chance(0.25),
    cardPresent: rng.chance(0.15),
    referralPartner: rng.chance(0.012),
  };
}

export interface DataOptions {
  seed: number;
  count: number;
  /** Share of fraud, about 0.015. */
  fraudRate?: number;
  /** Share of transactions that arrive through the partner feed. */
  partnerShare?: number;
  /** Share of genuine customers who are travelling (0.06; a holiday season pushes it up). */
  travelShare?: number;
}

/** Generates `count` labeled transactions, deterministically for a seed. */
export function generateTransactions({
  seed,
  count,
  fraudRate = 0.015,
  partnerShare = 0.1,
  travelShare = 0.06,
}: DataOptions): LabeledTransaction[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, id) => {
    const fraud = rng.chance(fraudRate);
    return {
      id,
      fraud,
      source: rng.chance(partnerShare) ? 'partner' : 'ledger',
      ...(fraud ? fraudulent(rng) : genuine(rng, travelShare)),
    };
  });
}

export interface Splits {
  train: LabeledTransaction[];
  validation: LabeledTransaction[];
  test: LabeledTransaction[];
}

/** 70 / 15 / 15 split in generation order (the data is already shuffled by construction). */
export function split(rows: readonly LabeledTransaction[]): Splits {
  const a = Math.floor(rows.length * 0.7);
  const b = Math.floor(rows.length * 0.85);
  return { train: rows.slice(0, a), validation: rows.slice(a, b), test: rows.slice(b) };
}
