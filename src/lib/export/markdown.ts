/** Markdown helpers shared by the exports. */
import { stripControls } from './control';

/** Web addresses a Markdown viewer would turn into links on its own. */
const BARE_URL = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>`|]+/gi;

function escapeInline(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`);
}

/**
 * Escapes text for a Markdown table cell or paragraph: no HTML, no links, no layout breaks. Line
 * breaks of any kind (a lone CR too) become spaces; a web address is shown as code, so no viewer
 * links it; a leading "-", "+", "=" or "1." is escaped, so no list or rule starts.
 */
export function markdownText(text: string): string {
  const flat = stripControls(text.replace(/[\r\n]+/g, ' ')).trim();
  let out = '';
  let last = 0;
  for (const match of flat.matchAll(BARE_URL)) {
    out += escapeInline(flat.slice(last, match.index)) + `\`${match[0]}\``;
    last = match.index + match[0].length;
  }
  out += escapeInline(flat.slice(last));
  return out.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Paragraphs of learner text, each escaped, blank lines kept between them. */
export function markdownParagraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => markdownText(p))
    .filter((p) => p !== '');
}
