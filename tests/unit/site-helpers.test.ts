import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/lib/progress/summary';
import { decodeHtmlText, splitExcerpt } from '../../src/lib/search/excerpt';
import { withBase, withoutBase } from '../../src/lib/site/paths';

describe('paths', () => {
  it('join the base and a path with one slash', () => {
    expect(withBase('/', '/learn/')).toBe('/learn/');
    expect(withBase('/lab/', '/learn/')).toBe('/lab/learn/');
    expect(withBase('/lab', 'learn/')).toBe('/lab/learn/');
  });

  it('strip the base again', () => {
    expect(withoutBase('/lab/', '/lab/learn/')).toBe('/learn/');
    expect(withoutBase('/lab/', '/lab')).toBe('/');
    expect(withoutBase('/', '/learn/')).toBe('/learn/');
  });
});

describe('search excerpts', () => {
  it('split marked words from plain text', () => {
    expect(splitExcerpt('a <mark>model</mark> &amp; its <mark>data</mark>.')).toEqual([
      { text: 'a ', hit: false },
      { text: 'model', hit: true },
      { text: ' & its ', hit: false },
      { text: 'data', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('never let markup through, only its text', () => {
    const pieces = splitExcerpt('&lt;script&gt;alert(1)&lt;/script&gt; <img src=x onerror=alert(1)><mark>x</mark>');
    expect(pieces.map((p) => p.text).join('')).toBe('<script>alert(1)</script> x');
  });

  it('decode numeric entities and ignore invalid ones', () => {
    expect(decodeHtmlText('&#39;&#x41;&#0;&unknown;')).toBe("'A&unknown;");
  });
});

describe('progress summary', () => {
  const items = [
    { id: 'lessons/a', title: 'A', path: '/a/' },
    { id: 'lessons/b', title: 'B', path: '/b/' },
    { id: 'lessons/c', title: 'C', path: '/c/' },
  ];
  const at = (status: 'in-progress' | 'done', lastVisited: string) => ({
    status,
    bestScore: null,
    attempts: 0,
    lastVisited,
  });

  it('is empty without progress', () => {
    expect(summarise(items, {})).toEqual({ total: 3, started: 0, done: 0, continueWith: null });
  });

  it('suggests the most recent unfinished item', () => {
    const summary = summarise(items, {
      'lessons/a': at('in-progress', '2026-11-20T00:00:00Z'),
      'lessons/b': at('done', '2026-11-25T00:00:00Z'),
      'lessons/c': at('in-progress', '2026-11-22T00:00:00Z'),
    });
    expect(summary).toMatchObject({ started: 3, done: 1, continueWith: { id: 'lessons/c' } });
  });
});
