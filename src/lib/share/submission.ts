/**
 * The submission format: what a learner exports, shares as a code, sends to an instructor and
 * what `npm run grade` reads. Validation is hand-written (no schema library) because it runs in
 * the browser on every import: everything from outside is checked field by field, with a
 * message that names the field, and nothing saved is touched until it passes.
 *
 *   { "format": "aitm.submission", "version": 1, "exercise": "stride-medical-imaging",
 *     "submittedAt": "2026-11-26T10:00:00Z", "learner": "optional", "answers": { ... } }
 */
import { isPlainObject, parseUntrustedJson, type Result } from './safe-json';

export const SUBMISSION_FORMAT = 'aitm.submission';
export const SUBMISSION_VERSION = 1;

export const STRIDE_LETTERS = ['S', 'T', 'R', 'I', 'D', 'E'] as const;
export type StrideLetter = (typeof STRIDE_LETTERS)[number];

/** The six STRIDE categories by letter. */
export const STRIDE_NAMES: Record<StrideLetter, string> = {
  S: 'Spoofing',
  T: 'Tampering',
  R: 'Repudiation',
  I: 'Information disclosure',
  D: 'Denial of service',
  E: 'Elevation of privilege',
};
export type Rating = 1 | 2 | 3;

/** One row of the STRIDE-AI table. */
export interface StrideRow {
  /** Stable id for the editor; graders ignore it. */
  id?: string;
  /** Component id from the scenario. */
  component: string;
  category: StrideLetter;
  /** The threat, in one sentence. */
  threat: string;
  /** The potential impact. */
  impact: string;
  likelihood: Rating;
  severity: Rating;
  mitigation: string;
}

export interface StrideAnswers {
  /** Component ids the learner picked when decomposing the system. */
  components: string[];
  /** Trust boundary ids the learner picked (an addition to DESIGN.md's format; optional). */
  boundaries?: string[];
  rows: StrideRow[];
}

/** How far an AI RMF outcome is in place, as the learner rates it. */
export const RMF_STATUSES = ['in-place', 'partial', 'missing', 'not-applicable'] as const;
export type RmfStatus = (typeof RMF_STATUSES)[number];

export const RMF_STATUS_LABELS: Record<RmfStatus, string> = {
  'in-place': 'In place',
  partial: 'Partial',
  missing: 'Missing',
  'not-applicable': 'Not applicable',
};

/** The learner's assessment of one subcategory. */
export interface RmfAssessment {
  /** Subcategory ID, e.g. "MEASURE 2.7" (graders check it against the catalog). */
  subcategory: string;
  status: RmfStatus;
  /** Dossier fact ids cited as evidence. */
  evidence: string[];
  note: string;
}

/** One of the learner's top gaps, in order. */
export interface RmfPriority {
  subcategory: string;
  gap: string;
  mitigation: string;
  owner?: string;
  /** YYYY-MM-DD. */
  due?: string;
}

export interface RmfAnswers {
  /** Context ids the learner marked as shaping risk (step 1). */
  contexts: string[];
  /** The learner's notes on contexts, by context id (an addition to DESIGN.md's format; optional). */
  contextNotes?: Record<string, string>;
  assessments: RmfAssessment[];
  /** Top three gaps, most important first. */
  priorities: RmfPriority[];
  /** The learner's summary for stakeholders. */
  report: string;
}

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
  /** ISO 8601. */
  ranAt: string;
  /** The attack settings, so the run can be replayed (same seed, same report). */
  settings?: RunSettings;
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

