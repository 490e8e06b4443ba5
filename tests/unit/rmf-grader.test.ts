import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rmfGradingContext } from '../../src/lib/exercises/rmf/context';
import { loadCatalogFiles } from '../../scripts/lib/catalog';
import { scenarioOf } from '../../scripts/lib/exercises';
import { loadRmfContent } from '../../scripts/lib/rmf-content';
import { shuffledFor } from '../../src/lib/exercises/choices';
import { EXERCISE_IDS, isExerciseOfKind } from '../../src/lib/exercises/registry';
import { rmfCsv, rmfMarkdown, type RmfExportContext } from '../../src/lib/exercises/rmf/export';
import { gradeRmfGap, hedgeFactor, orderAgreement } from '../../src/lib/exercises/rmf/grade';
import { rmfReferenceAnswers } from '../../src/lib/exercises/rmf/reference';
import { compileConcept, compileText, mentionsAll } from '../../src/lib/grading/text';
import { createSubmission, serialiseSubmission, validateAnswers } from '../../src/lib/share/submission';
import { RMF_STATUSES, type RmfAnswers } from '../../src/lib/exercises/rmf/answers';

const { rubric, scenario, problems } = loadRmfContent();
const { subcategories } = rmfGradingContext(scenarioOf('rmf-chatbot-gap'), loadCatalogFiles());
const factTitles = Object.fromEntries(scenario.dossier.map((f) => [f.id, f.title]));
const options = {
  subcategories,
  factTitles,
  contextNames: Object.fromEntries(scenario.contexts.map((c) => [c.id, c.name])),
};
const grade = (answers: RmfAnswers, reveal = false) =>
  gradeRmfGap(rubric, answers, { ...options, revealMissed: reveal });
const reference = rmfReferenceAnswers(rubric);
const allFacts = scenario.dossier.map((f) => f.id);

/** Every AI RMF gap exercise: Project 2 and the labs of its kind. */
describe.each(EXERCISE_IDS.filter((id) => isExerciseOfKind(id, 'rmf-gap')))('%s content', (id) => {
  const content = loadRmfContent('content', id);

  it('is consistent: scope, key, facts, contexts and links agree, across all four functions', () => {
    expect(content.problems).toEqual([]);
    for (const fn of ['GOVERN', 'MAP', 'MEASURE', 'MANAGE'])
      expect(content.rubric.assessments.some((a) => a.subcategory.startsWith(fn))).toBe(true);
  });

  it('shows its contexts in an order that says nothing about which ones matter', () => {
    const relevant = new Set(content.rubric.contexts.relevant);
    const flags = shuffledFor(id, 'contexts', content.scenario.contexts).map((c) => relevant.has(c.id));
    const firstIrrelevant = flags.indexOf(false);
    const lastRelevant = flags.lastIndexOf(true);
    // Not all the relevant ones first, nor all of them last.
    expect(lastRelevant > firstIrrelevant && flags.indexOf(true) < flags.lastIndexOf(false)).toBe(true);
  });
});

describe('the Project 2 content', () => {
  it('is consistent: scope, key, facts, contexts and links agree', () => {
    expect(problems).toEqual([]);
    expect(scenario.dossier.length).toBeGreaterThanOrEqual(25);
    expect(rubric.assessments.length).toBeGreaterThanOrEqual(15);
    for (const fn of ['GOVERN', 'MAP', 'MEASURE', 'MANAGE'])
      expect(rubric.assessments.some((a) => a.subcategory.startsWith(fn))).toBe(true);
  });

  it('has a key that is not mostly one status, so marking everything alike cannot pay', () => {
    for (const status of RMF_STATUSES) {
      expect(
        rubric.assessments.filter((a) => a.status === status).length / rubric.assessments.length,
        status,
      ).toBeLessThanOrEqual(0.5);
    }
  });
});

