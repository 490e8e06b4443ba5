import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKeywordList, sentencesOf, splitProse } from '../../src/lib/grading/lists';

const term = fc.constantFrom(
  'refund limit',
  'PII redaction',
  'DLP',
  'prompt injection',
  'guardrails',
  'human review',
  'risk appetite',
  'EU AI Act',
  'vendor lock-in',
  'rate limiting',
);

describe('keyword lists', () => {
  it('finds terms strung together with commas, semicolons or bullets, with or without a heading', () => {
    fc.assert(
      fc.property(
        fc.array(term, { minLength: 7, maxLength: 30 }),
        fc.constantFrom(', ', '; ', ' | '),
        fc.constantFrom('', 'Keywords: ', 'Operational loss: '),
        (terms, separator, heading) => isKeywordList(heading + terms.join(separator)),
      ),
    );
  });

  it('leaves sentences alone: a clause word, or few separators, makes prose', () => {
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 30 }), (terms) => {
        expect(isKeywordList(`We must add ${terms.join(', ')}.`)).toBe(false);
        expect(isKeywordList(terms.slice(0, 5).join(', '))).toBe(false);
      }),
    );
  });

  it('keeps terse notes of four or five actions, figures and IDs as prose', () => {
    for (const note of [
      'Fix: hard per-customer and daily limits in the order API, a policy check in code, an audit of past refunds, revoke SORRY15.',
      'Refunds: the model decides alone, with no per-customer limit; about €48k and $19k were paid in three weeks, unchecked.',
      'Appetite: under €2,000/month, one refund per customer per 30 days, LLM03:2026 (LLM06:2025), MEASURE 2.7.',
    ])
      expect(isKeywordList(note), note).toBe(false);
  });

  it('splits sentences at full stops before a capital, not inside "Art. 50" or "2.7"', () => {
    expect(sentencesOf('The duty is Art. 50(1) of the AI Act. It is met. MEASURE 2.7 is partial!\nNext line')).toEqual([
      'The duty is Art. 50(1) of the AI Act.',
      'It is met.',
      'MEASURE 2.7 is partial!',
      'Next line',
    ]);
  });

  it('splits a report into its prose and its lists, counting the words of each', () => {
    const split = splitProse(
      'Launch only after three fixes. GDPR: personal data, DPIA, retention, transfers, processor terms, card numbers, erasure.',
    );
    expect(split.prose).toBe('Launch only after three fixes.');
    expect(split.listed).toMatch(/^GDPR: personal data/);
    expect(split.listWords).toBeGreaterThan(0);
    expect(split.words).toBeGreaterThan(split.listWords);
  });
});