export interface RunSettings {
  budget: number;
  pace: number;
  poisonRate?: number;
  liveShift?: 'none' | 'holiday-travel';
  plans?: PurchasePlan[];
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

/** Answers by exercise id. Later exercises add their own. */
export interface AnswersByExercise {
  'stride-medical-imaging': StrideAnswers;
  'rmf-chatbot-gap': RmfAnswers;
  'atlas-fraud-simulation': AtlasAnswers;
}

export type ExerciseId = keyof AnswersByExercise;

export interface Submission<E extends ExerciseId = ExerciseId> {
  format: typeof SUBMISSION_FORMAT;
  version: typeof SUBMISSION_VERSION;
  exercise: E;
  /** ISO 8601. */
  submittedAt: string;
  /** Optional name, for instructors. Plain text. */
  learner?: string;
  /** Optional team, for instructors. Plain text. */
  team?: string;
  /** Optional workshop room code. */
  room?: string;
  answers: AnswersByExercise[E];
}

export const LIMITS = {
  /** Characters in one free-text cell: far above any real answer, far below a paste bomb. */
  text: 4_000,
  rows: 200,
  ids: 60,
  name: 120,
  /** Subcategory assessments: the whole AI RMF has 72. */
  assessments: 100,
  priorities: 3,
  /** Kill-chain entries and counters per mitigation: ATLAS 5.6.0 has 170 techniques. */
  techniques: 200,
  /** ATLAS 5.6.0 has 35 mitigations (the range adds drift monitoring). */
  defenses: 60,
  runs: 50,
};

type Check<T> = (value: unknown, path: string) => T;

class InvalidField extends Error {}

function fail(path: string, problem: string): never {
  throw new InvalidField(`${path} ${problem}`);
}

const text = (max: number): Check<string> => (value, path) => {
  if (typeof value !== 'string') fail(path, 'should be text');
  if (value.length > max) fail(path, `is ${value.length} characters long; the limit is ${max}`);
  return value;
};

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const id: Check<string> = (value, path) => {
  const s = text(80)(value, path);
  if (!ID.test(s)) fail(path, `is not a valid id ("${s.slice(0, 40)}")`);
  return s;
};

const rating: Check<Rating> = (value, path) => {
  if (value !== 1 && value !== 2 && value !== 3) fail(path, 'should be 1, 2 or 3');
  return value;
};

function object(value: unknown, path: string, allowed: readonly string[], required: readonly string[]): Record<string, unknown> {
  if (!isPlainObject(value)) fail(path, 'should be an object');
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(`${path}.${key}`, 'is not a field of this format');
  for (const key of required) if (!(key in value)) fail(`${path}.${key}`, 'is missing');
  return value;
}

function list<T>(value: unknown, path: string, max: number, item: Check<T>): T[] {
  if (!Array.isArray(value)) fail(path, 'should be a list');
  if (value.length > max) fail(path, `has ${value.length} entries; the limit is ${max}`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

const strideRow: Check<StrideRow> = (value, path) => {
  const row = object(value, path, ['id', 'component', 'category', 'threat', 'impact', 'likelihood', 'severity', 'mitigation'], [
    'component',
    'category',
    'threat',
    'impact',
    'likelihood',
    'severity',
    'mitigation',
  ]);
  const category = row['category'];
  if (!STRIDE_LETTERS.includes(category as StrideLetter)) fail(`${path}.category`, 'should be one of S, T, R, I, D, E');
  return {
    ...(row['id'] === undefined ? {} : { id: text(80)(row['id'], `${path}.id`) }),
    component: id(row['component'], `${path}.component`),
    category: category as StrideLetter,
    threat: text(LIMITS.text)(row['threat'], `${path}.threat`),
    impact: text(LIMITS.text)(row['impact'], `${path}.impact`),
    likelihood: rating(row['likelihood'], `${path}.likelihood`),
    severity: rating(row['severity'], `${path}.severity`),
    mitigation: text(LIMITS.text)(row['mitigation'], `${path}.mitigation`),
  };
};

/** Any short text: graders explain an unknown or empty ID, so a draft with a half-chosen gap still loads. */
const subcategory: Check<string> = (value, path) => text(30)(value, path);

const rmfAssessment: Check<RmfAssessment> = (value, path) => {
  const a = object(value, path, ['subcategory', 'status', 'evidence', 'note'], ['subcategory', 'status', 'evidence', 'note']);
  const status = a['status'];
  if (!RMF_STATUSES.includes(status as RmfStatus)) fail(`${path}.status`, `should be one of ${RMF_STATUSES.join(', ')}`);
  return {
    subcategory: subcategory(a['subcategory'], `${path}.subcategory`),
    status: status as RmfStatus,
    evidence: list(a['evidence'], `${path}.evidence`, LIMITS.ids, id),
    note: text(LIMITS.text)(a['note'], `${path}.note`),
  };
};

const rmfPriority: Check<RmfPriority> = (value, path) => {
  const p = object(value, path, ['subcategory', 'gap', 'mitigation', 'owner', 'due'], ['subcategory', 'gap', 'mitigation']);
  const due = p['due'] === undefined ? undefined : text(10)(p['due'], `${path}.due`);
  if (due !== undefined && due !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(due)))) fail(`${path}.due`, 'should be a date written YYYY-MM-DD');
  return {
    subcategory: subcategory(p['subcategory'], `${path}.subcategory`),
    gap: text(LIMITS.text)(p['gap'], `${path}.gap`),
    mitigation: text(LIMITS.text)(p['mitigation'], `${path}.mitigation`),
    ...(p['owner'] === undefined ? {} : { owner: text(LIMITS.name)(p['owner'], `${path}.owner`) }),
    ...(due === undefined ? {} : { due }),
  };
};

/** Any short text for framework IDs: graders explain unknown ones, so a half-typed ID still loads. */
const frameworkId: Check<string> = (value, path) => text(30)(value, path);

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

const finite = (min: number, max: number): Check<number> => (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) fail(path, `should be a number from ${min} to ${max}`);
  return value;
};

