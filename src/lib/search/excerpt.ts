/**
 * Pagefind returns excerpts as HTML with <mark> around the matched words. We never inject that
 * HTML: it is split into plain-text pieces, marked or not, and rendered as text.
 */

/** A piece of an excerpt; `hit` pieces are the matched words. */
export interface ExcerptPiece {
  text: string;
  hit: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities Pagefind emits (named basics and numeric), dropping any tag. */
export function decodeHtmlText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, code: string) => {
    if (code[0] === '#') {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isInteger(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : '';
    }
    return ENTITIES[code.toLowerCase()] ?? match;
  });
}

export function splitExcerpt(html: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    if (match.index > last) pieces.push({ text: decodeHtmlText(html.slice(last, match.index)), hit: false });
    pieces.push({ text: decodeHtmlText(match[1] ?? ''), hit: true });
    last = match.index + match[0].length;
  }
  if (last < html.length) pieces.push({ text: decodeHtmlText(html.slice(last)), hit: false });
  return pieces.filter((p) => p.text !== '');
}
