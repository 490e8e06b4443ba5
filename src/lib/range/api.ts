/**
 * The range's inference API: the card processor's risk-scoring endpoint that merchants on its
 * platform call before they capture a payment. It is the attacker's access to the model
 * (AML.T0040) and the place most defenses live:
 *
 * - AML.M0002 (passive output obfuscation): return a decision, or a rounded score, not the score.
 * - AML.M0004 (restrict queries): a per-merchant hourly quota, plus alerts on query patterns
 *   (volume from one merchant key, a burst of declines on one card).
 * - AML.M0015 (adversarial input detection): a stateful check that notices a declined card coming
 *   back with near-identical transactions, and blocks the card after a few.
 * - AML.M0024 (telemetry logging): detectors run inline, but an alert only reaches an analyst when
 *   the query log is kept. Without it an alert is "unseen": the control acted, nobody knows.
 *
 * Time is simulated (seconds since the start of the run) so runs are deterministic.
 */
import type { Transaction } from './data';
import { score, type FraudModel } from './model';

export type OutputMode = 'score' | 'rounded' | 'decision';
export type Decision = 'approve' | 'decline';

export interface ApiConfig {
  output: OutputMode;
  /** AML.M0004: queries per merchant key per rolling hour; beyond it the API answers 429. */
  hourlyQuota: number | null;
  /** AML.M0004: alert on query patterns. */
  patternAlerts: boolean;
  /** AML.M0015: stateful near-duplicate detection after a decline. */
  nearDuplicate: boolean;
  /** AML.M0024: keep the query log, so alerts reach an analyst. */
  telemetry: boolean;
}

export const OPEN_API: ApiConfig = {
  output: 'score',
  hourlyQuota: null,
  patternAlerts: false,
  nearDuplicate: false,
  telemetry: false,
};

export interface QueryContext {
  /** Seconds since the start of the run. */
  at: number;
  /** The merchant API key making the call. */
  merchant: string;
  /** The card being scored. */
  card: string;
  /** Who is really behind the call (the range knows; the API does not). */
  actor: 'attacker' | 'customer';
}

export type ApiStatus = 'ok' | 'throttled' | 'blocked';

export interface ApiResponse {
  status: ApiStatus;
  /** Absent when throttled. A blocked card is always declined. */
  decision?: Decision;
  /** The score as returned to the caller: exact, rounded to a tenth, or absent (decision only). */
  score?: number;
}

export interface QueryRecord extends QueryContext, ApiResponse {
  index: number;
  /** The model's true score (the range records it; the caller may not see it). */
  trueScore: number;
}

export type AlertSource = 'AML.M0004' | 'AML.M0015' | 'AML.M0007' | 'AML.M0025' | 'drift';

export interface Alert {
  at: number;
  source: AlertSource;
  /** Short, for the timeline. */
  title: string;
  detail: string;
  /** Did it reach an analyst? Only with telemetry (AML.M0024), or for controls that log by design. */
  seen: boolean;
  /** The caller or data the alert is about; true when it concerns the attacker. */
  aboutAttacker: boolean;
}

const HOUR = 3600;
/** Fields compared by the near-duplicate check. */
const FIELDS: (keyof Transaction)[] = [
  'amount',
  'hour',
  'merchant',
  'distanceKm',
  'newDevice',
  'txLast24h',
  'countryMismatch',
  'cardPresent',
  'referralPartner',
];

function differences(a: Transaction, b: Transaction): number {
  let n = 0;
  for (const field of FIELDS) {
    const x = a[field];
    const y = b[field];
    if (typeof x === 'number' && typeof y === 'number') {
      if (Math.abs(x - y) > 0.1 * Math.max(Math.abs(x), Math.abs(y), 1)) n++;
    } else if (x !== y) n++;
  }
  return n;
}

export const PATTERN_LIMITS = {
  /** Queries per merchant key per hour before a volume alert. */
  volumePerHour: 60,
  /** Declines on one card within an hour before a card-testing alert. */
  declinesPerCardHour: 6,
  /** Near-identical retries of a declined card before the card is blocked. */
  retriesBeforeBlock: 3,
  /** At most this many fields changed counts as "near-identical". */
  nearDuplicateFields: 2,
} as const;

export class InferenceApi {
  readonly log: QueryRecord[] = [];
  readonly alerts: Alert[] = [];
  private readonly declined = new Map<string, { at: number; tx: Transaction }[]>();
  private readonly retries = new Map<string, number>();
  private readonly blockedCards = new Set<string>();
  private readonly alerted = new Set<string>();

