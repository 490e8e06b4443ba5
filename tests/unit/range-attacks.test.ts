import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InferenceApi, OPEN_API, type ApiConfig } from '../../src/lib/range/api';
import { generateTransactions, split, MERCHANT_CATEGORIES } from '../../src/lib/range/data';
import { driftAlerts, driftReadings } from '../../src/lib/range/drift';
import {
  CARD_LIMIT,
  feasible,
  payoff,
  PAYOFF_GOAL,
  spend,
  SPEND_LIMIT,
  START,
  toTransaction,
  VICTIM,
  type Edits,
} from '../../src/lib/range/evasion';
import { score, thresholdForRecall, train } from '../../src/lib/range/model';
import { backdoorEffect, poisonTrainingSet, sanitize } from '../../src/lib/range/poison';
import { DEFAULT_CONFIG, runRange, type DefenseId, type RangeConfig } from '../../src/lib/range/run';
import { configOf, runRecord } from '../../src/lib/range/record-of';
import { movedMetric } from '../../src/lib/range/moved';
import { compareRecords } from '../../src/lib/range/replay';
import { validateAnswers } from '../../src/lib/share/submission';

const run = (patch: Partial<RangeConfig>) => runRange({ ...DEFAULT_CONFIG, ...patch });
const evasion = (defenses: DefenseId[], budget = 60) =>
  run({ attack: { kind: 'evasion-auto', budget, pace: 10 }, defenses });
const poison = (kind: 'poison-backdoor' | 'poison-label-flip', defenses: DefenseId[], poisonRate = 0.03) =>
  run({ attack: { kind, budget: 20, pace: 10, poisonRate }, defenses });
const withoutTimings = (r: ReturnType<typeof runRange>) => ({ ...r, timings: null });

describe('a range run', () => {
  it('gives the same report for the same config, and a different one for another seed', () => {
    const a = evasion(['AML.M0004', 'AML.M0024']);
    const b = evasion(['AML.M0004', 'AML.M0024']);
    expect(withoutTimings(a)).toEqual(withoutTimings(b));
    const other = run({ seed: DEFAULT_CONFIG.seed + 1 });
    expect(other.before.auc).not.toBe(a.before.auc);
  });

  it('replays from its record to the same report, manual purchases and all, and the record survives validation', () => {
    const plans = [
      { ...START, proxy: true },
      { ...START, proxy: true, deviceSpoof: true, hour: 14 },
    ];
    const original = run({
      attack: { kind: 'evasion-manual', budget: 2, pace: 60, plans },
      defenses: ['AML.M0015', 'AML.M0024'],
      liveShift: 'holiday-travel',
    });
    const record = runRecord(original, new Date('2026-11-26T10:00:00Z'));
    const stored = validateAnswers('atlas-fraud-simulation', {
      chain: [],
      roe: [],
      runs: [JSON.parse(JSON.stringify(record))],
      defenses: [],
      hardening: '',
    });
    const config = configOf(stored?.runs[0] ?? record, DEFAULT_CONFIG);
    expect(config).not.toBeNull();
    expect(withoutTimings(runRange(config as RangeConfig))).toEqual(withoutTimings(original));
    const older = Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'settings')) as typeof record;
    expect(configOf(older, DEFAULT_CONFIG)).toBeNull();
  });

  it('trains on 20,000 rows to a clean-test ROC AUC of at least 0.9 with the default seed', () => {
    const r = run({});
    expect(r.before.auc).toBeGreaterThanOrEqual(0.9);
    expect(r.before.truePositive + r.before.falseNegative).toBeGreaterThan(30);
  });
});

