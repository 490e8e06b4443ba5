/**
 * The cyber range's console: choose an attack and its settings, switch defenses on or off, run
 * it (in a Web Worker). The exercise shows the report and records every run in the learner's answers.
 */
import { useState } from 'preact/hooks';
import { DEFAULT_CONFIG, DEFENSES, type AttackKind, type DefenseId, type RangeConfig } from '../../lib/range/config';
import { MERCHANT_CATEGORIES, type MerchantCategory } from '../../lib/range/data';
import { CARD_LIMIT, constraintProblems, payoff, spend, START, type Edits } from '../../lib/range/evasion';
import type { RunReport } from '../../lib/range/run';
import type { Message } from '../common/MessageArea';
import { ATTACK_INFO, DEFENSE_INFO } from './labels';

const PACES = [
  { value: 10, label: 'every 10 seconds' },
  { value: 60, label: 'every minute' },
  { value: 120, label: 'every 2 minutes' },
];
const RATES = [0.01, 0.02, 0.03, 0.05];
const MAX_PLANS = 30;

interface Props {
  disabled: boolean;
  /** Runs a config in the range; resolves with the report. */
  onRun: (config: RangeConfig, onProgress: (done: number, label: string) => void) => Promise<RunReport>;
  onMessage: (message: Message) => void;
}