  constructor(
    private model: FraudModel,
    readonly config: ApiConfig,
  ) {}

  /** Swap the model behind the API (after a retrain). */
  deploy(model: FraudModel): void {
    this.model = model;
  }

  get threshold(): number {
    return this.model.threshold;
  }

  private raise(key: string, alert: Omit<Alert, 'seen'>): void {
    if (this.alerted.has(key)) return;
    this.alerted.add(key);
    this.alerts.push({ ...alert, seen: this.config.telemetry });
  }

  private recent(merchant: string, at: number): QueryRecord[] {
    return this.log.filter((q) => q.merchant === merchant && at - q.at < HOUR);
  }

  query(tx: Transaction, context: QueryContext): ApiResponse {
    const trueScore = score(this.model, tx);
    const recent = this.recent(context.merchant, context.at);
    let response: ApiResponse;
    if (
      this.config.hourlyQuota !== null &&
      recent.filter((q) => q.status !== 'throttled').length >= this.config.hourlyQuota
    ) {
      response = { status: 'throttled' };
    } else if (this.blockedCards.has(context.card)) {
      response = { status: 'blocked', decision: 'decline' };
    } else {
      const decision: Decision = trueScore >= this.model.threshold ? 'decline' : 'approve';
      response = { status: 'ok', decision, ...this.shownScore(trueScore) };
    }
    const record: QueryRecord = { ...context, ...response, index: this.log.length, trueScore };
    // The range always records the query (for the run report); `seen` on alerts says whether
    // the defenders had a log to look at.
    this.log.push(record);
    if (this.config.patternAlerts) this.checkPatterns(record, recent);
    if (this.config.nearDuplicate && response.status !== 'throttled') this.checkNearDuplicate(tx, record);
    return response;
  }

  private shownScore(trueScore: number): Pick<ApiResponse, 'score'> {
    if (this.config.output === 'score') return { score: trueScore };
    if (this.config.output === 'rounded') return { score: Math.round(trueScore * 10) / 10 };
    return {};
  }

  private checkPatterns(record: QueryRecord, recent: QueryRecord[]): void {
    const aboutAttacker = record.actor === 'attacker';
    if (recent.length + 1 > PATTERN_LIMITS.volumePerHour) {
      this.raise(`volume:${record.merchant}`, {
        at: record.at,
        source: 'AML.M0004',
        title: `Query volume from merchant ${record.merchant}`,
        detail: `More than ${PATTERN_LIMITS.volumePerHour} scoring calls in an hour from one merchant key.`,
        aboutAttacker,
      });
    }
    if (record.status === 'throttled') {
      this.raise(`quota:${record.merchant}`, {
        at: record.at,
        source: 'AML.M0004',
        title: `Quota reached by merchant ${record.merchant}`,
        detail: `The merchant key hit its hourly quota of ${this.config.hourlyQuota ?? 0} calls; further calls get HTTP 429.`,
        aboutAttacker,
      });
    }
    const cardDeclines =
      recent.filter((q) => q.card === record.card && q.decision === 'decline').length +
      (record.decision === 'decline' ? 1 : 0);
    if (cardDeclines >= PATTERN_LIMITS.declinesPerCardHour) {
      this.raise(`declines:${record.card}`, {
        at: record.at,
        source: 'AML.M0004',
        title: `Card testing on card ${record.card}`,
        detail: `${cardDeclines} declined scoring calls for one card within an hour.`,
        aboutAttacker,
      });
    }
  }

  private checkNearDuplicate(tx: Transaction, record: QueryRecord): void {
    const history = (this.declined.get(record.card) ?? []).filter((d) => record.at - d.at < 24 * HOUR);
    const isRetry = history.some((d) => differences(d.tx, tx) <= PATTERN_LIMITS.nearDuplicateFields);
    if (isRetry) {
      const count = (this.retries.get(record.card) ?? 0) + 1;
      this.retries.set(record.card, count);
      if (count >= PATTERN_LIMITS.retriesBeforeBlock && !this.blockedCards.has(record.card)) {
        this.blockedCards.add(record.card);
        this.raise(`retry:${record.card}`, {
          at: record.at,
          source: 'AML.M0015',
          title: `Card ${record.card} blocked: edited retries after decline`,
          detail: `${count} near-identical transactions (at most ${PATTERN_LIMITS.nearDuplicateFields} fields changed) followed a decline on this card. The card is blocked for 24 hours.`,
          aboutAttacker: record.actor === 'attacker',
        });
      }
    }
    if (record.decision === 'decline') this.declined.set(record.card, [...history, { at: record.at, tx }]);
  }
}
