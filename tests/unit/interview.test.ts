import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/lib/interview/coverage';
import {
  CRITERIA,
  emptyInterviewRecord,
  parseInterviewRecord,
  withAttempt,
  type DrillAttempt,
} from '../../src/lib/interview/record';
import { summarizeAttempts } from '../../src/lib/interview/summary';
import { loadInterviewContent } from '../../scripts/lib/interview-content';

const { questions, problems } = loadInterviewContent();
const nlp = questions.find((q) => q.id === 'stride-nlp-system');
if (!nlp) throw new Error('the STRIDE NLP question is missing');

describe('the interview question bank', () => {
  it('has at least 40 valid questions across every topic, levels mixed, with no problems', () => {
    expect(problems).toEqual([]);
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(questions.map((q) => q.topic))).toEqual(
      new Set(['stride-ai', 'atlas', 'ai-rmf', 'owasp', 'llm-agents', 'mlops', 'regulation', 'program', 'scenario']),
    );
    expect(new Set(questions.map((q) => q.level))).toEqual(new Set(['beginner', 'intermediate', 'advanced']));
  });

  it('includes the two questions the brief names, with the strategy it asks for', () => {
    expect(nlp.strategy).toMatch(/training data/);
    expect(nlp.strategy).toMatch(/inference API/);
    const rmf = questions.find((q) => /apply the NIST AI RMF in practice/i.test(q.question));
    expect(rmf).toBeDefined();
    for (const fn of ['Govern', 'Map', 'Measure', 'Manage'])
      expect(`${rmf?.strategy} ${rmf?.outline.join(' ')}`.toLowerCase()).toContain(fn.toLowerCase());
  });
});

describe('answer coverage', () => {
  it('counts paraphrases and inflections, not just the key point’s own words', () => {
    const answer =
      'I would start by breaking the system into parts: the training corpus, the serving endpoint and the drafted reply that agents send on. ' +
      'An attacker could be poisoning the labels that feed retraining. Crafted input with injected instructions could steer the drafter. ' +
      'The model might also disclose memorized details from past emails to another customer, which is a serious privacy problem.';
    const points = coverage(nlp, answer).points;
    expect(points.filter((p) => p.covered).map((p) => p.label)).toEqual([
      nlp.keyPoints[0]?.label,
      nlp.keyPoints[1]?.label,
      nlp.keyPoints[2]?.label,
      nlp.keyPoints[3]?.label,
    ]);
  });

  it('does not count a point the answer denies', () => {
    const covered = coverage(
      nlp,
      'We would never need logs of prompts or model versions for this system, since nothing goes wrong in practice here.',
    ).points;
    expect(covered.find((p) => p.label.startsWith('Repudiation'))?.covered).toBe(false);
  });

  it('marks a keyword list as mentioned but not structured, and says so', () => {
    const result = coverage(
      nlp,
      'training data, inference api, output, poisoning, prompt injection, leakage, logs, model version, risk, mitigations',
    );
    expect(result.share).toBe(1);
    expect(result.structured).toBe(false);
    expect(result.keywordList).toBe(true);
    expect(result.summary).toMatch(/list of terms, not an answer/);
    const bullets = coverage(
      nlp,
      [
        '- training data',
        '- inference api',
        '- outputs',
        '- poisoning',
        '- prompt injection',
        '- leakage',
        '- logs',
        '- model version',
      ].join('\n'),
    );
    expect(bullets.structured).toBe(false);
  });

  it('takes the model outline as structured and complete, for every question in the bank', () => {
    for (const q of questions) {
      const result = coverage(q, q.outline.join('\n'));
      expect(result.structured, q.id).toBe(true);
      expect(result.share, q.id).toBe(1);
    }
  });

  it('never gets more coverage from appending unrelated text, and stays in [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const base = coverage(nlp, text);
        expect(base.share).toBeGreaterThanOrEqual(0);
        expect(base.share).toBeLessThanOrEqual(1);
        expect(coverage(nlp, `${text}\nThe weather was pleasant and the meeting ran on time.`).share).toBe(base.share);
      }),
      { numRuns: 100 },
    );
  });
});

describe('interview practice records', () => {
  const attempt = (question: string, covered: number, self: DrillAttempt['self'] = null): DrillAttempt => ({
    question,
    at: '2026-11-26T10:00:00.000Z',
    seconds: 120,
    answer: 'An answer.',
    covered,
    total: 4,
    structured: true,
    self,
  });

  it('round-trips a valid record and rejects tampered ones', () => {
    const record = withAttempt(
      emptyInterviewRecord(),
      attempt('stride-nlp-system', 3, { structure: 4, accuracy: 3, depth: 4, practicality: 2, communication: 5 }),
    );
    expect(parseInterviewRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
    expect(parseInterviewRecord({ ...record, extra: 1 })).toBeNull();
    expect(parseInterviewRecord({ ...record, attempts: [{ ...attempt('x', 5) }] })).toBeNull();
    expect(parseInterviewRecord({ ...record, attempts: [{ ...attempt('x', 2), self: { structure: 6 } }] })).toBeNull();
    expect(parseInterviewRecord({ ...record, attempts: [{ ...attempt('x', 2), question: '<script>' }] })).toBeNull();
    expect(parseInterviewRecord(JSON.parse('{"attempts":[],"mocks":[],"__proto__":{}}'))).toBeNull();
  });

  it('keeps the newest attempts past the limit', () => {
    let record = emptyInterviewRecord();
    for (let i = 0; i < 205; i++) record = withAttempt(record, { ...attempt('q', 1), seconds: i });
    expect(record.attempts.length).toBe(200);
    expect(record.attempts[0]?.seconds).toBe(5);
  });

  it('names the weakest topic and criterion first', () => {
    const topics: Record<string, string> = { a: 'atlas', b: 'ai-rmf' };
    const self = { structure: 4, accuracy: 4, depth: 2, practicality: 4, communication: 5 };
    const summary = summarizeAttempts([attempt('a', 4, self), attempt('b', 1, self)], (q) => topics[q]);
    expect(summary.coverage).toBeCloseTo((1 + 0.25) / 2, 10);
    expect(summary.weakest[0]).toEqual({ name: 'ai-rmf', kind: 'topic', score: 0.25 });
    expect(summary.weakest[1]).toMatchObject({ name: 'depth', kind: 'criterion' });
    expect(summary.criteria.map((c) => c.name)).toEqual([...CRITERIA]);
  });
});
