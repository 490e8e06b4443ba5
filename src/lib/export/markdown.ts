/** Markdown helpers shared by the exports. */

/** Escapes text for a Markdown table cell or paragraph: no HTML, no links, no layout breaks. */
export function markdownText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .trim();
}

/** Paragraphs of learner text, each escaped, blank lines kept between them. */
export function markdownParagraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => markdownText(p))
    .filter((p) => p !== '');
}