describe('black-box evasion (AML.T0043.001 through AML.T0040)', () => {
  it('gets a fraudulent purchase approved by the undefended model within 60 queries, and it still pays off', () => {
    const r = evasion([]);
    expect(r.achieved).toBe(true);
    expect(r.attacker.queries).toBeLessThanOrEqual(60);
    expect(r.attacker.payoff).toBeGreaterThanOrEqual(PAYOFF_GOAL);
    expect(r.attacker.spend).toBeLessThanOrEqual(SPEND_LIMIT);
    expect(r.timeToDetect).toBeNull();
    // The trajectory ends below the threshold: the last query was approved.
    expect(r.trajectory.at(-1)?.decision).toBe('approve');
    expect(r.trajectory.at(-1)?.score).toBeLessThan(r.before.threshold);
  });

  it('is blocked and seen by stateful input detection with telemetry (AML.M0015 + AML.M0024)', () => {
    const r = evasion(['AML.M0015', 'AML.M0024']);
    expect(r.achieved).toBe(false);
    expect(r.attacker.stopReason).toBe('blocked');
    expect(r.alerts.some((a) => a.source === 'AML.M0015' && a.seen && a.aboutAttacker)).toBe(true);
    expect(r.timeToDetect).not.toBeNull();
  });

  it('is detected by query-pattern alerts with telemetry (AML.M0004 + AML.M0024), and unseen without the log', () => {
    const seen = evasion(['AML.M0004', 'AML.M0024']);
    expect(seen.alerts.some((a) => a.source === 'AML.M0004' && a.seen)).toBe(true);
    expect(seen.timeToDetect).toBeGreaterThan(0);
    expect(seen.otherAlerts).toBe(0);
    const blind = evasion(['AML.M0004']);
    expect(blind.alerts.length).toBeGreaterThan(0);
    expect(blind.alerts.every((a) => !a.seen)).toBe(true);
    expect(blind.timeToDetect).toBeNull();
  });

  it('fails within the budget when the API returns only a decision (AML.M0002), and no score ever leaves the API', () => {
    const r = evasion(['AML.M0002']);
    expect(r.achieved).toBe(false);
    expect(r.trajectory.every((p) => p.shown === null)).toBe(true);
  });

  it('fails against an adversarially trained model (AML.M0003), even with 500 queries', () => {
    const r = evasion(['AML.M0003'], 500);
    expect(r.achieved).toBe(false);
    expect(r.after.auc).toBeGreaterThanOrEqual(0.9);
  });
});

describe('proxy model and transfer (AML.T0005, AML.T0043.002)', () => {
  it('beats per-card detection and output obfuscation, but query volume gives it away', () => {
    const quiet = run({
      attack: { kind: 'proxy', budget: 500, pace: 10 },
      defenses: ['AML.M0015', 'AML.M0002', 'AML.M0024'],
    });
    expect(quiet.achieved).toBe(true);
    expect(quiet.timeToDetect).toBeNull();
    const watched = run({ attack: { kind: 'proxy', budget: 500, pace: 10 }, defenses: ['AML.M0004', 'AML.M0024'] });
    expect(watched.alerts.some((a) => a.source === 'AML.M0004' && a.seen && a.aboutAttacker)).toBe(true);
    expect(watched.achieved).toBe(false);
  });
});