const MERCHANTS = ['grocery', 'fuel', 'restaurants', 'travel', 'electronics', 'digital-goods', 'jewelry', 'gift-cards'];

const flag = (value: unknown, path: string): boolean => {
  if (typeof value !== 'boolean') fail(path, 'should be true or false');
  return value;
};

const purchasePlan: Check<PurchasePlan> = (value, path) => {
  const p = object(value, path, ['amount', 'hour', 'merchant', 'proxy', 'deviceSpoof', 'waitDay', 'referral'], ['amount', 'hour', 'merchant', 'proxy', 'deviceSpoof', 'waitDay', 'referral']);
  const merchant = p['merchant'];
  if (typeof merchant !== 'string' || !MERCHANTS.includes(merchant)) fail(`${path}.merchant`, `should be one of ${MERCHANTS.join(', ')}`);
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
  if (shift !== undefined && shift !== 'none' && shift !== 'holiday-travel') fail(`${path}.liveShift`, 'should be none or holiday-travel');
  return {
    budget: finite(1, 500)(s['budget'], `${path}.budget`),
    pace: finite(1, 3600)(s['pace'], `${path}.pace`),
    ...(s['poisonRate'] === undefined ? {} : { poisonRate: finite(0, 0.5)(s['poisonRate'], `${path}.poisonRate`) }),
    ...(shift === undefined ? {} : { liveShift: shift }),
    ...(s['plans'] === undefined ? {} : { plans: list(s['plans'], `${path}.plans`, 30, purchasePlan) }),
  };
};

const runRecord: Check<RangeRunRecord> = (value, path) => {
  const r = object(
    value,
    path,
    ['attack', 'defenses', 'seed', 'achieved', 'queries', 'payoff', 'timeToDetect', 'alertsSeen', 'aucBefore', 'aucAfter', 'recallBefore', 'recallAfter', 'ranAt', 'settings'],
    ['attack', 'defenses', 'seed', 'achieved', 'queries', 'payoff', 'timeToDetect', 'alertsSeen', 'aucBefore', 'aucAfter', 'recallBefore', 'recallAfter', 'ranAt'],
  );
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
    ranAt,
    ...(r['settings'] === undefined ? {} : { settings: runSettings(r['settings'], `${path}.settings`) }),
  };
};

function notes(value: unknown, path: string): Record<string, string> {
  if (!isPlainObject(value)) fail(path, 'should be an object');
  const entries = Object.entries(value);
  if (entries.length > LIMITS.ids) fail(path, `has ${entries.length} entries; the limit is ${LIMITS.ids}`);
  return Object.fromEntries(entries.map(([key, note]) => [id(key, `${path} key`), text(LIMITS.text)(note, `${path}.${key}`)]));
}

const ANSWERS: { [E in ExerciseId]: Check<AnswersByExercise[E]> } = {
  'stride-medical-imaging': (value, path) => {
    const answers = object(value, path, ['components', 'boundaries', 'rows'], ['components', 'rows']);
    return {
      components: list(answers['components'], `${path}.components`, LIMITS.ids, id),
      ...(answers['boundaries'] === undefined ? {} : { boundaries: list(answers['boundaries'], `${path}.boundaries`, LIMITS.ids, id) }),
      rows: list(answers['rows'], `${path}.rows`, LIMITS.rows, strideRow),
    };
  },
  'rmf-chatbot-gap': (value, path) => {
    const answers = object(value, path, ['contexts', 'contextNotes', 'assessments', 'priorities', 'report'], ['contexts', 'assessments', 'priorities', 'report']);
    return {
      contexts: list(answers['contexts'], `${path}.contexts`, LIMITS.ids, id),
      ...(answers['contextNotes'] === undefined ? {} : { contextNotes: notes(answers['contextNotes'], `${path}.contextNotes`) }),
      assessments: list(answers['assessments'], `${path}.assessments`, LIMITS.assessments, rmfAssessment),
      priorities: list(answers['priorities'], `${path}.priorities`, LIMITS.priorities, rmfPriority),
      report: text(LIMITS.text * 3)(answers['report'], `${path}.report`),
    };
  },
  'atlas-fraud-simulation': (value, path) => {
    const answers = object(value, path, ['chain', 'roe', 'runs', 'defenses', 'hardening'], ['chain', 'defenses', 'hardening']);
    return {
      chain: list(answers['chain'], `${path}.chain`, LIMITS.techniques, chainEntry),
      roe: answers['roe'] === undefined ? [] : list(answers['roe'], `${path}.roe`, LIMITS.ids, id),
      runs: answers['runs'] === undefined ? [] : list(answers['runs'], `${path}.runs`, LIMITS.runs, runRecord),
      defenses: list(answers['defenses'], `${path}.defenses`, LIMITS.defenses, defenseEntry),
      hardening: text(LIMITS.text * 3)(answers['hardening'], `${path}.hardening`),
    };
  },
};

