/**
 * What a learner's ATLAS-informed adversarial simulation is (Project 3, the `atlas-chain` kind):
 * the answers type (kill chain, rules of engagement, range runs, defenses, plan), its validator,
 * an empty draft and the exercise's steps, without the grader.
 */
import { fail, finite, flag, frameworkId, id, LIMITS, list, object, text, type Check } from '../../share/fields';

/** One technique of the learner's kill chain, in order. */
export interface ChainEntry {
  /** ATLAS technique ID, e.g. "AML.T0040" (graders check it against the catalog). */
  technique: string;
  /** The tactic it serves here, for techniques under several (e.g. AML.TA0007). */
  tactic?: string;
  rationale?: string;
  /** What the defenders would see of this step. */
  detection?: string;
}

/** A mitigation the learner puts in place, and the techniques it counters. */
export interface DefenseEntry {
  mitigation: string;
  counters: string[];
  note?: string;
}

/** A manual evasion purchase, as the range's edits. */
export interface PurchasePlan {
  amount: number;
  hour: number;
  merchant: string;
  proxy: boolean;
  deviceSpoof: boolean;
  waitDay: boolean;
  referral: boolean;
}

/** The settings of a range run, enough to replay it. */
export interface RunSettings {
  budget: number;
  pace: number;
  poisonRate?: number;
  liveShift?: 'none' | 'holiday-travel';
  plans?: PurchasePlan[];
}

/** What one run of the cyber range showed, as recorded by the exercise. */
export interface RangeRunRecord {
  /** Range attack kind, e.g. "evasion-auto". */
  attack: string;
  /** Defenses on: ATLAS mitigation IDs, and "drift" for drift monitoring. */
  defenses: string[];
  seed: number;
  achieved: boolean;
  /** Scoring calls the attacker made. */
  queries: number;
  /** Net gain in euros when the evasion worked. */
  payoff: number;
  /** Seconds from the attack's start to the first alert an analyst saw; null when none. */
  timeToDetect: number | null;
  alertsSeen: number;
  aucBefore: number;
  aucAfter: number;
  recallBefore: number;
  recallAfter: number;
  /** Genuine test transactions the model declined, before and after the attack (older records lack them). */
  falseDeclinesBefore?: number;
  falseDeclinesAfter?: number;
  /**
   * A backdoor run: the share of fraudulent test purchases carrying the trigger that the model
   * approved, before and after the poisoned retrain (older records lack them).
   */
  triggeredBefore?: number;
  triggeredAfter?: number;
  /** ISO 8601. */
  ranAt: string;
  /** The attack settings, so the run can be replayed (same seed, same report). */
  settings?: RunSettings;
}

export interface AtlasAnswers {
  /** The kill chain, in order (step 1). */
  chain: ChainEntry[];
  /** Rules-of-engagement choice ids ticked (step 2; an addition to DESIGN.md's format). */
  roe: string[];
  /** Range runs, oldest first (step 3). */
  runs: RangeRunRecord[];
  /** Mitigations and what they counter (step 4). */
  defenses: DefenseEntry[];
  /** The hardening plan (step 4). */
  hardening: string;
}

export const emptyAtlasAnswers = (): AtlasAnswers => ({ chain: [], roe: [], runs: [], defenses: [], hardening: '' });

const chainEntry: Check<ChainEntry> = (value, path) => {
  const e = object(value, path, ['technique', 'tactic', 'rationale', 'detection'], ['technique']);
  return {
    technique: frameworkId(e['technique'], `${path}.technique`),
    ...(e['tactic'] === undefined ? {} : { tactic: frameworkId(e['tactic'], `${path}.tactic`) }),
    ...(e['rationale'] === undefined ? {} : { rationale: text(LIMITS.text)(e['rationale'], `${path}.rationale`) }),
    ...(e['detection'] === undefined ? {} : { detection: text(LIMITS.text)(e['detection'], `${path}.detection`) }),
  };
};

const defenseEntry: Check<DefenseEntry> = (value, path) => {
  const d = object(value, path, ['mitigation', 'counters', 'note'], ['mitigation', 'counters']);
  return {
    mitigation: frameworkId(d['mitigation'], `${path}.mitigation`),
    counters: list(d['counters'], `${path}.counters`, LIMITS.techniques, frameworkId),
    ...(d['note'] === undefined ? {} : { note: text(LIMITS.text)(d['note'], `${path}.note`) }),
  };
};

/**
 * One entry per mitigation: the editor adds, edits and removes defenses by their mitigation, so
 * two entries for one mitigation would be removed together. A repeated one (a hand-edited or
 * hostile file) is merged into the first: its techniques added, its note appended. Nothing is lost.
 */
function mergeDefenses(defenses: DefenseEntry[]): DefenseEntry[] {
  const byMitigation = new Map<string, DefenseEntry>();
  for (const d of defenses) {
    const first = byMitigation.get(d.mitigation);
    if (!first) {
      byMitigation.set(d.mitigation, d);
      continue;
    }
    const note = [first.note, d.note].filter((n) => n !== undefined && n !== '').join('\n');
    byMitigation.set(d.mitigation, {
      mitigation: d.mitigation,
      counters: [...new Set([...first.counters, ...d.counters])],
      ...(note === '' ? {} : { note }),
    });
  }
  return [...byMitigation.values()];
}

const MERCHANTS = ['grocery', 'fuel', 'restaurants', 'travel', 'electronics', 'digital-goods', 'jewelry', 'gift-cards'];

