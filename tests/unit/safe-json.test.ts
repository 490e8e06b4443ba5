import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes, MAX_UNTRUSTED_BYTES, parseUntrustedJson, utf8Length } from '../../src/lib/share/safe-json';

describe('parseUntrustedJson', () => {
  it('parses ordinary JSON', () => {
    expect(parseUntrustedJson('{"a":[1,2,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, 2, { b: null }] } });
  });

  it('rejects text that is not JSON, with a plain message', () => {
    expect(parseUntrustedJson('{"a":')).toEqual({ ok: false, error: 'The input is not valid JSON.' });
  });

  it('rejects empty input', () => {
    expect(parseUntrustedJson('   ')).toEqual({ ok: false, error: 'The input is empty.' });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects a nested "%s" key', (key) => {
    const result = parseUntrustedJson(`{"entries":{"x":{"${key}":{"polluted":true}}}}`);
    expect(result).toEqual({ ok: false, error: `The input contains a key named "${key}", which is not allowed.` });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects oversize input before parsing it, saying how big it is', () => {
    const text = `"${'x'.repeat(5_000_000)}"`;
    const result = parseUntrustedJson(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe('The input is 5.0 MB; the limit is 1.0 MB.');
  });

  it('rejects deeply nested input without crashing', () => {
    const text = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(parseUntrustedJson(text, 10_000_000).ok).toBe(false);
  });

  it('round-trips any JSON value without forbidden keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        fc.pre(!/"(__proto__|constructor|prototype)":/.test(text) && utf8Length(text) <= MAX_UNTRUSTED_BYTES);
        const result = parseUntrustedJson(text);
        expect(result.ok && JSON.stringify(result.value)).toBe(text);
      }),
    );
  });
});

describe('utf8Length', () => {
  it('matches the encoder for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => utf8Length(s) === new TextEncoder().encode(s).length),
    );
  });
});

describe('formatBytes', () => {
  it('uses the unit a learner expects', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(12_300)).toBe('12 KB');
    expect(formatBytes(5_242_880)).toBe('5.2 MB');
  });
});