/** Validates answers for one exercise (drafts in storage use this); null when anything is wrong. */
export function validateAnswers<E extends ExerciseId>(exercise: E, value: unknown): AnswersByExercise[E] | null {
  try {
    return ANSWERS[exercise](value, 'answers');
  } catch (error) {
    if (error instanceof InvalidField) return null;
    throw error;
  }
}

export function isExerciseId(value: unknown): value is ExerciseId {
  return typeof value === 'string' && Object.hasOwn(ANSWERS, value);
}

/** Validates a parsed value as a submission; the error names the field and the problem. */
export function validateSubmission(value: unknown): Result<Submission> {
  try {
    if (!isPlainObject(value)) return { ok: false, error: 'A submission should be a JSON object.' };
    if (value['format'] !== SUBMISSION_FORMAT) {
      return value['format'] === 'aitm.progress'
        ? { ok: false, error: 'This is a progress file, not an exercise submission. Import it on the Progress page.' }
        : { ok: false, error: 'This is not an AI Threat Modeling Lab submission: its "format" should be "aitm.submission".' };
    }
    const version = value['version'];
    if (typeof version === 'number' && version > SUBMISSION_VERSION) {
      return { ok: false, error: `The submission is format version ${version}, made by a newer version of the site; this one reads version ${SUBMISSION_VERSION}.` };
    }
    if (version !== SUBMISSION_VERSION) return { ok: false, error: 'The submission has no valid "version".' };
    const envelope = object(value, 'submission', ['format', 'version', 'exercise', 'submittedAt', 'learner', 'team', 'room', 'answers'], ['exercise', 'submittedAt', 'answers']);
    const exercise = envelope['exercise'];
    if (!isExerciseId(exercise)) {
      return { ok: false, error: `The exercise "${String(exercise).slice(0, 60)}" is not one this version of the site can grade.` };
    }
    const submittedAt = text(40)(envelope['submittedAt'], 'submission.submittedAt');
    if (Number.isNaN(Date.parse(submittedAt))) fail('submission.submittedAt', 'is not a date');
    const optional = (key: 'learner' | 'team' | 'room') =>
      envelope[key] === undefined ? {} : { [key]: text(LIMITS.name)(envelope[key], `submission.${key}`) };
    return {
      ok: true,
      value: {
        format: SUBMISSION_FORMAT,
        version: SUBMISSION_VERSION,
        exercise,
        submittedAt,
        ...optional('learner'),
        ...optional('team'),
        ...optional('room'),
        answers: ANSWERS[exercise](envelope['answers'], 'answers'),
      },
    };
  } catch (error) {
    if (error instanceof InvalidField) return { ok: false, error: `The submission is not valid: ${error.message}.` };
    throw error;
  }
}

/** Reads a submission file's text: size, JSON, prototype keys, then the fields. */
export function readSubmission(text: string): Result<Submission> {
  const parsed = parseUntrustedJson(text);
  if (!parsed.ok) return parsed;
  return validateSubmission(parsed.value);
}

export function createSubmission<E extends ExerciseId>(exercise: E, answers: AnswersByExercise[E], now: Date, extra: { learner?: string; team?: string; room?: string } = {}): Submission<E> {
  const who = Object.fromEntries(Object.entries(extra).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, (v as string).trim()]));
  return { format: SUBMISSION_FORMAT, version: SUBMISSION_VERSION, exercise, submittedAt: now.toISOString(), ...who, answers };
}

export function serialiseSubmission(submission: Submission): string {
  return `${JSON.stringify(submission, null, 2)}\n`;
}

/** File name for a download, e.g. `stride-medical-imaging-2026-11-26.json`. */
export function submissionFileName(submission: Submission, extension = 'json'): string {
  return `${submission.exercise}-${submission.submittedAt.slice(0, 10)}.${extension}`;
}