describe('rubric lint', () => {
  it('scores the reference answer 1, with every item correct', () => {
    const report = grade(reference);
    expect(report.score).toBe(1);
    expect(report.feedback.filter((f) => f.verdict !== 'correct')).toEqual([]);
    expect(validateAnswers('rmf-chatbot-gap', JSON.parse(JSON.stringify(reference)))).toEqual(reference);
  });

  it('needs each priority’s own mitigation: no reference mitigation satisfies another top gap', () => {
    const concepts = new Map(
      Object.entries(rubric.concepts).map(([id, synonyms]) => [id, compileConcept(`lint:${id}`, synonyms)]),
    );
    const groups = (ids: string[][]) => ids.map((g) => g.map((id) => concepts.get(id)).filter((c) => c !== undefined));
    for (const p of rubric.priorities.top) {
      for (const other of rubric.priorities.top.filter((o) => o !== p)) {
        expect(
          mentionsAll(compileText(p.reference.mitigation), groups(other.mitigation)),
          `${p.subcategory} vs ${other.subcategory}`,
        ).toBe(false);
      }
    }
  });

  it('finds every framing in the reference summary, and none in an empty one', () => {
    const full = grade(reference);
    expect(full.parts['report']?.score).toBe(1);
    const empty = grade({ ...reference, report: '' });
    expect(empty.parts['report']?.score).toBe(0);
    expect(empty.feedback.filter((f) => f.target === 'report' && f.verdict === 'missed')).toHaveLength(
      rubric.report.framing.length,
    );
  });
});

/** Answers built from the key, with some statuses and evidence chosen by the test. */
const arbitraryAnswers = fc.record({
  contexts: fc.subarray(scenario.contexts.map((c) => c.id)),
  assessments: fc.array(
    fc.record({
      subcategory: fc.constantFrom(...rubric.assessments.map((a) => a.subcategory)),
      status: fc.constantFrom(...RMF_STATUSES),
      evidence: fc.subarray(allFacts, { maxLength: 6 }),
      note: fc.string({ maxLength: 40 }),
    }),
    { maxLength: 25 },
  ),
  priorities: fc.array(
    fc.record({
      subcategory: fc.constantFrom(...rubric.assessments.map((a) => a.subcategory), 'GOVERN 9.9', 'nonsense'),
      gap: fc.string({ maxLength: 40 }),
      mitigation: fc.constantFrom('', 'best practices', ...rubric.priorities.top.map((p) => p.reference.mitigation)),
    }),
    { maxLength: 3 },
  ),
  report: fc.constantFrom('', 'short', rubric.report.reference),
});

