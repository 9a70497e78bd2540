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

/** A word ending in "'s" or "’s": the apostrophe is at `index + length - 2`. */
const POSSESSIVE = /[\p{L}\p{N}]+['’][sS](?![\p{L}\p{N}'’])/gu;

/**
 * Positions of the apostrophes where a space goes before wink reads the text:
 * every word ending in "'s" that wink's own vocabulary does not hold
 * (`known` holds contractions such as "it's", "let's", "he's", which wink
 * expands itself).
 */
export function findPossessiveCuts(text: string, known: (word: string) => boolean): number[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(POSSESSIVE)) if (!known(m[0])) cuts.push(m.index + m[0].length - 2);
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
