/**
 * What a learner's STRIDE-AI table is (Project 1 and every exercise of the `stride-table` kind):
 * the answers type, its validator, an empty draft and the exercise's steps. Small and free of the
 * grader, so the editor, drafts and imports load it without the grading code.
 */
import { fail, id, LIMITS, list, object, text, type Check } from '../../share/fields';

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

/** A likelihood or severity rating: 1 low, 2 medium, 3 high. */
export type Rating = 1 | 2 | 3;

/** A rating a row may not have yet: null until the learner rates it (a new row starts unrated). */
export type MaybeRating = Rating | null;

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
  /** Null while the row is unrated: it then has no risk, and the grader counts the rating as missed. */
  likelihood: MaybeRating;
  severity: MaybeRating;
  mitigation: string;
  /**
   * The learner's correction of how the row is read: a pattern id of the threat-pattern library,
   * or "other" for something the library lacks. Absent: the reviewer's own reading stands.
   */
  reading?: string;
}

export interface StrideAnswers {
  /** Component ids the learner picked when decomposing the system. */
  components: string[];
  /** Trust boundary ids the learner picked (an addition to DESIGN.md's format; optional). */
  boundaries?: string[];
  rows: StrideRow[];
}

export const emptyStrideAnswers = (): StrideAnswers => ({ components: [], boundaries: [], rows: [] });

const rating: Check<MaybeRating> = (value, path) => {
  if (value !== null && value !== 1 && value !== 2 && value !== 3) fail(path, 'should be 1, 2, 3 or null (unrated)');
  return value;
};

const strideRow: Check<StrideRow> = (value, path) => {
  const row = object(
    value,
    path,
    ['id', 'component', 'category', 'threat', 'impact', 'likelihood', 'severity', 'mitigation', 'reading'],
    ['component', 'category', 'threat', 'impact', 'likelihood', 'severity', 'mitigation'],
  );
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
    ...(row['reading'] === undefined ? {} : { reading: id(row['reading'], `${path}.reading`) }),
  };
};

/**
 * Editor ids must be unique, or editing or deleting one row would touch every row sharing its id.
 * A repeated id (a hand-edited or hostile file) is dropped, so the editor gives that row a fresh
 * one; the row itself is kept.
 */
function uniqueRowIds(rows: StrideRow[]): StrideRow[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    if (row.id === undefined) return row;
    if (!seen.has(row.id)) {
      seen.add(row.id);
      return row;
    }
    const copy = { ...row };
    delete copy.id;
    return copy;
  });
}

/** Checks a STRIDE table from outside; throws `InvalidField` naming the field. */
export const checkStrideAnswers: Check<StrideAnswers> = (value, path) => {
  const answers = object(value, path, ['components', 'boundaries', 'rows'], ['components', 'rows']);
  return {
    components: list(answers['components'], `${path}.components`, LIMITS.ids, id),
    ...(answers['boundaries'] === undefined
      ? {}
      : { boundaries: list(answers['boundaries'], `${path}.boundaries`, LIMITS.ids, id) }),
    rows: uniqueRowIds(list(answers['rows'], `${path}.rows`, LIMITS.rows, strideRow)),
  };
};
