/**
 * nlp: runs of non-space characters too long to hand to wink, found without
 * a regular expression.
 */

/**
 * Longest run of non-space characters handed to wink. wink's tokenizer costs
 * the square of a token's length (a 20,000-character word took 3 s, 40,000
 * took 12 s: issue 16), so longer runs — never words, at most pasted hashes,
 * base64 or minified code — are kept whole as one opaque token of their own
 * and wink reads only the text between them. Every stage after this one is
 * then linear in the text's length.
 */
export const LONGEST_WINK_TOKEN = 200;

/** True for the characters of JavaScript's `\s` (so runs are what `\S+` would find). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The first run of more than LONGEST_WINK_TOKEN non-space characters at or
 * after `from`, or null. Such a run covers one of every
 * LONGEST_WINK_TOKEN + 1 characters, so only those are read, each widened
 * to its run of non-space characters: a few reads per word instead of a
 * regular expression `\S{201,}` that tries again from every character.
 */
export function findLongRun(text: string, from: number): { start: number; end: number } | null {
  const stride = LONGEST_WINK_TOKEN + 1;
  for (let probe = from; probe < text.length; probe += stride) {
    if (isSpaceCode(text.charCodeAt(probe))) continue;
    let start = probe;
    while (start > from && !isSpaceCode(text.charCodeAt(start - 1))) start -= 1;
    let end = probe + 1;
    while (end < text.length && !isSpaceCode(text.charCodeAt(end))) end += 1;
    if (end - start > LONGEST_WINK_TOKEN) return { start, end };
    // the run is shorter than the stride, so the next probe lies past it
  }
  return null;
}
