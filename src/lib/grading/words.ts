/**
 * How the graders cut text into words: normalised (NFKD, accents and case folded, apostrophes and
 * hyphens joined), cut into clauses at punctuation, without stop words. Small and free of the
 * stemmer, so an editor can count words exactly as the grader will ("45 words that count").
 */

// Quantifiers ("many", "all", "each") are kept: in a phrase such as "many requests" they carry meaning.
const STOP_WORDS = new Set(
  (
    'a an the of to in on at for by with from into onto over under as and or but if then than so such this that these those ' +
    'it its it’s is are was were be been being am do does did has have had having will would can could should may might must ' +
    'i we you he she they them their our your my me us his her which who whom whose what when where why how ' +
    'there here also just via per etc e g ie eg'
  ).split(' '),
);

/** Real answers are far shorter; past this, words are not read (a guard against paste floods). */
export const MAX_WORDS = 300;

/** Suffixes that make a compound of a word ("OCR-based", "per-user" is not one): kept as two words. */
const COMPOUND_SUFFIX =
  /(\w)-(based|driven|only|level|wide|specific|side|style|like|free|aware|enabled|related|controlled|signed|owned|hosted|facing|bound|scoped|lived)\b/g;

/**
 * Lower-case, accent-free, apostrophes and hyphens joined ("re-identification" ->
 * "reidentification"), except before a compound suffix ("OCR-based" -> "ocr based").
 */
export function normaliseText(text: string): string {
  // Plain ASCII has no accents to fold: skip the (costly) Unicode normalisation.
  const folded = /^[\t\n\r\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return folded
    .toLowerCase()
    .replace(COMPOUND_SUFFIX, '$1 $2')
    .replace(/(\w)['’-](?=\w)/g, '$1');
}

/** A text as graders compare it for copies: normalised, runs of white space as one space. */
export function textKey(text: string): string {
  return normaliseText(text).replace(/\s+/g, ' ').trim();
}

/** The clauses of a text (normalised), as the graders read them; past `maxWords * 40` characters nothing is read. */
export function clausesOf(text: string, maxWords = MAX_WORDS): string[] {
  // A dot between two word characters is part of an identifier ("torch.load", "v2.3"), not a clause end.
  return normaliseText(text.slice(0, maxWords * 40)).split(/(?:[;:!?,()\n\r]|\.(?!\w)|(?<!\w)\.)+|\s[–—-]\s/);
}

/** The words of a normalised clause that carry meaning (stop words out). */
export function meaningfulWords(clause: string): string[] {
  return clause.split(/[^a-z0-9]+/).filter((w) => w !== '' && !STOP_WORDS.has(w));
}

/** The words a grader reads in a text: what `wordCount(compileText(text))` gives, without stemming. */
export function countMeaningfulWords(text: string, maxWords = MAX_WORDS): number {
  let count = 0;
  for (const clause of clausesOf(text, maxWords)) {
    count += meaningfulWords(clause).length;
    if (count >= maxWords) return maxWords;
  }
  return count;
}
