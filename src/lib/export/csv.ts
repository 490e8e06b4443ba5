/**
 * CSV (RFC 4180) that spreadsheets cannot turn into formulas: any cell a learner or a file
 * supplied that starts with = + - @ (or a tab or carriage return) gets a leading apostrophe, so
 * Excel, LibreOffice and Sheets show it as text instead of running it.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised and quoted when needed. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends, as RFC 4180 asks. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
