import { describe, expect, it } from 'vitest';
import { rehypeBaseLinks } from '../../src/plugins/rehype-base-links.mjs';
import { rehypeFocusableCode } from '../../src/plugins/rehype-focusable-code.mjs';

const link = (href: string) => ({ type: 'element', tagName: 'a', properties: { href }, children: [] });

function run(base: string, hrefs: string[]): string[] {
  const tree = {
    type: 'root',
    children: [{ type: 'element', tagName: 'p', properties: {}, children: hrefs.map(link) }],
  };
  rehypeBaseLinks({ base })(tree);
  return tree.children[0]?.children.map((a) => a.properties.href) ?? [];
}

describe('rehype base links', () => {
  it('puts the base in front of root links in content', () => {
    expect(
      run('/lab/', [
        '/reference/',
        '/lab/progress/',
        '#top',
        'https://atlas.mitre.org/',
        '//cdn.example/x',
        'relative/',
      ]),
    ).toEqual([
      '/lab/reference/',
      '/lab/progress/',
      '#top',
      'https://atlas.mitre.org/',
      '//cdn.example/x',
      'relative/',
    ]);
  });

  it('leaves links alone at the root', () => {
    expect(run('/', ['/reference/'])).toEqual(['/reference/']);
  });
});

describe('rehype focusable code', () => {
  it('lets the keyboard reach every code block, however deep, and leaves other elements alone', () => {
    const pre = (cls: string) => ({ type: 'element', tagName: 'pre', properties: { className: [cls] }, children: [] });
    const tree = {
      type: 'root',
      children: [
        pre('language-yaml'),
        { type: 'element', tagName: 'div', properties: {}, children: [pre('language-python')] },
        { type: 'element', tagName: 'p', properties: {}, children: [] },
      ],
    };
    rehypeFocusableCode()(tree);
    expect(tree.children.map((n) => n.properties)).toEqual([{ className: ['language-yaml'], tabIndex: 0 }, {}, {}]);
    expect(tree.children[1]?.children[0]?.properties).toEqual({ className: ['language-python'], tabIndex: 0 });
  });
});