describe('training-data poisoning (AML.T0020)', () => {
  it('a backdoor in 3% of training rows makes triggered fraud pass (AML.T0043.004)', () => {
    const r = poison('poison-backdoor', []);
    expect(r.poisoning?.injected).toBe(Math.round(20_000 * 0.03));
    expect(r.poisoning?.backdoorBefore.withTrigger).toBeLessThan(0.25);
    expect(r.poisoning?.backdoorAfter.withTrigger).toBeGreaterThan(0.8);
    // Untriggered fraud is still caught about as before: the backdoor is quiet.
    expect(
      Math.abs((r.poisoning?.backdoorAfter.withoutTrigger ?? 1) - (r.poisoning?.backdoorBefore.withoutTrigger ?? 0)),
    ).toBeLessThan(0.1);
    expect(r.achieved).toBe(true);

    // The record keeps the figure the backdoor moves, the runs table shows it (recall hardly
    // moves, which is the point), and a replay checks it like every other figure.
    const record = runRecord(r, new Date('2026-12-07T10:00:00Z'));
    expect(record.triggeredBefore).toBeLessThan(0.25);
    expect(record.triggeredAfter).toBeGreaterThan(0.8);
    expect(movedMetric(record)).toEqual({
      label: 'Fraud with the trigger approved',
      value: `${Math.round((record.triggeredBefore ?? 0) * 100)}% → ${Math.round((record.triggeredAfter ?? 0) * 100)}%`,
    });
    expect(compareRecords(record, record)).toEqual([]);
    expect(compareRecords({ ...record, triggeredAfter: 0.1 }, record)).toEqual([
      `triggeredAfter: 0.1 -> ${record.triggeredAfter}`,
    ]);
    const older = { ...record };
    delete older.triggeredBefore;
    delete older.triggeredAfter;
    expect(compareRecords(older, record)).toEqual([]);
    expect(movedMetric(older).label).toBe('Recall (trigger figures not recorded)');
  });

  it('each attack’s run names the figure it moves', () => {
    const flip = runRecord(poison('poison-label-flip', []), new Date('2026-12-07T10:00:00Z'));
    expect(flip.triggeredAfter).toBeUndefined();
    expect(movedMetric(flip).label).toBe('Recall');
    const evade = runRecord(evasion([]), new Date('2026-12-07T10:00:00Z'));
    expect(movedMetric(evade)).toEqual({
      label: 'Attacker’s net gain',
      value: `€${evade.payoff.toLocaleString('en')}`,
    });
  });

  it('sanitizing the training data (AML.M0007) removes the backdoor and raises an alert', () => {
    const r = poison('poison-backdoor', ['AML.M0007']);
    expect(r.poisoning?.removedPoison).toBeGreaterThan(0.9 * (r.poisoning?.injected ?? 0));
    expect(r.poisoning?.backdoorAfter.withTrigger).toBeLessThan(0.25);
    expect(r.achieved).toBe(false);
    expect(r.alerts.some((a) => a.source === 'AML.M0007' && a.seen)).toBe(true);
  });

  it('keeping only rows of verified provenance (AML.M0025) removes the backdoor too', () => {
    const r = poison('poison-backdoor', ['AML.M0025']);
    expect(r.poisoning?.removedPoison).toBe(r.poisoning?.injected);
    expect(r.achieved).toBe(false);
  });

  it('label flipping lowers recall, and drift monitoring on scores sees it', () => {
    const r = poison('poison-label-flip', ['drift', 'AML.M0024'], 0.05);
    expect(r.after.recall).toBeLessThan(r.before.recall - 0.1);
    expect(r.achieved).toBe(true);
    expect(r.drift.find((d) => d.name === 'score')?.level).toBe('alert');
    expect(r.alerts.some((a) => a.source === 'drift' && a.aboutAttacker && a.seen)).toBe(true);
  });

  it('sanitization on a clean feed quarantines about as much as the ledger itself disagrees with', () => {
    const { train: rows } = split(generateTransactions({ seed: 7, count: 8000 }));
    const clean = sanitize(rows, 7);
    expect(clean.removedPoison).toBe(0);
    expect(clean.disagreementRate.partner).toBeLessThan(1.5 * clean.disagreementRate.ledger + 0.02);
    const dirty = sanitize(poisonTrainingSet(rows, { method: 'backdoor', rate: 0.03, seed: 7 }).rows, 7);
    expect(dirty.disagreementRate.partner).toBeGreaterThan(1.5 * dirty.disagreementRate.ledger + 0.02);
  });
});

