/**
 * The last check of an exercise, kept with its draft (`Draft.checked`): the report as graded, when,
 * and a fingerprint of the answers it graded. The report then survives a reload, shows in every
 * tab, and a second look at unchanged work costs no attempt. Saved reports come back from storage
 * and progress files, so they are checked like any outside data: own keys only, bounded text,
 * and links that can only lead within the site.
 */
import type { FeedbackItem, GradeReport, ItemCoverage, ScorePart, Verdict } from './report';
import { checkOrNull, fail, finite, flag, list, object, text, type Check } from '../share/fields';

export interface Checked {
  /** When the check ran (ISO 8601). */
  at: string;
  /** `fingerprint` of the answers the report grades: equal to the current one while the work is unchanged. */
  of: string;
  /** The editor ids of the graded rows, in the order the report's `row` numbers count them. */
  rows?: string[];
  report: GradeReport;
}

/**
 * A short fingerprint of a value: FNV-1a (two 32-bit halves) over its JSON with keys sorted, so
 * the same answers give the same fingerprint whatever order their fields were written in.
 */
export function fingerprint(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

const VERDICTS: readonly Verdict[] = ['correct', 'partial', 'wrong', 'missed', 'duplicate', 'extra', 'info'];
/** Far above any report the graders write (200 rows, each with a few notes, plus the key's items). */
const MAX_ITEMS = 2_000;
const line = text(4_000);
const short = text(200);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const FINGERPRINT = /^[0-9a-f]{16}$/;
/** A link within the site: a path from its root, never a scheme or another host. */
const SITE_PATH = /^\/(?![/\\])[A-Za-z0-9._~\-/]*(#[A-Za-z0-9._~-]*)?$/;

const sitePath: Check<string> = (value, path) => {
  const s = short(value, path);
  if (!SITE_PATH.test(s)) fail(path, 'is not a link within the site');
  return s;
};

const feedbackItem: Check<FeedbackItem> = (value, path) => {
  const o = object(
    value,
    path,
    ['step', 'row', 'target', 'verdict', 'message', 'lesson', 'see', 'expected'],
    ['step', 'target', 'verdict', 'message'],
  );
  const verdict = short(o.verdict, `${path}.verdict`);
  if (!(VERDICTS as readonly string[]).includes(verdict)) fail(`${path}.verdict`, 'is not a verdict');
  const item: FeedbackItem = {
    step: short(o.step, `${path}.step`),
    target: short(o.target, `${path}.target`),
    verdict: verdict as Verdict,
    message: line(o.message, `${path}.message`),
  };
  if (o.row !== undefined) {
    const row = finite(0, MAX_ITEMS)(o.row, `${path}.row`);
    if (!Number.isInteger(row)) fail(`${path}.row`, 'should be a whole number');
    item.row = row;
  }
  if (o.lesson !== undefined) item.lesson = sitePath(o.lesson, `${path}.lesson`);
  if (o.see !== undefined) item.see = sitePath(o.see, `${path}.see`);
  if (o.expected !== undefined) item.expected = short(o.expected, `${path}.expected`);
  return item;
};

const scorePart: Check<ScorePart> = (value, path) => {
  const o = object(value, path, ['label', 'score', 'detail'], ['label', 'score', 'detail']);
  return {
    label: short(o.label, `${path}.label`),
    score: finite(0, 1)(o.score, `${path}.score`),
    detail: line(o.detail, `${path}.detail`),
  };
};

const coverage: Check<ItemCoverage> = (value, path) => {
  const o = object(value, path, ['id', 'label', 'covered'], ['id', 'label', 'covered']);
  return {
    id: short(o.id, `${path}.id`),
    label: line(o.label, `${path}.label`),
    covered: flag(o.covered, `${path}.covered`),
  };
};

export const gradeReport: Check<GradeReport> = (value, path) => {
  const o = object(
    value,
    path,
    ['exercise', 'score', 'parts', 'verdict', 'feedback', 'items'],
    ['exercise', 'score', 'parts', 'verdict', 'feedback', 'items'],
  );
  const partsIn = object(o.parts, `${path}.parts`, Object.keys(o.parts ?? {}), []);
  const names = Object.keys(partsIn);
  if (names.length > 12) fail(`${path}.parts`, 'has too many parts');
  const parts: Record<string, ScorePart> = {};
  for (const name of names) {
    if (!/^[a-z][a-zA-Z]{0,30}$/.test(name)) fail(`${path}.parts`, `has a part with an odd name`);
    parts[name] = scorePart(partsIn[name], `${path}.parts.${name}`);
  }
  return {
    exercise: short(o.exercise, `${path}.exercise`),
    score: finite(0, 1)(o.score, `${path}.score`),
    parts,
    verdict: line(o.verdict, `${path}.verdict`),
    feedback: list(o.feedback, `${path}.feedback`, MAX_ITEMS, feedbackItem),
    items: list(o.items, `${path}.items`, MAX_ITEMS, coverage),
  };
};

const checked: Check<Checked> = (value, path) => {
  const o = object(value, path, ['at', 'of', 'rows', 'report'], ['at', 'of', 'report']);
  const at = short(o.at, `${path}.at`);
  if (!ISO.test(at) || Number.isNaN(Date.parse(at))) fail(`${path}.at`, 'is not a date and time');
  const of = short(o.of, `${path}.of`);
  if (!FINGERPRINT.test(of)) fail(`${path}.of`, 'is not a fingerprint');
  const result: Checked = { at, of, report: gradeReport(o.report, `${path}.report`) };
  if (o.rows !== undefined) result.rows = list(o.rows, `${path}.rows`, MAX_ITEMS, short);
  return result;
};

/** A saved check, or null when it is not one (an old or damaged report is dropped, never the work). */
export function parseChecked(value: unknown): Checked | null {
  return checkOrNull(checked, value, 'checked');
}