describe('grading properties', () => {
  it('keeps the score in [0, 1]', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const { score } = grade(answers);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it('does not care about the order of assessments, or how an ID is typed', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(reference.assessments, { minLength: reference.assessments.length }),
        (shuffled) => {
          const retyped = shuffled.map((a, i) => ({
            ...a,
            subcategory: i % 2 ? a.subcategory.toLowerCase().replace(' ', '') : ` ${a.subcategory} `,
          }));
          expect(grade({ ...reference, assessments: retyped }).score).toBe(1);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('scores reversed priorities below the right order, and says so', () => {
    const reversed = grade({ ...reference, priorities: [...reference.priorities].reverse() });
    expect(reversed.score).toBeLessThan(1);
    expect(reversed.feedback.find((f) => f.target === 'priorities')?.message).toBe(
      '3 of 3 match the key’s top three; order is reversed.',
    );
    const swapped = grade({
      ...reference,
      priorities: [reference.priorities[1], reference.priorities[0], reference.priorities[2]].filter(
        (p) => p !== undefined,
      ),
    });
    expect(swapped.feedback.find((f) => f.target === 'priorities')?.message).toBe(
      '3 of 3 match the key’s top three; order differs.',
    );
    expect(swapped.score).toBeGreaterThan(reversed.score);
  });

  it('scores all-"missing" low, even citing every fact for every item', () => {
    const allMissing = (evidence: string[]): RmfAnswers => ({
      ...reference,
      priorities: [],
      report: '',
      assessments: rubric.assessments.map((a) => ({
        subcategory: a.subcategory,
        status: 'missing',
        evidence,
        note: '',
      })),
    });
    expect(grade(allMissing([])).score).toBeLessThan(0.35);
    expect(grade(allMissing(allFacts)).score).toBeLessThan(0.35);
  });

  it('does not pay for citing everything: precise evidence beats the whole dossier', () => {
    const citeAll = { ...reference, assessments: reference.assessments.map((a) => ({ ...a, evidence: allFacts })) };
    expect(grade(citeAll).parts['assessments']?.score).toBeLessThan(0.7);
    expect(grade(citeAll).score).toBeLessThan(grade(reference).score);
  });

  it('never raises the score by repeating an assessment', () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.nat(), (answers, pick) => {
        const copy = answers.assessments[pick % Math.max(1, answers.assessments.length)];
        if (!copy) return;
        const repeated = {
          ...answers,
          assessments: [...answers.assessments, { ...copy, status: 'in-place' as const }],
        };
        expect(grade(repeated).score).toBeLessThanOrEqual(grade(answers).score);
      }),
      { numRuns: 80 },
    );
  });

  it('accepts a defensible alternative status with partial credit and its reason', () => {
    const withAlternative = rubric.assessments.find((a) => a.alternatives.length > 0);
    if (!withAlternative) return;
    const alt = withAlternative.alternatives[0];
    if (!alt) return;
    const answers = {
      ...reference,
      assessments: reference.assessments.map((a) =>
        a.subcategory === withAlternative.subcategory ? { ...a, status: alt.status } : a,
      ),
    };
    const report = grade(answers);
    expect(report.score).toBeLessThan(1);
    expect(report.score).toBeGreaterThan(0.95);
    expect(report.feedback.find((f) => f.target === `subcategory ${withAlternative.subcategory}`)?.message).toContain(
      alt.reason,
    );
  });

  it('explains unknown subcategory IDs the way the catalog does', () => {
    const unknown = ['MEASURE', '2.14'].join(' ');
    const report = grade({
      ...reference,
      assessments: [...reference.assessments, { subcategory: unknown, status: 'missing', evidence: [], note: '' }],
    });
    expect(report.feedback.find((f) => f.message.startsWith(unknown))?.message).toBe(
      `${unknown} does not exist; MEASURE 2 has 2.1–2.13.`,
    );
    expect(report.score).toBe(1);
    const typo = grade({ ...reference, priorities: [{ subcategory: 'MANAGE 7.1', gap: 'x', mitigation: 'y' }] });
    expect(typo.feedback.find((f) => f.target === 'priority 1')?.message).toBe(
      'MANAGE 7.1 does not exist; MANAGE has categories 1–4.',
    );
  });

  it('hints at a wrong status first and says the key’s status on a later attempt', () => {
    const key = rubric.assessments[0];
    if (!key) throw new Error('empty key');
    const wrongStatus =
      RMF_STATUSES.find((s) => s !== key.status && !key.alternatives.some((a) => a.status === s)) ?? 'not-applicable';
    const answers = {
      ...reference,
      assessments: reference.assessments.map((a) =>
        a.subcategory === key.subcategory ? { ...a, status: wrongStatus } : a,
      ),
    };
    const hint = grade(answers).feedback.find((f) => f.target === `subcategory ${key.subcategory}`)?.message ?? '';
    // The first hint says why by what the given status means, and points to a fact not yet cited.
    expect(hint).toMatch(/means|needs/);
    const cited = answers.assessments.find((a) => a.subcategory === key.subcategory)?.evidence ?? [];
    const pointed = key.evidence.find((e) => !cited.includes(e)) ?? key.evidence[0] ?? '';
    expect(hint).toContain(factTitles[pointed]);
    expect(hint).not.toContain(key.explanation);
    const reveal =
      grade(answers, true).feedback.find((f) => f.target === `subcategory ${key.subcategory}`)?.message ?? '';
    expect(reveal).toContain('the key rates it');
    expect(reveal).toContain(key.explanation);
  });

  it('measures order by pairs', () => {
    expect(orderAgreement(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(1);
    expect(orderAgreement(['c', 'b', 'a'], ['a', 'b', 'c'])).toBe(0);
    expect(orderAgreement(['b', 'a', 'c'], ['a', 'b', 'c'])).toBeCloseTo(2 / 3);
    expect(orderAgreement(['x', 'a'], ['a', 'b', 'c'])).toBe(0.5);
    expect(orderAgreement(['x'], ['a', 'b', 'c'])).toBe(0);
  });
});

describe('what blind calibration taught the grader (issue 16)', () => {
  const withPriority = (i: number, change: Partial<RmfAnswers['priorities'][number]>): RmfAnswers => ({
    ...reference,
    priorities: reference.priorities.map((p, j) => (j === i ? { ...p, ...change } : p)),
  });
  const priorityNote = (answers: RmfAnswers, i: number) =>
    grade(answers).feedback.find((f) => f.target === `priority ${i + 1}`)?.message ?? '';

  it('gives nothing for ticking every context, and says why', () => {
    const everything = scenario.contexts.map((c) => c.id);
    const report = grade({ ...reference, contexts: everything });
    expect(report.parts['contexts']?.score).toBe(0);
    expect(report.feedback.some((f) => f.target === 'contexts' && /every context offered/.test(f.message))).toBe(true);
    // One distractor costs a share, not everything.
    const one = grade({
      ...reference,
      contexts: [...rubric.contexts.relevant, Object.keys(rubric.contexts.distractors)[0] ?? ''],
    });
    expect(one.parts['contexts']?.score).toBeGreaterThan(0.5);
    expect(one.parts['contexts']?.score).toBeLessThan(1);
  });

  it('scores one status for everything like a guess, whichever status it is, and says so', () => {
    for (const status of ['partial', 'missing', 'in-place'] as const) {
      const uniform = {
        ...reference,
        assessments: reference.assessments.map((a) => ({ ...a, status })),
      };
      const report = grade(uniform);
      expect(report.parts['assessments']?.score, status).toBeLessThan(0.2);
      expect(
        report.feedback.some((f) => f.target === 'assessments' && /One status for everything/.test(f.message)),
      ).toBe(true);
    }
  });

  it('gates the priorities and the report on the assessment: a guess at every status leaves them nothing', () => {
    const uniform = {
      ...reference,
      assessments: reference.assessments.map((a) => ({ ...a, status: 'partial' as const })),
    };
    const report = grade(uniform);
    const parts = (name: string) => report.parts[name]?.score ?? 0;
    // Priorities and report are scored as written, but count only as far as the assessment holds.
    expect(parts('priorities')).toBeGreaterThan(0);
    expect(report.score).toBeCloseTo(0.1 * parts('contexts') + 0.5 * parts('assessments'), 4);
    expect(report.feedback.some((f) => f.target === 'assessments: gate')).toBe(true);
    expect(grade(reference).feedback.some((f) => f.target === 'assessments: gate')).toBe(false);
  });

  it('reads hedging by degrees: the more one status covers, the less the statuses earn', () => {
    expect(hedgeFactor(0.5)).toBe(1);
    expect(hedgeFactor(0.65)).toBe(1);
    expect(hedgeFactor(0.85)).toBeCloseTo(0.25);
    expect(hedgeFactor(1)).toBe(0.25);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(hedgeFactor(hi)).toBeLessThanOrEqual(hedgeFactor(lo));
      }),
    );
    // Fifteen of twenty alike: a note that says so, and less credit than the same statuses spread out.
    const partialFirst = reference.assessments.map((a, i) => ({
      ...a,
      status: i < 15 ? ('partial' as const) : a.status === 'partial' ? ('missing' as const) : a.status,
    }));
    const hedged = grade({ ...reference, assessments: partialFirst });
    expect(hedged.feedback.find((f) => f.target === 'assessments')?.message).toMatch(/looks like hedging/);
  });

  it('pays a status without the facts that show it only half', () => {
    const bare = { ...reference, assessments: reference.assessments.map((a) => ({ ...a, evidence: [] })) };
    expect(grade(bare).parts['assessments']?.score).toBeCloseTo(0.5, 5);
  });

  it('pays the right status with the whole dossier cited as a guess: less than with no evidence at all, and says why', () => {
    const citeAll = { ...reference, assessments: reference.assessments.map((a) => ({ ...a, evidence: allFacts })) };
    const bare = { ...reference, assessments: reference.assessments.map((a) => ({ ...a, evidence: [] })) };
    const report = grade(citeAll);
    expect(report.parts['assessments']?.score).toBeLessThan(grade(bare).parts['assessments']?.score ?? 0);
    expect(report.feedback.find((f) => f.step === 'measure')?.message).toMatch(
      new RegExp(`You cite ${allFacts.length} of the dossier's ${allFacts.length} facts`),
    );
    // A precise citation with one neighbouring fact is not a blanket.
    const two = {
      ...reference,
      assessments: reference.assessments.map((a) => ({ ...a, evidence: [...a.evidence, allFacts[0] ?? ''] })),
    };
    expect(grade(two).parts['assessments']?.score).toBeGreaterThan(0.9);
  });

  it('does not take a keyword list, a catch-all or a copied mitigation as specific', () => {
    const list =
      'refund limit, daily cap, rate limiting, human approval, prompt injection testing, PII redaction, DLP, output monitoring, groundedness, incident playbook, pin the model version';
    for (const [i, mitigation, why] of [
      [0, list, /list of terms/],
      [1, reference.priorities[0]?.mitigation ?? '', /same text as another/],
    ] as const) {
      const answers = withPriority(i, { mitigation });
      expect(grade(answers).parts['priorities']?.score).toBeLessThan(1);
      expect(priorityNote(answers, i)).toMatch(why);
    }
  });

  it('wants the gap stated for this system, not a string of terms', () => {
    const keywords = withPriority(0, {
      gap: 'security; prompt injection; excessive agency; refund abuse; red team; jailbreak; LLM01',
    });
    expect(priorityNote(keywords, 0)).toMatch(/list of terms/);
    const empty = withPriority(0, { gap: '' });
    expect(priorityNote(empty, 0)).toMatch(/State the gap/);
    expect(grade(empty).score).toBeLessThan(1);
  });

  it('takes one owner, not a list of roles', () => {
    const answers = withPriority(0, { owner: 'CISO, DPO, product owner, engineering lead' });
    expect(grade(answers).score).toBeLessThan(1);
    expect(priorityNote(answers, 0)).toMatch(/one accountable owner/);
  });

  it('rests a priority on the assessment: a gap the assessment does not show counts half', () => {
    const first = reference.priorities[0]?.subcategory ?? '';
    const answers = {
      ...reference,
      assessments: reference.assessments.map((a) => (a.subcategory === first ? { ...a, evidence: [] } : a)),
    };
    expect(grade(answers).parts['priorities']?.score).toBeLessThan(0.9);
    expect(priorityNote(answers, 0)).toMatch(/does not show this gap/);
  });

  it('counts a framing stated in a sentence, not one in a list of terms', () => {
    const framed =
      'The bot issued refunds outside policy, money we lose every week; customers are misled by wrong answers.';
    const listed =
      'Operational risk: refunds, refund abuse, financial loss, wrong answers, hallucination, excessive agency, money.';
    const filler = ' Full launch is planned for the holiday peak and the team asks for a decision this week.'.repeat(4);
    const covered = (report: string) =>
      !grade({ ...reference, report: report + filler }).feedback.some((f) => /Operational risk/.test(f.message));
    expect(covered(framed)).toBe(true);
    expect(covered(listed)).toBe(false);
  });

  it('reads the phrasings blind writers used: EU AI law, lock-in, a swapped model, refund caps in figures', () => {
    const concept = (id: string) => compileConcept(`t:${id}`, rubric.concepts[id] ?? []);
    const has = (text: string, id: string) => mentionsAll(compileText(text), [[concept(id)]]);
    expect(has('Customers must be told they are chatting with an AI under the EU AI law.', 'ai-act')).toBe(true);
    expect(has('We are exposed to vendor lock-in.', 'vendor-change')).toBe(true);
    expect(has('Altimer swapped the model under us in October.', 'vendor-change')).toBe(true);
    expect(has('1 bot refund per customer per 30 days and a daily euro budget', 'refund-limits')).toBe(true);
    expect(has('approval above 50 EUR by an agent', 'backend-enforcement')).toBe(true);
  });

  it('names the other supporting fact on a later attempt', () => {
    const key = rubric.assessments.find((a) => a.evidence.length >= 2);
    if (!key) throw new Error('no key item with two facts');
    const answers = {
      ...reference,
      assessments: reference.assessments.map((a) =>
        a.subcategory === key.subcategory ? { ...a, evidence: [key.evidence[0] ?? ''] } : a,
      ),
    };
    const later =
      grade(answers, true).feedback.find((f) => f.target === `subcategory ${key.subcategory}`)?.message ?? '';
    expect(later).toContain(`“${factTitles[key.evidence[1] ?? ''] ?? ''}” supports this too`);
  });
});

