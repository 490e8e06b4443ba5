/** Names and one-line descriptions of the range's attacks and defenses, for the console and reports. */
import type { AttackKind, DefenseId } from '../../lib/range/config';

export const ATTACK_INFO: Record<AttackKind, { label: string; ids: string; text: string }> = {
  'evasion-auto': {
    label: 'Automated evasion',
    ids: 'AML.T0040, AML.T0043.001, AML.T0042, AML.T0015',
    text: 'A script edits the stolen-card purchase one change at a time and keeps whatever lowers the returned score.',
  },
  'evasion-manual': {
    label: 'Manual evasion',
    ids: 'AML.T0040, AML.T0043.003, AML.T0042, AML.T0015',
    text: 'You decide the edits: build a list of purchases to try, in order.',
  },
  proxy: {
    label: 'Proxy model and transfer',
    ids: 'AML.T0040, AML.T0005, AML.T0043.002, AML.T0042, AML.T0015',
    text: 'Score made-up transactions on many cards, train a copy of the model, search it offline, then send the best few to the real API.',
  },
  'poison-backdoor': {
    label: 'Poisoning with a backdoor',
    ids: 'AML.T0020, AML.T0043.004, AML.T0015',
    text: 'Fraud-like rows labelled genuine, all through the referral checkout, go into the partner feed before the retrain; then the ring buys with the trigger.',
  },
  'poison-label-flip': {
    label: 'Poisoning by label flipping',
    ids: 'AML.T0020, AML.T0015',
    text: 'Fraud relabelled genuine in the partner feed, with no trigger: the retrained model gets blunter everywhere.',
  },
};

export const DEFENSE_INFO: Record<DefenseId, { label: string; text: string }> = {
  'AML.M0004': {
    label: 'Restrict queries',
    text: 'Hourly quota per merchant key, alerts on query volume and on repeated declines for one card.',
  },
  'AML.M0002': { label: 'Output obfuscation', text: 'Merchants get approve or decline, not the score.' },
  'AML.M0015': {
    label: 'Adversarial input detection',
    text: 'Block a card whose declined purchase comes back with a few fields edited.',
  },
  'AML.M0024': { label: 'Telemetry logging', text: 'Keep the scoring log, so alerts reach an analyst.' },
  'AML.M0003': { label: 'Model hardening', text: 'Adversarial training before deployment or retraining.' },
  'AML.M0007': {
    label: 'Sanitize training data',
    text: 'Quarantine partner rows whose labels a ledger-trained model contradicts.',
  },
  'AML.M0025': { label: 'Dataset provenance', text: 'Train only on rows of verified origin (the ledger).' },
  drift: {
    label: 'Drift monitoring',
    text: 'Population stability of scores and features on live traffic (reads the scoring log).',
  },
};
