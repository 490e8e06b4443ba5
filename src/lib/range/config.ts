/**
 * What a range run can be asked to do: the attacks, the defenses and the run settings. Light on
 * purpose: the exercise's controls import it without pulling in the range itself.
 */
import type { Edits } from './evasion';

export const ATTACKS = ['evasion-auto', 'evasion-manual', 'proxy', 'poison-backdoor', 'poison-label-flip'] as const;
export type AttackKind = (typeof ATTACKS)[number];

export const DEFENSES = [
  'AML.M0004',
  'AML.M0002',
  'AML.M0015',
  'AML.M0024',
  'AML.M0003',
  'AML.M0007',
  'AML.M0025',
  'drift',
] as const;
export type DefenseId = (typeof DEFENSES)[number];

/** The ATLAS techniques each attack exercises, in kill-chain order. */
export const ATTACK_TECHNIQUES: Record<AttackKind, readonly string[]> = {
  'evasion-auto': ['AML.T0040', 'AML.T0043.001', 'AML.T0042', 'AML.T0015'],
  'evasion-manual': ['AML.T0040', 'AML.T0043.003', 'AML.T0042', 'AML.T0015'],
  proxy: ['AML.T0040', 'AML.T0005', 'AML.T0043.002', 'AML.T0042', 'AML.T0015'],
  'poison-backdoor': ['AML.T0020', 'AML.T0043.004', 'AML.T0015'],
  'poison-label-flip': ['AML.T0020', 'AML.T0015'],
};

export interface AttackConfig {
  kind: AttackKind;
  /** Most scoring calls the attacker makes (evasion and proxy). */
  budget: number;
  /** Seconds between the attacker's calls. */
  pace: number;
  /** Manual evasion: the purchases to try, in order. */
  plans?: Edits[];
  /** Poisoning: injected rows as a share of the training set. */
  poisonRate?: number;
}

export interface RangeConfig {
  seed: number;
  /** Training rows (validation and test come on top, 15% each of the whole). */
  trainSize: number;
  attack: AttackConfig;
  defenses: DefenseId[];
  /** Ordinary customers' scoring calls during the run. */
  liveTraffic: number;
  /** A real-world shift in live traffic, unrelated to the attack (for drift monitoring). */
  liveShift?: 'none' | 'holiday-travel';
}

export const DEFAULT_SEED = 20261126;

export const DEFAULT_CONFIG: RangeConfig = {
  seed: DEFAULT_SEED,
  trainSize: 20_000,
  attack: { kind: 'evasion-auto', budget: 60, pace: 10 },
  defenses: [],
  liveTraffic: 400,
  liveShift: 'none',
};

/** Seconds in words: "50 s", "12 min", "2.8 h". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
