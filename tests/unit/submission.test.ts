import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { checksum, decodeShareCode, encodeShareCode } from '../../src/lib/share/share-code';
import { MAX_FILE_BYTES, MAX_UNTRUSTED_BYTES } from '../../src/lib/share/safe-json';
import { createSubmission, readSubmission, type Submission } from '../../src/lib/share/submission';
import { type StrideRow } from '../../src/lib/exercises/stride/answers';

const row: StrideRow = {
  component: 'inference-api',
  category: 'I',
  threat: 'Attacker queries the API to infer whether a patient was in the training set.',
  impact: 'Disclosure of patient membership.',
  likelihood: 2,
  severity: 3,
  mitigation: 'Return labels only and rate-limit queries per client.',
};
const submission = createSubmission(
  'stride-medical-imaging',
  { components: ['inference-api'], rows: [row] },
  new Date('2026-11-26T10:00:00Z'),
  { learner: 'Ada' },
);

const errorOf = (text: string) => {
  const result = readSubmission(text);
  if (result.ok) throw new Error('expected rejection');
  return result.error;
};

describe('submission files', () => {
  it('round-trip', () => {
    expect(readSubmission(JSON.stringify(submission))).toEqual({ ok: true, value: submission });
  });

  it('name the field that is wrong', () => {
    const bad = (patch: Partial<StrideRow>) =>
      JSON.stringify({ ...submission, answers: { components: [], rows: [{ ...row, ...patch }] } });
    expect(errorOf(bad({ category: 'X' as 'S' }))).toBe(
      'The submission is not valid: answers.rows[0].category should be one of S, T, R, I, D, E.',
    );
    expect(errorOf(bad({ likelihood: 5 as 1 }))).toBe(
      'The submission is not valid: answers.rows[0].likelihood should be 1, 2, 3 or null (unrated).',
    );
    expect(errorOf(bad({ component: '<script>' }))).toMatch(/answers\.rows\[0\]\.component is not a valid id/);
    expect(errorOf(bad({ threat: 'x'.repeat(5000) }))).toMatch(/threat is 5000 characters long; the limit is 4000/);
  });

  it('refuse unknown formats, versions, exercises and fields', () => {
    expect(errorOf(JSON.stringify({ ...submission, format: 'aitm.progress' }))).toMatch(/progress file/);
    expect(errorOf(JSON.stringify({ ...submission, version: 9 }))).toMatch(/version 9, made by a newer version/);
    expect(errorOf(JSON.stringify({ ...submission, exercise: 'pentest' }))).toBe(
      'The exercise "pentest" is not one this version of the site can grade.',
    );
    expect(errorOf(JSON.stringify({ ...submission, admin: true }))).toMatch(/submission\.admin is not a field/);
  });

  it('refuse prototype keys and oversize input', () => {
    expect(errorOf(`{"format":"aitm.submission","__proto__":{"x":1}}`)).toMatch(/__proto__/);
    expect(errorOf(JSON.stringify({ ...submission, learner: 'x'.repeat(MAX_FILE_BYTES) }))).toMatch(
      /limit is 32\.0 MB/,
    );
  });
});

describe('share codes', () => {
  it('round-trip a submission', () => {
    const code = encodeShareCode(submission);
    expect(code).toMatch(/^AITM1\.[A-Za-z0-9_-]+\.[0-9a-z]{7}$/);
    expect(decodeShareCode(code)).toEqual({ ok: true, value: submission });
    expect(decodeShareCode(`  ${code.slice(0, 30)}\n${code.slice(30)}  `)).toEqual({ ok: true, value: submission });
  });

  it('round-trip any text the learner typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (threat) => {
        const s: Submission = { ...submission, answers: { components: [], rows: [{ ...row, threat }] } };
        expect(decodeShareCode(encodeShareCode(s))).toEqual({ ok: true, value: s });
      }),
    );
  });

  it('detect a truncated or altered code', () => {
    const code = encodeShareCode(submission);
    expect(decodeShareCode(code.slice(0, -10))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/damaged or cut short|incomplete/),
    });
    const flipped = code.replace(/\.(.)/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    expect(decodeShareCode(flipped)).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
    expect(decodeShareCode('hello')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not an AI Threat Modeling Lab share code/),
    });
  });

  const codeOf = (bytes: Uint8Array) => {
    let payload = '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
      for (let c = 0; c < chars; c++) payload += alphabet[(n >> (18 - 6 * c)) & 63];
    }
    return `AITM1.${payload}.${checksum(payload)}`;
  };

  it('refuse a code that would expand into something huge', () => {
    const bomb = deflateSync(strToU8(' '.repeat(50_000_000)), { level: 9 });
    expect(decodeShareCode(codeOf(bomb))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/expands beyond 32\.0 MB/),
    });
  });

  it('stop inflating at the ceiling: a code under the size limit that unpacks to 700 MB is refused at once', () => {
    // 700 independent blocks of 1 MB of zeros (each ends with a full flush), then an empty final block.
    const block = deflateRawSync(Buffer.alloc(1_000_000), { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
    const bomb = Buffer.concat([...Array.from({ length: 700 }, () => block), deflateRawSync(Buffer.alloc(0))]);
    const code = codeOf(bomb);
    expect(code.length).toBeLessThan(MAX_UNTRUSTED_BYTES);
    const started = performance.now();
    expect(decodeShareCode(code)).toMatchObject({ ok: false, error: expect.stringMatching(/expands beyond 32\.0 MB/) });
    // Inflating all 700 MB takes seconds; stopping at the ceiling takes a few milliseconds.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
