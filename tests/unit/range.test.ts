import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTransactions, split } from '../../src/lib/range/data';
import { FEATURE_COUNT, FEATURE_NAMES, rawFeatures, writeFeatures } from '../../src/lib/range/features';
import { metrics, psi, rocAuc } from '../../src/lib/range/metrics';
import { score, thresholdForRecall, train } from '../../src/lib/range/model';
import { createRng } from '../../src/lib/range/rng';

const SEED = 20261126;

describe('the range’s data', () => {
  it('is the same for the same seed, and different for another', () => {
    expect(generateTransactions({ seed: SEED, count: 500 })).toEqual(generateTransactions({ seed: SEED, count: 500 }));
    expect(generateTransactions({ seed: SEED + 1, count: 500 })).not.toEqual(
      generateTransactions({ seed: SEED, count: 500 }),
    );
  });

  it('looks like card traffic: about 1.5% fraud, plausible values, ten features and more', () => {
    const rows = generateTransactions({ seed: SEED, count: 20_000 });
    const rate = rows.filter((r) => r.fraud).length / rows.length;
    expect(rate).toBeGreaterThan(0.01);
    expect(rate).toBeLessThan(0.02);
    for (const r of rows) {
      expect(r.amount).toBeGreaterThan(0);
      expect(r.hour).toBeGreaterThanOrEqual(0);
      expect(r.hour).toBeLessThanOrEqual(23);
      expect(r.accountAgeDays).toBeGreaterThanOrEqual(1);
    }
    const first = rows[0];
    if (!first) throw new Error('no rows');
    expect(FEATURE_NAMES.length).toBe(rawFeatures(first).length);
    const written = new Float64Array(FEATURE_COUNT);
    writeFeatures(first, written);
    expect(Array.from(written)).toEqual(rawFeatures(first));
    expect(FEATURE_NAMES.length).toBeGreaterThanOrEqual(8);
  });
});

describe('the range’s fraud model', () => {
  const { train: trainRows, validation, test } = split(generateTransactions({ seed: SEED, count: 20_000 }));
  const model = train(trainRows, { seed: SEED });
  model.threshold = thresholdForRecall(model, validation, 0.8);

  it('separates fraud well on clean test data (ROC AUC >= 0.9) and catches most of it', () => {
    const m = metrics(
      test.map((t) => score(model, t)),
      test.map((t) => t.fraud),
      model.threshold,
    );
    expect(m.auc).toBeGreaterThanOrEqual(0.9);
    // About 45 frauds in the test split: recall at the validation-chosen threshold varies, but most fraud is caught.
    expect(m.recall).toBeGreaterThan(0.5);
    expect(m.truePositive + m.falsePositive + m.trueNegative + m.falseNegative).toBe(test.length);
  });

  it('trains to the same weights for the same seed', () => {
    expect(train(trainRows, { seed: SEED }).weights).toEqual(train(trainRows, { seed: SEED }).weights);
  });

  it('learns the directions an analyst expects', () => {
    const weight = (name: string) => model.weights[FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number])] ?? 0;
    expect(weight('new device')).toBeGreaterThan(0);
    expect(weight('log amount')).toBeGreaterThan(0);
    expect(weight('log account age')).toBeLessThan(0);
  });
});

describe('metrics', () => {
  it('ROC AUC is 1 for a perfect ranking, 0.5 for ties, and matches pair counting (property)', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.5, 0.5], [false, true])).toBe(0.5);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 30 }),
        (pairs) => {
          const scores = pairs.map(([s]) => s);
          const labels = pairs.map(([, l]) => l);
          const pos = pairs.filter(([, l]) => l).map(([s]) => s);
          const neg = pairs.filter(([, l]) => !l).map(([s]) => s);
          if (pos.length === 0 || neg.length === 0) return;
          let wins = 0;
          for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
          expect(rocAuc(scores, labels)).toBeCloseTo(wins / (pos.length * neg.length), 10);
        },
      ),
    );
  });

  it('PSI is near 0 for the same distribution and large for a shifted one', () => {
    const rng = createRng(1);
    const a = Array.from({ length: 4000 }, () => rng.normal());
    const b = Array.from({ length: 4000 }, () => rng.normal());
    const shifted = Array.from({ length: 4000 }, () => rng.normal() + 0.8);
    expect(psi(a, b)).toBeLessThan(0.05);
    expect(psi(a, shifted)).toBeGreaterThan(0.25);
  });
});
