/**
 * What a hostile or careless file can put into a Markdown report (issue 15): no HTML, no links,
 * no rows split by a lone carriage return, no rules or lists started by the learner's text, and
 * no "date" that is anything but a date.
 */
import { describe, expect, it } from 'vitest';
import { markdownText } from '../../src/lib/export/markdown';
import { readSubmission } from '../../src/lib/share/submission';

describe('markdownText', () => {
  it('keeps a row on one line whatever the line breaks', () => {
    expect(markdownText('first\rsecond\r\nthird\nfourth')).toBe('first second third fourth');
  });

  it('shows a web address as code, so no viewer links it', () => {
    expect(markdownText('see https://evil.example/a_b|c and www.example.org')).toBe(
      'see `https://evil.example/a_b`\\|c and `www.example.org`',
    );
  });

  it('starts no rule, list or heading', () => {
    expect(markdownText('---')).toBe('\\---');
    expect(markdownText('1. first')).toBe('1\\. first');
    expect(markdownText('+ item')).toBe('\\+ item');
    expect(markdownText('# title')).toBe('\\# title');
  });
});

describe('submittedAt', () => {
  const file = (submittedAt: string) =>
    JSON.stringify({
      format: 'aitm.submission',
      version: 1,
      exercise: 'stride-medical-imaging',
      submittedAt,
      answers: { components: [], rows: [] },
    });

  it('must be an ISO 8601 date, so no markup reaches a report as a date', () => {
    const hostile = readSubmission(file('<img src=x onerror=alert(1)> 1'));
    expect(hostile.ok).toBe(false);
    if (!hostile.ok) expect(hostile.error).toContain('ISO 8601');
    for (const ok of ['2026-11-26T10:00:00Z', '2026-11-26T10:00:00.123Z', '2026-11-26T11:00+01:00', '2026-11-26'])
      expect(readSubmission(file(ok)).ok, ok).toBe(true);
  });
});