describe('exports and the CLI', { timeout: 60_000 }, () => {
  const context: RmfExportContext = {
    title: scenario.title,
    subcategories,
    factTitles,
    contextNames: options.contextNames,
    obligations: scenario.obligations,
  };
  const hostile: RmfAnswers = {
    ...reference,
    priorities: [
      {
        subcategory: reference.priorities[0]?.subcategory ?? '',
        gap: '=HYPERLINK("http://evil.example")',
        mitigation: '<img src=x onerror=alert(1)> [x](javascript:alert(1))',
        owner: '@owner',
        due: '2027-01-15',
      },
    ],
    report: '# Not a heading\n\n<script>alert(1)</script>',
  };
  const submission = createSubmission('rmf-chatbot-gap', hostile, new Date('2026-11-26T10:00:00Z'));

  it('writes a risk register that spreadsheets cannot run, top gap first', () => {
    const csv = rmfCsv(submission, context);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Rank,Subcategory,Outcome,Status,Gap,Evidence,Mitigation,Owner,Due');
    expect(lines[1]).toMatch(/^1,/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain(`'@owner`);
  });

  it('writes a Markdown report with learner text escaped', () => {
    const md = rmfMarkdown(submission, context);
    expect(md).not.toContain('<script>');
    // Every angle bracket is escaped, so no tag survives.
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).not.toContain('](javascript:');
    expect(md).toContain('\\# Not a heading');
    expect(md).toContain('## Top three gaps');
  });

  it('grades the reference answer at 1 from the command line, and exports it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aitm-rmf-'));
    const file = path.join(dir, 'reference.json');
    writeFileSync(
      file,
      execFileSync('npx', ['tsx', 'scripts/grade.ts', '--reference', 'rmf-chatbot-gap'], { encoding: 'utf8' }),
    );
    const rows = JSON.parse(
      execFileSync('npx', ['tsx', 'scripts/grade.ts', '--json', file], { encoding: 'utf8' }),
    ) as Array<{ score: number }>;
    expect(rows[0]?.score).toBe(1);
    expect(execFileSync('npx', ['tsx', 'scripts/export.ts', '--to', 'csv', file], { encoding: 'utf8' })).toMatch(
      /^Rank,Subcategory/,
    );
    expect(execFileSync('npx', ['tsx', 'scripts/export.ts', '--to', 'md', file], { encoding: 'utf8' })).toContain(
      '# AI RMF gap analysis',
    );
    writeFileSync(path.join(dir, 'hostile.json'), serialiseSubmission(submission));
    const hostileCsv = execFileSync(
      'npx',
      ['tsx', 'scripts/export.ts', '--to', 'csv', path.join(dir, 'hostile.json')],
      { encoding: 'utf8' },
    );
    expect(hostileCsv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  }, 60_000);
});
