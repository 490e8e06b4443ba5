/**
 * Characters that act on a terminal or reorder text rather than show: C0 controls other than tab
 * and newline (ESC starts the sequences that erase lines, set window titles and colour text),
 * DEL, the C1 controls (U+009B is a one-character CSI on some terminals) and the bidirectional
 * overrides and isolates that can make text read differently from what it is.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text with every such character removed: for CSV and Markdown exports, messages and tables. */
export function stripControls(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * JSON text with those characters written as \uXXXX escapes: the same data for any JSON reader,
 * inert on a terminal. (JSON.stringify already escapes C0; this adds DEL, C1 and bidi controls.)
 */
export function escapeControlsInJson(json: string): string {
  return json.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
