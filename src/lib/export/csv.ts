/**
 * CSV (RFC 4180) that spreadsheets cannot turn into formulas: any cell a learner or a file
 * supplied that starts with = + - @ (or a tab or carriage return) gets a leading apostrophe, so
 * Excel, LibreOffice and Sheets show it as text instead of running it. Control characters (escape
 * sequences, bidi overrides) are dropped, so printing the file cannot act on a terminal.
 */

import { stripControls } from './control';

const FORMULA_START = /^[=+\-@\t\r\n]/;

/** One cell, neutralised and quoted when needed; terminal control characters are dropped. */
export function csvCell(value: string | number): string {
  // Line breaks are kept as LF inside the quoted cell; a lone CR would let a terminal overwrite a line.
  let text = stripControls(String(value).replace(/\r\n?/g, '\n'));
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends, as RFC 4180 asks. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
