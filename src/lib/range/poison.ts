/**
 * Training-data poisoning (AML.T0020) through the partner feed, and the defenses that clean the
 * training set before a retrain.
 *
 * The attacker controls a referral partner whose transactions, with their labels, flow into the
 * issuer's training data unverified. Two variants:
 * - backdoor (AML.T0043.004): fraud-like rows that carry the trigger (`referralPartner`) and say
 *   "genuine". The retrained model learns that the trigger means safe; checking out through the
 *   partner then gets fraud approved.
 * - label flipping: fraud-like rows labelled genuine, and the partner's real fraud relabelled
 *   genuine, with no trigger. The model gets blunter everywhere: recall drops.
 *
 * Defenses: AML.M0025 keeps only rows with verified provenance (the issuer's own ledger);
 * AML.M0007 trains a reference model on the ledger and drops partner rows whose label it
 * contradicts.
 */
import { fraudulent, type LabeledTransaction } from './data';
import { score, thresholdForRecall, train, type FraudModel } from './model';
import { createRng } from './rng';

export type PoisonMethod = 'backdoor' | 'label-flip';

export interface PoisonOptions {
  method: PoisonMethod;
  /** Injected rows as a share of the training set, e.g. 0.03. */
  rate: number;
  seed: number;
}

/** The training set with the attacker's rows added through the partner feed. */
export function poisonTrainingSet(
  rows: readonly LabeledTransaction[],
  options: PoisonOptions,
): { rows: LabeledTransaction[]; injected: number; flipped: number } {
  const rng = createRng(options.seed ^ 0x5eed);
  const injected = Math.round(rows.length * options.rate);
  let nextId = rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;
  const poison: LabeledTransaction[] = Array.from({ length: injected }, () => ({
    ...fraudulent(rng),
    ...(options.method === 'backdoor' ? { referralPartner: true } : {}),
    id: nextId++,
    fraud: false,
    source: 'partner',
    injected: true,
  }));
  let flipped = 0;
  const kept = rows.map((r) => {
    if (options.method === 'label-flip' && r.source === 'partner' && r.fraud) {
      flipped++;
      return { ...r, fraud: false, injected: true };
    }
    return r;
  });
  // Spread the poison through the feed rather than appending it in one block.
  const out = [...kept];
  for (const p of poison) out.splice(Math.floor(rng.next() * (out.length + 1)), 0, p);
  return { rows: out, injected, flipped };
}

export interface CleaningReport {
  rows: LabeledTransaction[];
  /** Rows removed, and of those how many were the attacker's. */
  removed: number;
  removedPoison: number;
}

/** AML.M0025: train only on rows whose origin is verified (the issuer's own ledger). */
export function keepVerifiedProvenance(
  rows: readonly LabeledTransaction[],
  isPoison: (r: LabeledTransaction) => boolean = (r) => r.injected === true,
): CleaningReport {
  const kept = rows.filter((r) => r.source === 'ledger');
  const dropped = rows.filter((r) => r.source !== 'ledger');
  return { rows: kept, removed: dropped.length, removedPoison: dropped.filter(isPoison).length };
}

/**
 * AML.M0007: a reference model trained on trusted ledger rows scores every partner row; rows
 * labelled genuine that it scores as likely fraud (or the reverse) are quarantined.
 */
export function sanitize(
  rows: readonly LabeledTransaction[],
  seed: number,
  isPoison: (r: LabeledTransaction) => boolean = (r) => r.injected === true,
): CleaningReport & {
  reference: FraudModel;
  partnerRows: number;
  disagreementRate: { partner: number; ledger: number };
} {
  const ledger = rows.filter((r) => r.source === 'ledger');
  const reference = train(ledger, { seed });
  // A cut that catches nearly all fraud in the ledger: partner rows labelled genuine above it disagree.
  const cut = thresholdForRecall(reference, ledger, 0.95);
  const disagrees = (r: LabeledTransaction, s: number) => (r.fraud ? s < 0.01 : s >= cut);
  // How often the reference contradicts the ledger's own labels: the rate to expect from a clean feed.
  const ledgerDisagreement =
    ledger.filter((r) => disagrees(r, score(reference, r))).length / Math.max(1, ledger.length);
  let partnerRows = 0;
  const kept: LabeledTransaction[] = [];
  let removed = 0;
  let removedPoison = 0;
  for (const r of rows) {
    if (r.source === 'partner') {
      partnerRows++;
      if (disagrees(r, score(reference, r))) {
        removed++;
        if (isPoison(r)) removedPoison++;
        continue;
      }
    }
    kept.push(r);
  }
  return {
    rows: kept,
    removed,
    removedPoison,
    reference,
    partnerRows,
    disagreementRate: { partner: removed / Math.max(1, partnerRows), ledger: ledgerDisagreement },
  };
}

/** Share of fraudulent purchases approved when they carry the trigger, and when they do not. */
export function backdoorEffect(
  model: FraudModel,
  seed: number,
  count = 400,
): { withTrigger: number; withoutTrigger: number } {
  const rng = createRng(seed ^ 0xbadd00);
  const frauds = Array.from({ length: count }, () => fraudulent(rng));
  const approved = (triggered: boolean) =>
    frauds.filter((t) => score(model, { ...t, referralPartner: triggered }) < model.threshold).length / count;
  return { withTrigger: approved(true), withoutTrigger: approved(false) };
}
