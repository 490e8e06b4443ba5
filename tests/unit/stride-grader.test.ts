import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeStrideTable } from '../../src/lib/exercises/stride/grade';
import { strideReferenceAnswers } from '../../src/lib/exercises/stride/reference';
import type { StrideAnswers, StrideRow } from '../../src/lib/exercises/stride/answers';
import { loadCatalog } from '../../scripts/lib/catalog';
import { loadStrideKey } from '../../scripts/lib/rubrics';
import { goodAnswers, partialAnswers, shotgunAnswers, stuffedAnswers } from './fixtures/stride-submissions';

const rubric = loadStrideKey('stride-medical-imaging');
const reference = strideReferenceAnswers(rubric);
const grade = (answers: StrideAnswers) => gradeStrideTable(rubric, answers).score;
const rowsOf = (rows: StrideRow[]): StrideAnswers => ({
  components: reference.components,
  boundaries: reference.boundaries ?? [],
  rows,
});

describe('example submissions', () => {
  it('score in the order good > partial > keyword-stuffed >= shotgun, with stuffing at most 0.1', () => {
    const scores = [grade(goodAnswers), grade(partialAnswers), grade(stuffedAnswers), grade(shotgunAnswers)];
    // The good answer covers 14 of the 21 threats of key version 2, each well.
    expect(scores[0]).toBeGreaterThan(0.6);
    expect(scores[0]).toBeGreaterThan(scores[1] as number);
    expect(scores[1]).toBeGreaterThan(scores[2] as number);
    expect(scores[2]).toBeGreaterThanOrEqual(scores[3] as number);
    expect(scores[2]).toBeLessThanOrEqual(0.1);
  });

  it('still counts "posioned trainig data" as poisoning', () => {
    const row: StrideRow = {
      component: 'data-sources',
      category: 'T',
      threat: 'The labelling contractor could add posioned trainig data by flipping pneumothorax lables to normal',
      impact: 'Model misses pneumothorax',
      likelihood: 2,
      severity: 3,
      mitigation: 'double read a sample of contractor labels and compare label distributions',
    };
    const report = gradeStrideTable(rubric, rowsOf([row]));
    expect(report.feedback.find((f) => f.target === 'row 1')).toMatchObject({ verdict: 'correct' });
    expect(report.feedback.some((f) => f.expected === 'label-poisoning')).toBe(false);
  });

  it('does not take de-identification for re-identification', () => {
    const deid = (threat: string): StrideRow => ({
      component: 'data-sources',
      category: 'I',
      threat,
      impact: 'patients exposed',
      likelihood: 2,
      severity: 3,
      mitigation: 'scrub burned-in text with OCR',
    });
    const covered = (threat: string) =>
      gradeStrideTable(rubric, rowsOf([deid(threat)]))
        .items.filter((i) => i.covered)
        .map((i) => i.id);
    expect(covered('Images go through de-identification before they are exported to the cluster')).toEqual([]);
    expect(covered('Researchers could re-identify patients from the exported images with the linkage table')).toEqual([
      'reidentification-linkage',
    ]);
    expect(covered('Burned-in names on portable films survive the de-identification script')).toEqual([
      'deidentification-failure',
    ]);
  });

  it('explains a wrong component, a wrong category and an accepted alternative', () => {
    const ref = reference.rows.find((r) => r.id === 'adversarial-evasion') as StrideRow;
    const feedbackFor = (row: StrideRow) =>
      gradeStrideTable(rubric, rowsOf([row])).feedback.find((f) => f.target === 'row 1')?.message ?? '';
    expect(feedbackFor({ ...ref, component: 'model-registry' })).toMatch(
      /belongs on inference-api, not model-registry/,
    );
    expect(feedbackFor({ ...ref, category: 'R' })).toMatch(/The key files this under T \(Tampering\), not R/);
    expect(feedbackFor({ ...ref, category: 'E' })).toMatch(/E is accepted as well as T/);
  });

  it('credits a row on a decoy component (one step 1 offers but the system lacks) with nothing, and says why', () => {
    const ref = reference.rows.find((r) => r.id === 'adversarial-evasion') as StrideRow;
    const onWrongPart = gradeStrideTable(rubric, rowsOf([{ ...ref, component: 'model-registry' }]));
    const onDecoy = gradeStrideTable(rubric, rowsOf([{ ...ref, component: 'guest-wifi' }]));
    // A real component that is the wrong one still earns part of the threat; a decoy earns none of it.
    expect(onWrongPart.parts['coverage']?.score).toBeGreaterThan(0);
    expect(onDecoy.parts['coverage']?.score).toBe(0);
    expect(onDecoy.feedback.find((f) => f.target === 'row 1')?.message).toMatch(
      /guest-wifi is not part of this system \(see step 1\)/,
    );
  });

  it('hints at missed threats first, and names them when asked', () => {
    const hinted = gradeStrideTable(rubric, rowsOf([])).feedback.find((f) => f.expected === 'parser-exploit');
    expect(hinted?.message).toMatch(/^Hint for inference-api:/);
    expect(hinted?.message).not.toMatch(/DICOM file exploits|Code execution/);
    const revealed = gradeStrideTable(rubric, rowsOf([]), { revealMissed: true }).feedback.find(
      (f) => f.expected === 'parser-exploit',
    );
    expect(revealed?.message).toMatch(/^Code execution through a malformed DICOM file/);
  });

  it('corrects a known misconception', () => {
    const row: StrideRow = {
      component: 'inference-api',
      category: 'T',
      threat: 'Adversarial examples sent to the API make the model miss pneumothorax',
      impact: 'Urgent studies are not prioritized',
      likelihood: 1,
      severity: 3,
      mitigation: 'Encrypt all traffic with TLS so adversarial examples cannot be injected',
    };
    const report = gradeStrideTable(rubric, rowsOf([row]));
    expect(report.feedback.some((f) => f.verdict === 'wrong' && /Encryption protects images/.test(f.message))).toBe(
      true,
    );
    expect(report.parts['precision']?.score).toBeLessThan(1);
  });

  it('links every feedback item about a threat to the page that teaches it', () => {
    const report = gradeStrideTable(rubric, partialAnswers);
    for (const item of report.feedback.filter(
      (f) => f.verdict === 'missed' || f.verdict === 'correct' || f.verdict === 'partial',
    )) {
      expect(item.lesson, item.target).toMatch(/^\//);
    }
  });
});

// ---- properties

const variants = (row: StrideRow): StrideRow[] => [
  row,
  { ...row, mitigation: 'monitor it' },
  { ...row, likelihood: 3, severity: 1 },
  { ...row, likelihood: null, severity: null },
  { ...row, category: row.category === 'I' ? 'D' : 'I' },
];
const extras: StrideRow[] = [
  {
    component: 'clinician-app',
    category: 'D',
    threat: 'The worklist web server runs out of disk space and stops loading studies',
    impact: 'Radiologists cannot open the worklist',
    likelihood: 1,
    severity: 2,
    mitigation: 'Alert on disk usage and rotate logs',
  },
  {
    component: 'clinician-app',
    category: 'S',
    threat: 'radiologist',
    impact: '',
    likelihood: 1,
    severity: 1,
    mitigation: '',
  },
];
const pool = [...reference.rows.flatMap(variants), ...extras];
const arbRows = fc
  .uniqueArray(fc.integer({ min: 0, max: pool.length - 1 }), { maxLength: 20 })
  .map((ix) => ix.map((i) => pool[i] as StrideRow));
const arbAnswers = fc
  .tuple(arbRows, fc.subarray(reference.components))
  .map(([rows, components]) => ({ components, boundaries: [], rows }));

const shuffle = <T>(items: T[], seed: number): T[] => {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

describe('grader properties', () => {
  it('keeps the score in [0, 1]', () => {
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        const score = grade(answers);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('ignores row order, row ids, case and punctuation', () => {
    fc.assert(
      fc.property(arbAnswers, fc.integer(), (answers, seed) => {
        const restyled = shuffle(answers.rows, seed).map((row, i) => ({
          ...row,
          id: `r${seed}-${i}`,
          threat: `${row.threat.toUpperCase()}!!`,
          impact: row.impact.replace(/,/g, ' ;'),
          mitigation: row.mitigation.toLowerCase(),
        }));
        expect(grade({ ...answers, rows: restyled })).toBe(grade(answers));
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 100) },
    );
  });

  it('never rewards a duplicate row', () => {
    fc.assert(
      fc.property(
        arbAnswers.filter((a) => a.rows.length > 0),
        fc.nat(),
        (answers, pick) => {
          const copy = answers.rows[pick % answers.rows.length] as StrideRow;
          expect(grade({ ...answers, rows: [...answers.rows, { ...copy }] })).toBeLessThanOrEqual(grade(answers));
        },
      ),
    );
  });

  it('never lowers the score when a correct row for an uncovered threat is added', () => {
    fc.assert(
      fc.property(arbAnswers, fc.nat(), (answers, pick) => {
        const report = gradeStrideTable(rubric, answers);
        const missing = report.feedback.filter((f) => f.verdict === 'missed' && f.expected).map((f) => f.expected);
        fc.pre(missing.length > 0);
        const id = missing[pick % missing.length];
        const row = reference.rows.find((r) => r.id === id) as StrideRow;
        // A sentence already in the table, read as another threat, would be a copy: copies cost by design.
        fc.pre(!answers.rows.some((r) => r.threat === row.threat));
        expect(grade({ ...answers, rows: [...answers.rows, row] })).toBeGreaterThanOrEqual(report.score);
      }),
    );
  });

  it('reads one sentence with each component’s name slotted in as a template, not as analysis', () => {
    const names: Record<string, string> = {
      'data-sources': 'the imaging research archive',
      'training-pipeline': 'the training pipeline',
      'model-registry': 'the model registry',
      'inference-api': 'the triage inference API',
      monitoring: 'the monitoring and feedback service',
    };
    const rows: StrideRow[] = Object.entries(names).map(([component, name]) => ({
      component,
      category: 'T',
      threat: `An attacker tampers with the labels and the training data held in ${name} to cause harm to the system.`,
      impact: 'Integrity of the AI system is compromised.',
      likelihood: 3,
      severity: 3,
      mitigation: 'Defense in depth.',
    }));
    // The page and the CLI grade with the scenario's component names, as here.
    const report = gradeStrideTable(rubric, rowsOf(rows), { componentNames: names });
    expect(report.parts['coverage']?.score).toBe(0);
    expect(report.feedback.filter((f) => /repeats one template/.test(f.message))).toHaveLength(rows.length);
  });

  it('never rewards appending the whole vocabulary to every cell', () => {
    const vocabulary = [
      ...Object.values(rubric.library.concepts).flat(),
      ...rubric.library.controls.flatMap((c) => c.phrasings),
    ].join(', ');
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        const stuffed = answers.rows.map((row) => ({
          ...row,
          threat: `${row.threat} ${vocabulary}`,
          impact: `${row.impact} ${vocabulary}`,
          mitigation: `${row.mitigation} ${vocabulary}`,
        }));
        expect(grade({ ...answers, rows: stuffed })).toBeLessThanOrEqual(grade(answers));
      }),
    );
  });

  it('scores listing the whole catalog near 0', () => {
    const catalog = loadCatalog();
    const components = reference.components;
    const letters = ['S', 'T', 'R', 'I', 'D', 'E'] as const;
    const rows: StrideRow[] = catalog.atlas.techniques.map((t, i) => ({
      component: components[i % components.length] as string,
      category: letters[i % letters.length] as StrideRow['category'],
      threat: `${t.name}: ${t.summary}`,
      impact: '',
      likelihood: 2,
      severity: 2,
      mitigation: catalog
        .mitigationsOf(t.id)
        .map((m) => m.name)
        .join(', '),
    }));
    expect(grade(rowsOf(rows))).toBeLessThan(0.05);
  });
});

describe('reading rows the way a reviewer would', () => {
  const row = (overrides: Partial<StrideRow>): StrideRow => ({
    component: 'inference-api',
    category: 'I',
    threat: 'A caller with the shared key queries the API many times and trains a surrogate model from the scores',
    impact: 'The copy lets them craft evasions offline',
    likelihood: 1,
    severity: 2,
    mitigation: 'Return only the flag and rate-limit each client',
    ...overrides,
  });
  const rowFeedback = (rows: StrideRow[], n = 1) =>
    gradeStrideTable(rubric, rowsOf(rows)).feedback.find((f) => f.target === `row ${n}`);

  it('uses the reading the learner picks when the sentence supports it, and says so', () => {
    const picked = row({
      category: 'T',
      threat: 'An attacker crafts chest images whose pixels are nudged until the model says normal',
      reading: 'adversarial-evasion',
      mitigation: 'Keep the parallel radiologist read and run adversarial robustness testing',
    });
    const feedback = rowFeedback([picked]);
    expect(feedback?.message).toMatch(/^Read as you chose: Evasion with crafted inputs/);
    expect(feedback?.verdict).toBe('correct');
  });

  it('does not let a picked reading stand in for a threat the sentence never states', () => {
    const report = gradeStrideTable(
      rubric,
      rowsOf([
        // Nor does the impact: a threat sentence that says nothing is read from the impact, which may state it.
        row({
          threat: 'Something bad could happen to this part of the system at night',
          impact: 'Things go wrong for the hospital',
          reading: 'model-extraction',
        }),
      ]),
    );
    expect(report.items.find((i) => i.id === 'score-extraction')?.covered).toBe(false);
    expect(report.feedback.find((f) => f.target === 'row 1')?.message).toMatch(/does not say it yet/);
  });

  it('takes "something else" as a free extra', () => {
    const report = gradeStrideTable(rubric, rowsOf([row({ reading: 'other' })]));
    expect(report.items.every((i) => !i.covered)).toBe(true);
    expect(report.parts['precision']?.score).toBe(1);
  });

  it('keeps distinct rows that share a pattern free, and subtracts only for a true copy', () => {
    const theft = row({});
    const elsewhere = row({
      component: 'monitoring',
      threat: 'Someone with dashboard access trains a surrogate model from two years of logged scores',
    });
    expect(gradeStrideTable(rubric, rowsOf([theft, elsewhere])).parts['precision']?.score).toBe(1);
    const copied = gradeStrideTable(rubric, rowsOf([theft, { ...theft, impact: 'Stolen model' }]));
    expect(copied.parts['precision']?.score).toBe(0.95);
  });

  it('never charges for plausible extras, however many', () => {
    const extras = [
      'A contractor laptop with cached studies is stolen from a car',
      'The hub account of the academic group is phished and its README edited',
      'A cluster administrator snapshots the GPU nodes memory during training',
      'A stale version stays in the registry cache after a rollback',
      'The load balancer certificate expires and routers fail to connect',
      'A radiologist screenshots flagged studies into a group chat',
      'Drift dashboards are readable by every intranet user',
      'The weekly drift job silently fails after a library upgrade',
      'An intern copies the evaluation report to a personal cloud drive',
      'The worklist extension crashes when a score arrives without a version',
      'Vendor remote access sessions are never recorded or reviewed',
      'Old model versions keep running on a forgotten test server',
      'Test scripts post real patient images to the production endpoint',
      'The CI pipeline prints environment variables into public job logs',
      'The billing export accidentally includes the triage flag column',
      'A misconfigured backup copies the archive to an unencrypted share',
    ].map((threat, i) =>
      row({ component: reference.components[i % reference.components.length] ?? 'monitoring', threat }),
    );
    expect(gradeStrideTable(rubric, rowsOf(extras)).parts['precision']?.score).toBe(1);
  });

  it('reads encryption at rest against weight theft as no misconception, and against evasion as one', () => {
    const theft = row({
      component: 'model-registry',
      threat: 'An insider copies the model weights from the registry to a USB drive',
      mitigation: 'Encrypt artifacts at rest and restrict read access to the registry',
    });
    expect(rowFeedback([theft])?.verdict).not.toBe('wrong');
    const evasion = row({
      category: 'T',
      threat: 'An attacker submits adversarial images with a crafted perturbation so no pneumothorax is flagged',
      mitigation: 'Encrypt the images in transit with TLS',
    });
    expect(
      gradeStrideTable(rubric, rowsOf([evasion])).feedback.some((f) => /Encryption protects/.test(f.message)),
    ).toBe(true);
  });

  it('finds a mitigation that lists controls for everything specific to nothing', () => {
    const catchAll =
      'Least privilege, MFA, TLS, signing, checksums, rate limiting, OCR scrubbing, audit logs, adversarial training, backups and fuzzing';
    const feedback = rowFeedback([row({ mitigation: catchAll })]);
    expect(feedback?.message).toMatch(/specific to none/);
  });
});

describe('templates filled with threat names', () => {
  it('earn nothing when one sentence skeleton repeats across a component’s rows', () => {
    const names = [
      'Training data poisoning',
      'Label poisoning through labeling access',
      'De-identification that misses identifiers',
      'Re-identification of pseudonymised data',
      'Changes nobody can attribute',
    ];
    const templated = names.map((name) => ({
      component: 'data-sources',
      category: 'T' as const,
      threat: `${name}: an attacker performs ${name.toLowerCase()} against the data sources (STRIDE-AI, MITRE ATLAS, OWASP ML Top 10).`,
      impact: 'Patients are harmed and the hospital breaches HIPAA',
      likelihood: 3 as const,
      severity: 3 as const,
      mitigation: 'Double-read a sample of labels and keep individual labeling accounts',
    }));
    const report = gradeStrideTable(rubric, rowsOf(templated));
    expect(report.items.every((i) => !i.covered)).toBe(true);
    expect(report.feedback.filter((f) => /repeats one template/.test(f.message))).toHaveLength(5);
  });
});

describe('pairing rows with the key’s threats', () => {
  it('prefers exact pairs to a larger number of loose ones (a blind expert’s table on the coding-agent lab)', () => {
    const key = loadStrideKey('coding-agent-pipeline');
    const file = JSON.parse(
      readFileSync('tests/fixtures/blind/coding-agent-pipeline/sec-architect-expert.json', 'utf8'),
    ) as { answers: StrideAnswers };
    const report = gradeStrideTable(key, file.answers);
    const threatOf = (row: number) => {
      const note = report.feedback.find((f) => f.target === `row ${row}`);
      return key.threats.find((t) => note?.message.includes(t.explanation.slice(0, 60)))?.id;
    };
    // Row 1: planted issue text (code host, E); 4: the mirror token in the prompt (orchestrator, I);
    // 8: the org-wide token (sandbox, E). Counting pairs alone gave each to a neighbour's threat so
    // that a fourth, loose pair could be made.
    expect([threatOf(1), threatOf(4), threatOf(8)]).toEqual([
      'issue-prompt-injection',
      'system-prompt-token',
      'org-wide-agent-token',
    ]);
  });
});

describe('keyword lists and long sentences', () => {
  it('reads a long sentence with commas as one threat, and a short list of pattern names as a list', () => {
    const key = loadStrideKey('multi-agent-operations');
    const file = JSON.parse(
      readFileSync('tests/fixtures/blind/multi-agent-operations/red-teamer-expert.json', 'utf8'),
    ) as { answers: StrideAnswers };
    const long = file.answers.rows[3] as StrideRow;
    const list: StrideRow = {
      ...long,
      threat: 'prompt injection, exfiltration, memory poisoning, spoofed hand-offs, excessive agency, runaway loops',
    };
    const report = gradeStrideTable(key, { ...file.answers, rows: [long, list] });
    const note = (row: number) => report.feedback.find((f) => f.target === `row ${row}`);
    expect(long.threat.split(',').length).toBeGreaterThan(5);
    expect(note(1)?.message).not.toMatch(/names \d+ different threats/);
    expect(note(2)?.message).toMatch(/names \d+ different threats/);
  });
});

describe('rows with a pasted impact and mitigation', () => {
  it('earn nothing and say why, where the same rows with their own impact and mitigation count', () => {
    const own = reference.rows.slice(0, 6);
    const pasted = own.map((row) => ({
      ...row,
      impact: 'The whole system and all its data are compromised.',
      mitigation: 'Apply defense in depth, least privilege, monitoring and regular audits everywhere.',
    }));
    const report = gradeStrideTable(rubric, rowsOf(pasted));
    expect(report.parts.coverage?.score).toBe(0);
    expect(report.feedback.find((f) => f.target === 'row 1')?.message).toMatch(/impact and mitigation are pasted/);
    expect(gradeStrideTable(rubric, rowsOf(own)).parts.coverage?.score ?? 0).toBeGreaterThan(0.2);
  });
});