export function RangeConsole({ disabled, onRun, onMessage }: Props) {
  const [kind, setKind] = useState<AttackKind>('evasion-auto');
  const [budget, setBudget] = useState(60);
  const [pace, setPace] = useState(10);
  const [rate, setRate] = useState(0.03);
  const [defenses, setDefenses] = useState<DefenseId[]>([]);
  const [seed, setSeed] = useState(DEFAULT_CONFIG.seed);
  const [liveShift, setLiveShift] = useState<'none' | 'holiday-travel'>('none');
  const [edits, setEdits] = useState<Edits>(START);
  const [plans, setPlans] = useState<Edits[]>([]);
  const [running, setRunning] = useState<{ done: number; label: string } | null>(null);

  const isPoison = kind === 'poison-backdoor' || kind === 'poison-label-flip';
  const problems = constraintProblems(edits);

  const run = async () => {
    if (kind === 'evasion-manual' && plans.length === 0) {
      onMessage({ tone: 'error', text: 'Add at least one purchase to your list before running a manual evasion.' });
      return;
    }
    const config: RangeConfig = {
      ...DEFAULT_CONFIG,
      seed,
      liveShift,
      defenses: DEFENSES.filter((d) => defenses.includes(d)),
      attack: {
        kind,
        budget: kind === 'evasion-manual' ? plans.length : isPoison ? 20 : budget,
        pace,
        ...(kind === 'evasion-manual' ? { plans } : {}),
        ...(isPoison ? { poisonRate: rate } : {}),
      },
    };
    setRunning({ done: 0, label: 'Starting the range' });
    try {
      await onRun(config, (done, label) => setRunning({ done, label }));
      requestAnimationFrame(() => document.getElementById('run-report')?.focus());
    } catch (error) {
      onMessage({
        tone: 'error',
        text: `The range stopped before finishing: ${error instanceof Error ? error.message : 'unknown error'}. Nothing was recorded; run it again.`,
      });
    } finally {
      setRunning(null);
    }
  };

  const toggleDefense = (id: DefenseId, on: boolean) =>
    setDefenses((d) => (on ? [...new Set([...d, id])] : d.filter((x) => x !== id)));
  const busy = disabled || running !== null;

  return (
    <div class="range-console">
      <fieldset class="range-console__attack">
        <legend>Attack</legend>
        {(Object.keys(ATTACK_INFO) as AttackKind[]).map((k) => (
          <label key={k} class="choice">
            <input
              type="radio"
              name="range-attack"
              value={k}
              checked={kind === k}
              disabled={busy}
              onChange={() => setKind(k)}
            />
            <span>
              <strong>{ATTACK_INFO[k].label}</strong> <span class="meta">({ATTACK_INFO[k].ids})</span>
              <br />
              <span class="meta">{ATTACK_INFO[k].text}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset class="range-console__settings">
        <legend>Attack settings</legend>
        {(kind === 'evasion-auto' || kind === 'proxy') && (
          <div class="field">
            <label for="range-budget">Query budget (scoring calls)</label>
            <input
              id="range-budget"
              type="number"
              min={kind === 'proxy' ? 20 : 1}
              max={500}
              step={1}
              value={budget}
              disabled={busy}
              onInput={(e) => {
                const n = Number(e.currentTarget.value);
                if (Number.isFinite(n)) setBudget(Math.min(500, Math.max(1, Math.round(n))));
              }}
            />
          </div>
        )}
        {!isPoison && (
          <div class="field">
            <label for="range-pace">Pace of calls</label>
            <select
              id="range-pace"
              value={pace}
              disabled={busy}
              onChange={(e) => setPace(Number(e.currentTarget.value))}
            >
              {PACES.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {isPoison && (
          <div class="field">
            <label for="range-rate">Poisoned rows, as a share of the training set</label>
            <select
              id="range-rate"
              value={rate}
              disabled={busy}
              onChange={(e) => setRate(Number(e.currentTarget.value))}
            >
              {RATES.map((r) => (
                <option key={r} value={r}>
                  {Math.round(r * 100)}% ({Math.round(r * DEFAULT_CONFIG.trainSize)} rows)
                </option>
              ))}
            </select>
          </div>
        )}
        {kind === 'evasion-manual' && (
          <ManualPlans
            edits={edits}
            setEdits={setEdits}
            plans={plans}
            setPlans={setPlans}
            problems={problems}
            disabled={busy}
            onMessage={onMessage}
          />
        )}
      </fieldset>

      <fieldset class="range-console__defenses">
        <legend>Defenses on the replica</legend>
        <p class="meta">Leave all off for a baseline run; step 4 asks you to rerun with some on and compare.</p>
        {DEFENSES.map((d) => (
          <label key={d} class="choice">
            <input
              type="checkbox"
              checked={defenses.includes(d)}
              disabled={busy}
              onChange={(e) => toggleDefense(d, e.currentTarget.checked)}
            />
            <span>
              <strong>{DEFENSE_INFO[d].label}</strong> <span class="meta">({d === 'drift' ? 'no ATLAS ID' : d})</span>
              <br />
              <span class="meta">{DEFENSE_INFO[d].text}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <details class="range-console__advanced">
        <summary>Range settings</summary>
        <div class="field">
          <label for="range-seed">Seed (same seed, same data, model and results)</label>
          <input
            id="range-seed"
            type="number"
            min={1}
            max={4294967295}
            value={seed}
            disabled={busy}
            onInput={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isSafeInteger(n) && n >= 1 && n <= 4294967295) setSeed(n);
            }}
          />
        </div>
        <div class="field">
          <label for="range-shift">Customers' traffic during the run</label>
          <select
            id="range-shift"
            value={liveShift}
            disabled={busy}
            onChange={(e) => setLiveShift(e.currentTarget.value === 'holiday-travel' ? 'holiday-travel' : 'none')}
          >
            <option value="none">Ordinary weeks</option>
            <option value="holiday-travel">Holiday season: many cardholders travelling</option>
          </select>
        </div>
        <p class="meta">
          The model trains on {DEFAULT_CONFIG.trainSize.toLocaleString('en')} synthetic transactions;{' '}
          {DEFAULT_CONFIG.liveTraffic} customers' calls go through the API during each run.
        </p>
      </details>

      <div class="button-row">
        <button type="button" class="button" disabled={busy} onClick={() => void run()}>
          {running ? 'Running…' : 'Run in the range'}
        </button>
      </div>
      {running && (
        <div class="range-progress" role="status">
          <label for="range-progress-bar">{running.label}</label>{' '}
          <progress id="range-progress-bar" max={1} value={running.done}>
            {Math.round(running.done * 100)}%
          </progress>
        </div>
      )}
    </div>
  );
}

interface PlanProps {
  edits: Edits;
  setEdits: (e: Edits) => void;
  plans: Edits[];
  setPlans: (p: Edits[]) => void;
  problems: string[];
  disabled: boolean;
  onMessage: (message: Message) => void;
}

function describe(e: Edits): string {
  const parts = [`€${e.amount} of ${e.merchant} at ${String(e.hour).padStart(2, '0')}:00`];
  if (e.proxy) parts.push('proxy near the cardholder');
  if (e.deviceSpoof) parts.push('spoofed device');
  if (e.waitDay) parts.push('after a quiet day');
  if (e.referral) parts.push('via the referral checkout');
  return parts.join(', ');
}

/** The manual evasion editor: one purchase at a time, added to the list the run will try. */
function ManualPlans({ edits, setEdits, plans, setPlans, problems, disabled, onMessage }: PlanProps) {
  const flag = (key: 'proxy' | 'deviceSpoof' | 'waitDay' | 'referral', label: string) => (
    <label class="choice">
      <input
        type="checkbox"
        checked={edits[key]}
        disabled={disabled}
        onChange={(e) => setEdits({ ...edits, [key]: e.currentTarget.checked })}
      />{' '}
      {label}
    </label>
  );
  return (
    <div class="manual-plans">
      <p class="meta">
        Start: €{START.amount} of {START.merchant} at 03:00, 5,600 km from home, on a new device. Net gain now €
        {payoff(edits)}, tooling €{spend(edits)}.
      </p>
      <div class="field-row">
        <div class="field">
          <label for="plan-amount">Amount (€)</label>
          <input
            id="plan-amount"
            type="number"
            min={1}
            max={CARD_LIMIT}
            value={edits.amount}
            disabled={disabled}
            onInput={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isFinite(n) && n > 0) setEdits({ ...edits, amount: Math.round(n) });
            }}
          />
        </div>
        <div class="field">
          <label for="plan-hour">Hour of day</label>
          <input
            id="plan-hour"
            type="number"
            min={0}
            max={23}
            value={edits.hour}
            disabled={disabled}
            onInput={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isInteger(n) && n >= 0 && n <= 23) setEdits({ ...edits, hour: n });
            }}
          />
        </div>
        <div class="field">
          <label for="plan-merchant">Merchant category</label>
          <select
            id="plan-merchant"
            value={edits.merchant}
            disabled={disabled}
            onChange={(e) => setEdits({ ...edits, merchant: e.currentTarget.value as MerchantCategory })}
          >
            {MERCHANT_CATEGORIES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
      </div>
      {flag('proxy', 'Residential proxy near the cardholder (€40)')}
      {flag('deviceSpoof', 'Spoof the cardholder’s device (€150)')}
      {flag('waitDay', 'Wait a day for the card to cool down')}
      {flag('referral', 'Check out through the referral partner (€5)')}
      {problems.length > 0 && (
        <ul class="meta constraint-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div class="button-row">
        <button
          type="button"
          class="button secondary"
          disabled={disabled || plans.length >= MAX_PLANS}
          onClick={() => {
            setPlans([...plans, edits]);
            onMessage({ tone: 'success', text: `Purchase ${plans.length + 1} added: ${describe(edits)}.` });
          }}
        >
          Add this purchase to the list
        </button>
      </div>
      {plans.length === 0 ? (
        <p class="empty-state">
          No purchases listed yet. Each one is a scoring call, sent in order until one is approved.
        </p>
      ) : (
        <ol class="plan-list">
          {plans.map((p, i) => (
            <li key={i}>
              {describe(p)}{' '}
              <button
                type="button"
                class="button secondary small"
                disabled={disabled}
                aria-label={`Remove purchase ${i + 1}`}
                onClick={() => setPlans(plans.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