describe('drift monitoring', () => {
  const { validation } = split(generateTransactions({ seed: 11, count: 14_000 }));
  const model = train(validation, { seed: 11 });
  const reference = { scores: validation.map((t) => score(model, t)), rows: validation };
  const stream = (travelShare: number, seed: number) => {
    const rows = generateTransactions({ seed, count: 1500, travelShare });
    return { scores: rows.map((t) => score(model, t)), rows };
  };

  it('fires on a shifted stream (holiday travel) and not on a clean one', () => {
    expect(driftAlerts(driftReadings(reference, stream(0.06, 99)))).toEqual([]);
    const shifted = driftAlerts(driftReadings(reference, stream(0.35, 99)));
    expect(shifted.map((r) => r.name)).toContain('distance from home');
  });

  it('in a run, a real-world shift raises a drift alert that is not blamed on the attacker', () => {
    const r = run({ liveShift: 'holiday-travel', defenses: ['drift', 'AML.M0024'] });
    const drift = r.alerts.find((a) => a.source === 'drift');
    expect(drift?.aboutAttacker).toBe(false);
    expect(r.otherAlerts).toBe(1);
  });
});

describe('the inference API', () => {
  const { train: rows, validation } = split(generateTransactions({ seed: 3, count: 6000 }));
  const model = train(rows, { seed: 3 });
  model.threshold = thresholdForRecall(model, validation);

  it('never lets more than the hourly quota through for one merchant key, whatever the pacing (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 5, max: 120 }),
        (quota, pace, calls) => {
          const config: ApiConfig = { ...OPEN_API, hourlyQuota: quota };
          const api = new InferenceApi(model, config);
          for (let i = 0; i < calls; i++)
            api.query(toTransaction(START), { at: i * pace, merchant: 'm', card: `c${i}`, actor: 'attacker' });
          for (const q of api.log) {
            const served = api.log.filter((o) => o.status !== 'throttled' && o.at <= q.at && q.at - o.at < 3600).length;
            expect(served).toBeLessThanOrEqual(quota);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('returns a score, a rounded score or only a decision, as configured', () => {
    const tx = toTransaction(START);
    const ctx = { at: 0, merchant: 'm', card: 'c', actor: 'attacker' as const };
    expect(new InferenceApi(model, OPEN_API).query(tx, ctx).score).toBeCloseTo(score(model, tx), 12);
    const rounded = new InferenceApi(model, { ...OPEN_API, output: 'rounded' }).query(tx, ctx).score ?? -1;
    expect(Math.round(rounded * 10)).toBeCloseTo(rounded * 10, 9);
    const decision = new InferenceApi(model, { ...OPEN_API, output: 'decision' }).query(tx, ctx);
    expect(decision.score).toBeUndefined();
    expect(decision.decision).toBe('decline');
  });
});

describe('the attacker’s constraints', () => {
  const edits = fc.record({
    amount: fc.integer({ min: 1, max: 3000 }),
    hour: fc.integer({ min: 0, max: 23 }),
    merchant: fc.constantFrom(...MERCHANT_CATEGORIES),
    proxy: fc.boolean(),
    deviceSpoof: fc.boolean(),
    waitDay: fc.boolean(),
    referral: fc.boolean(),
  });

  it('a feasible purchase pays off, stays within the limit and tooling budget; what the attacker cannot change stays put (property)', () => {
    fc.assert(
      fc.property(edits, (e: Edits) => {
        if (feasible(e)) {
          expect(payoff(e)).toBeGreaterThanOrEqual(PAYOFF_GOAL);
          expect(spend(e)).toBeLessThanOrEqual(SPEND_LIMIT);
          expect(e.amount).toBeLessThanOrEqual(CARD_LIMIT);
        }
        const t = toTransaction(e);
        expect(t.accountAgeDays).toBe(VICTIM.accountAgeDays);
        expect(t.cardPresent).toBe(false);
      }),
    );
  });

  it('backdoor effect is measured on the same purchases with and without the trigger', () => {
    const { train: rows, validation } = split(generateTransactions({ seed: 5, count: 8000 }));
    const clean = train(rows, { seed: 5 });
    clean.threshold = thresholdForRecall(clean, validation);
    const effect = backdoorEffect(clean, 5);
    // On a clean model the trigger is a near-irrelevant feature: it changes little.
    expect(Math.abs(effect.withTrigger - effect.withoutTrigger)).toBeLessThan(0.35);
  });
});
