/** Model metrics the range reports: confusion matrix, precision, recall, ROC AUC; and drift (PSI). */

export interface Confusion {
  truePositive: number;
  falsePositive: number;
  trueNegative: number;
  falseNegative: number;
}

export interface Metrics extends Confusion {
  precision: number;
  recall: number;
  /** Area under the ROC curve, 0..1 (0.5 is chance). */
  auc: number;
}

export function confusion(scores: readonly number[], labels: readonly boolean[], threshold: number): Confusion {
  const c: Confusion = { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 };
  scores.forEach((s, i) => {
    const flagged = s >= threshold;
    if (labels[i]) {
      if (flagged) c.truePositive++;
      else c.falseNegative++;
    } else if (flagged) c.falsePositive++;
    else c.trueNegative++;
  });
  return c;
}

/** ROC AUC by ranks (Mann-Whitney), with ties counted half. */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => ({ s, fraud: labels[i] === true })).sort((a, b) => a.s - b.s);
  let rank = 0;
  let positiveRankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]?.s === order[i]?.s) j++;
    const averageRank = (rank + 1 + rank + (j - i)) / 2;
    for (let k = i; k < j; k++) {
      if (order[k]?.fraud) {
        positiveRankSum += averageRank;
        positives++;
      }
    }
    rank += j - i;
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function metrics(scores: readonly number[], labels: readonly boolean[], threshold: number): Metrics {
  const c = confusion(scores, labels, threshold);
  return {
    ...c,
    precision: c.truePositive + c.falsePositive === 0 ? 0 : c.truePositive / (c.truePositive + c.falsePositive),
    recall: c.truePositive + c.falseNegative === 0 ? 0 : c.truePositive / (c.truePositive + c.falseNegative),
    auc: rocAuc(scores, labels),
  };
}

/**
 * Population stability index between a reference sample and a live one, over ten bins cut at
 * the reference's deciles. Rule of thumb: under 0.1 stable, 0.1-0.25 watch, over 0.25 shifted.
 */
export function psi(reference: readonly number[], live: readonly number[], bins = 10): number {
  if (reference.length === 0 || live.length === 0) return 0;
  const sorted = [...reference].sort((a, b) => a - b);
  const cuts = Array.from(
    { length: bins - 1 },
    (_, i) => sorted[Math.floor(((i + 1) * sorted.length) / bins)] as number,
  );
  const histogram = (values: readonly number[]) => {
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) {
      let b = 0;
      while (b < cuts.length && v > (cuts[b] as number)) b++;
      counts[b] = (counts[b] ?? 0) + 1;
    }
    return counts.map((c) => Math.max(c / values.length, 1e-4));
  };
  const p = histogram(reference);
  const q = histogram(live);
  return p.reduce((sum, pi, i) => sum + ((q[i] as number) - pi) * Math.log((q[i] as number) / pi), 0);
}