const purchasePlan: Check<PurchasePlan> = (value, path) => {
  const fields = ['amount', 'hour', 'merchant', 'proxy', 'deviceSpoof', 'waitDay', 'referral'];
  const p = object(value, path, fields, fields);
  const merchant = p['merchant'];
  if (typeof merchant !== 'string' || !MERCHANTS.includes(merchant))
    fail(`${path}.merchant`, `should be one of ${MERCHANTS.join(', ')}`);
  return {
    amount: finite(1, 100_000)(p['amount'], `${path}.amount`),
    hour: finite(0, 23)(p['hour'], `${path}.hour`),
    merchant,
    proxy: flag(p['proxy'], `${path}.proxy`),
    deviceSpoof: flag(p['deviceSpoof'], `${path}.deviceSpoof`),
    waitDay: flag(p['waitDay'], `${path}.waitDay`),
    referral: flag(p['referral'], `${path}.referral`),
  };
};

const runSettings: Check<RunSettings> = (value, path) => {
  const s = object(value, path, ['budget', 'pace', 'poisonRate', 'liveShift', 'plans'], ['budget', 'pace']);
  const shift = s['liveShift'];
  if (shift !== undefined && shift !== 'none' && shift !== 'holiday-travel')
    fail(`${path}.liveShift`, 'should be none or holiday-travel');
  return {
    budget: finite(1, 500)(s['budget'], `${path}.budget`),
    pace: finite(1, 3600)(s['pace'], `${path}.pace`),
    ...(s['poisonRate'] === undefined ? {} : { poisonRate: finite(0, 0.5)(s['poisonRate'], `${path}.poisonRate`) }),
    ...(shift === undefined ? {} : { liveShift: shift }),
    ...(s['plans'] === undefined ? {} : { plans: list(s['plans'], `${path}.plans`, 30, purchasePlan) }),
  };
};

/** The fields every run record has (`settings` is optional). */
const RUN_FIELDS = [
  'attack',
  'defenses',
  'seed',
  'achieved',
  'queries',
  'payoff',
  'timeToDetect',
  'alertsSeen',
  'aucBefore',
  'aucAfter',
  'recallBefore',
  'recallAfter',
  'ranAt',
] as const;

const runRecord: Check<RangeRunRecord> = (value, path) => {
  const r = object(
    value,
    path,
    [...RUN_FIELDS, 'falseDeclinesBefore', 'falseDeclinesAfter', 'triggeredBefore', 'triggeredAfter', 'settings'],
    RUN_FIELDS,
  );
  const count = (field: 'falseDeclinesBefore' | 'falseDeclinesAfter') =>
    r[field] === undefined ? {} : { [field]: finite(0, 1_000_000)(r[field], `${path}.${field}`) };
  const share = (field: 'triggeredBefore' | 'triggeredAfter') =>
    r[field] === undefined ? {} : { [field]: finite(0, 1)(r[field], `${path}.${field}`) };
  if (typeof r['achieved'] !== 'boolean') fail(`${path}.achieved`, 'should be true or false');
  const ranAt = text(40)(r['ranAt'], `${path}.ranAt`);
  if (Number.isNaN(Date.parse(ranAt))) fail(`${path}.ranAt`, 'should be a date and time');
  return {
    attack: id(r['attack'], `${path}.attack`),
    defenses: list(r['defenses'], `${path}.defenses`, 20, frameworkId),
    seed: finite(0, 2 ** 32)(r['seed'], `${path}.seed`),
    achieved: r['achieved'],
    queries: finite(0, 1_000_000)(r['queries'], `${path}.queries`),
    payoff: finite(-1_000_000, 1_000_000)(r['payoff'], `${path}.payoff`),
    timeToDetect: r['timeToDetect'] === null ? null : finite(0, 1e9)(r['timeToDetect'], `${path}.timeToDetect`),
    alertsSeen: finite(0, 1_000_000)(r['alertsSeen'], `${path}.alertsSeen`),
    aucBefore: finite(0, 1)(r['aucBefore'], `${path}.aucBefore`),
    aucAfter: finite(0, 1)(r['aucAfter'], `${path}.aucAfter`),
    recallBefore: finite(0, 1)(r['recallBefore'], `${path}.recallBefore`),
    recallAfter: finite(0, 1)(r['recallAfter'], `${path}.recallAfter`),
    ...count('falseDeclinesBefore'),
    ...count('falseDeclinesAfter'),
    ...share('triggeredBefore'),
    ...share('triggeredAfter'),
    ranAt,
    ...(r['settings'] === undefined ? {} : { settings: runSettings(r['settings'], `${path}.settings`) }),
  };
};

/** Checks an adversarial simulation from outside; throws `InvalidField` naming the field. */
export const checkAtlasAnswers: Check<AtlasAnswers> = (value, path) => {
  const answers = object(
    value,
    path,
    ['chain', 'roe', 'runs', 'defenses', 'hardening'],
    ['chain', 'defenses', 'hardening'],
  );
  return {
    chain: list(answers['chain'], `${path}.chain`, LIMITS.techniques, chainEntry),
    roe: answers['roe'] === undefined ? [] : list(answers['roe'], `${path}.roe`, LIMITS.ids, id),
    runs: answers['runs'] === undefined ? [] : list(answers['runs'], `${path}.runs`, LIMITS.runs, runRecord),
    defenses: mergeDefenses(list(answers['defenses'], `${path}.defenses`, LIMITS.defenses, defenseEntry)),
    hardening: text(LIMITS.text * 3)(answers['hardening'], `${path}.hardening`),
  };
};
