/**
 * The site's own limits agree (issue 15): whatever the editors let a learner save, the site's
 * importers and the CLIs read back, and grading at those limits is bounded. Each kind is filled to
 * every limit of its validator, in the characters that take the most bytes once saved as JSON.
 */
import { describe, expect, it } from 'vitest';
import { exercise } from '../../scripts/lib/exercises';
import { LIMITS } from '../../src/lib/share/fields';
import { MAX_FILE_BYTES, utf8Length } from '../../src/lib/share/safe-json';
import { createSubmission, readSubmission, serialiseSubmission } from '../../src/lib/share/submission';
import { buildProgressFile, readProgressFile, serialiseProgressFile } from '../../src/lib/share/progress-file';
import { boundForGrading, GRADED_CHARS } from '../../src/lib/grading/bound';
import type { AtlasAnswers } from '../../src/lib/exercises/atlas/answers';
import type { RmfAnswers } from '../../src/lib/exercises/rmf/answers';
import type { StrideAnswers } from '../../src/lib/exercises/stride/answers';
import '../../src/stores/families';

const NOW = new Date('2026-12-06T10:00:00Z');
/** A control character: JSON writes it as six bytes (\u0001). */
const worst = (n: number) => '\u0001'.repeat(n);
/** A kebab-case id at its 80-character limit. */
const longId = (i: number) => `${'a'.repeat(75)}-${String(i).padStart(4, '0')}`;
const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

const stride: StrideAnswers = {
  components: times(LIMITS.ids, longId),
  boundaries: times(LIMITS.ids, longId),
  rows: times(LIMITS.rows, (i) => ({
    id: worst(80).slice(0, 75) + String(i).padStart(5, '0'),
    component: longId(i),
    category: 'S',
    threat: worst(LIMITS.text),
    impact: worst(LIMITS.text),
    likelihood: 3,
    severity: 3,
    mitigation: worst(LIMITS.text),
    reading: longId(i),
  })),
};

const rmf: RmfAnswers = {
  contexts: times(LIMITS.ids, longId),
  contextNotes: Object.fromEntries(times(LIMITS.ids, (i) => [longId(i), worst(LIMITS.text)])),
  assessments: times(LIMITS.assessments, (i) => ({
    subcategory: `${worst(25)}${String(i).padStart(5, '0')}`,
    status: 'partial',
    evidence: times(LIMITS.ids, longId),
    note: worst(LIMITS.text),
  })),
  priorities: times(LIMITS.priorities, (i) => ({
    subcategory: `${worst(25)}${i}`,
    gap: worst(LIMITS.text),
    mitigation: worst(LIMITS.text),
    owner: worst(LIMITS.name),
    due: '2026-12-31',
  })),
  report: worst(LIMITS.text * 3),
};

const atlas: AtlasAnswers = {
  chain: times(LIMITS.techniques, () => ({
    technique: worst(30),
    tactic: worst(30),
    rationale: worst(LIMITS.text),
    detection: worst(LIMITS.text),
  })),
  roe: times(LIMITS.ids, longId),
  runs: times(LIMITS.runs, (i) => ({
    attack: longId(i),
    defenses: times(20, () => worst(30)),
    seed: 2 ** 32,
    achieved: true,
    queries: 1_000_000,
    payoff: -1_000_000,
    timeToDetect: 1e9,
    alertsSeen: 1_000_000,
    aucBefore: 0.123456789,
    aucAfter: 0.123456789,
    recallBefore: 0.123456789,
    recallAfter: 0.123456789,
    ranAt: '2026-12-06T10:00:00.000Z',
    settings: {
      budget: 500,
      pace: 3600,
      poisonRate: 0.123456789,
      liveShift: 'holiday-travel',
      plans: times(30, () => ({
        amount: 99999.125,
        hour: 23,
        merchant: 'digital-goods',
        proxy: true,
        deviceSpoof: true,
        waitDay: true,
        referral: true,
      })),
    },
  })),
  defenses: times(LIMITS.defenses, (i) => ({
    mitigation: `${worst(25)}${String(i).padStart(5, '0')}`,
    counters: times(LIMITS.techniques, () => worst(30)),
    note: worst(LIMITS.text),
  })),
  hardening: worst(LIMITS.text * 3),
};

const largest = [
  createSubmission('stride-medical-imaging', stride, NOW, { learner: worst(LIMITS.name), team: worst(LIMITS.name) }),
  createSubmission('rmf-chatbot-gap', rmf, NOW, { learner: worst(LIMITS.name) }),
  createSubmission('atlas-fraud-simulation', atlas, NOW, { learner: worst(LIMITS.name) }),
];

describe('the largest work the editors allow', () => {
  it.each(largest.map((s) => [s.exercise, s] as const))('%s exports to a file the importer reads back', (_, s) => {
    const text = serialiseSubmission(s);
    expect(utf8Length(text)).toBeGreaterThan(1_000_000);
    expect(utf8Length(text)).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const back = readSubmission(text);
    if (!back.ok) throw new Error(back.error);
    expect(back.value).toEqual(s);
  });

  it('in a progress file with a browser storage full of it (5 million characters) still imports', () => {
    // Chinese text: one UTF-16 unit in storage, three bytes in the file.
    const cjk = (n: number) => '威'.repeat(n);
    const rows = stride.rows.map((r) => ({ ...r, threat: cjk(4000), impact: cjk(4000), mitigation: cjk(4000) }));
    const entries = ['stride-medical-imaging', 'atlas-fraud-simulation'].map(
      (id) =>
        [
          `draft:projects/${id}`,
          id === 'stride-medical-imaging'
            ? { exercise: id, answers: { ...stride, rows }, attempts: 3, revealed: true }
            : {
                exercise: id,
                answers: { ...atlas, chain: atlas.chain.map((c) => ({ ...c, rationale: cjk(4000) })) },
                attempts: 1,
                revealed: false,
              },
        ] as const,
    );
    const stored = entries.reduce((n, [key, value]) => n + key.length + JSON.stringify(value).length, 0);
    expect(stored).toBeGreaterThan(5_000_000);
    const text = serialiseProgressFile(buildProgressFile(entries, NOW));
    expect(utf8Length(text)).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const back = readProgressFile(text);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.entries).toHaveLength(2);
  });
});

describe('grading at the limits', () => {
  const words = 'labels flipped at the contractor poison the pneumothorax model through a shared account '.repeat(60);

  it('reads each field of a row up to GRADED_CHARS, cut at a word, and says how many it cut', () => {
    const { value, cut } = boundForGrading({ report: words, rows: [{ threat: words, impact: 'short' }] });
    const bounded = value as { report: string; rows: Array<{ threat: string; impact: string }> };
    expect(cut).toBe(1);
    expect(bounded.report).toBe(words);
    expect(bounded.rows[0]?.threat.length).toBeLessThanOrEqual(GRADED_CHARS);
    expect(words.startsWith(bounded.rows[0]?.threat ?? 'x')).toBe(true);
    expect(words[bounded.rows[0]?.threat.length ?? 0]).toMatch(/\s/);
    expect(bounded.rows[0]?.impact).toBe('short');
  });

  it('grades a table of 200 rows of 4,000-character fields, and the report says only part was read', async () => {
    const ex = await exercise('stride-medical-imaging');
    const rows = stride.rows.map((r) => ({ ...r, threat: words.slice(0, 4000), impact: words.slice(0, 4000) }));
    const report = ex.grade(createSubmission('stride-medical-imaging', { ...stride, rows }, NOW));
    expect(report.verdict).toMatch(
      /600 fields are longer than 1,500 characters: only the first 1,500 of each were read/,
    );
  });
});
