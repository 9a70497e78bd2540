/**
 * nlp: the possessive "'s" handed to wink as a word of its own. wink's
 * tokenizer remembers every out-of-vocabulary token it has made and looks a
 * whole space-delimited piece up in that memory before splitting it. It keeps
 * "Zorblax's" whole before a full stop ("It was Zorblax's."), and from then
 * on every "Zorblax's" in the process stays one token (tagged PROPN, and the
 * next word with it), where a fresh process splits "Zorblax" + "'s". So the
 * tokens of a text depended on what the process had read before (issue 14:
 * the msrp figures changed between two evaluations in one process). A space
 * put before the apostrophe makes wink split it every time; the adapter takes
 * that space out of the offsets again.
 */

/**
 * A word ending in "'s" or "’s" (the apostrophe is at `index + length - 2`):
 * the definition of a possessive, which findPossessiveCuts finds without it.
 */
export const POSSESSIVE = /[\p{L}\p{N}]+['’][sS](?![\p{L}\p{N}'’])/gu;

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** The length of the code point ending at `end` (exclusive) when it is a letter or number, else 0. */
function letterOrNumberBefore(text: string, end: number): number {
  const c = text.charCodeAt(end - 1);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const pair = c >= 0xdc00 && c <= 0xdfff && end >= 2 && (text.charCodeAt(end - 2) & 0xfc00) === 0xd800;
  const point = pair ? text.slice(end - 2, end) : text[end - 1];
  return LETTER_OR_NUMBER.test(point) ? point.length : 0;
}

/** True when the code point at `at` is a letter, a number or an apostrophe (the lookahead of POSSESSIVE). */
function continuesWord(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (c === 39 || c === 0x2019) return true;
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(at)!));
}

/**
 * Positions of the apostrophes where a space goes before wink reads the text:
 * every word ending in "'s" that wink's own vocabulary does not hold
 * (`known` holds contractions such as "it's", "let's", "he's", which wink
 * expands itself). The matches of POSSESSIVE, found from the apostrophes
 * (a regular expression that starts at every letter of a long text cost a
 * quarter of wink's own reading of it): an apostrophe followed by "s" and no
 * further letter, after a run of letters and numbers read back to its start.
 */
export function findPossessiveCuts(text: string, known: (word: string) => boolean): number[] {
  const cuts: number[] = [];
  // the next of each apostrophe, each looked for again only once passed
  let straight = text.indexOf("'");
  let curly = text.indexOf('’');
  while (straight >= 0 || curly >= 0) {
    const k = curly < 0 || (straight >= 0 && straight < curly) ? straight : curly;
    if (k === straight) straight = text.indexOf("'", k + 1);
    else curly = text.indexOf('’', k + 1);
    const s = text.charCodeAt(k + 1);
    if ((s !== 115 && s !== 83) || continuesWord(text, k + 2)) continue;
    let start = k;
    while (start > 0) {
      const step = letterOrNumberBefore(text, start);
      if (step === 0) break;
      start -= step;
    }
    if (start < k && !known(text.slice(start, k + 2))) cuts.push(k);
  }
  return cuts;
}

/** The text with a space before each cut (cuts ascending). */
export function insertSpaces(text: string, cuts: number[]): string {
  if (!cuts.length) return text;
  let out = '';
  let from = 0;
  for (const c of cuts) {
    out += text.slice(from, c) + ' ';
    from = c;
  }
  return out + text.slice(from);
}
