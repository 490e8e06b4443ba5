/**
 * What a learner's AI RMF gap analysis is (Project 2, the `rmf-gap` kind): the answers type, its
 * validator, an empty draft and the exercise's steps, without the grader.
 */
import { isPlainObject } from '../../share/safe-json';
import { fail, id, LIMITS, list, object, text, type Check } from '../../share/fields';

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

export const emptyRmfAnswers = (): RmfAnswers => ({
  contexts: [],
  contextNotes: {},
  assessments: [],
  priorities: [],
  report: '',
});

/** Any short text: graders explain an unknown or empty ID, so a draft with a half-chosen gap still loads. */
const subcategory: Check<string> = (value, path) => text(30)(value, path);

const rmfAssessment: Check<RmfAssessment> = (value, path) => {
  const a = object(
    value,
    path,
    ['subcategory', 'status', 'evidence', 'note'],
    ['subcategory', 'status', 'evidence', 'note'],
  );
  const status = a['status'];
  if (!RMF_STATUSES.includes(status as RmfStatus))
    fail(`${path}.status`, `should be one of ${RMF_STATUSES.join(', ')}`);
  return {
    subcategory: subcategory(a['subcategory'], `${path}.subcategory`),
    status: status as RmfStatus,
    evidence: list(a['evidence'], `${path}.evidence`, LIMITS.ids, id),
    note: text(LIMITS.text)(a['note'], `${path}.note`),
  };
};

const rmfPriority: Check<RmfPriority> = (value, path) => {
  const p = object(
    value,
    path,
    ['subcategory', 'gap', 'mitigation', 'owner', 'due'],
    ['subcategory', 'gap', 'mitigation'],
  );
  const due = p['due'] === undefined ? undefined : text(10)(p['due'], `${path}.due`);
  if (due !== undefined && due !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(due))))
    fail(`${path}.due`, 'should be a date written YYYY-MM-DD');
  return {
    subcategory: subcategory(p['subcategory'], `${path}.subcategory`),
    gap: text(LIMITS.text)(p['gap'], `${path}.gap`),
    mitigation: text(LIMITS.text)(p['mitigation'], `${path}.mitigation`),
    ...(p['owner'] === undefined ? {} : { owner: text(LIMITS.name)(p['owner'], `${path}.owner`) }),
    ...(due === undefined ? {} : { due }),
  };
};

function notes(value: unknown, path: string): Record<string, string> {
  if (!isPlainObject(value)) fail(path, 'should be an object');
  const entries = Object.entries(value);
  if (entries.length > LIMITS.ids) fail(path, `has ${entries.length} entries; the limit is ${LIMITS.ids}`);
  return Object.fromEntries(
    entries.map(([key, note]) => [id(key, `${path} key`), text(LIMITS.text)(note, `${path}.${key}`)]),
  );
}

/** Checks an AI RMF gap analysis from outside; throws `InvalidField` naming the field. */
export const checkRmfAnswers: Check<RmfAnswers> = (value, path) => {
  const answers = object(
    value,
    path,
    ['contexts', 'contextNotes', 'assessments', 'priorities', 'report'],
    ['contexts', 'assessments', 'priorities', 'report'],
  );
  return {
    contexts: list(answers['contexts'], `${path}.contexts`, LIMITS.ids, id),
    ...(answers['contextNotes'] === undefined
      ? {}
      : { contextNotes: notes(answers['contextNotes'], `${path}.contextNotes`) }),
    assessments: list(answers['assessments'], `${path}.assessments`, LIMITS.assessments, rmfAssessment),
    priorities: list(answers['priorities'], `${path}.priorities`, LIMITS.priorities, rmfPriority),
    report: text(LIMITS.text * 3)(answers['report'], `${path}.report`),
  };
};
