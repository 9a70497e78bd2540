/**
 * nlp: the spaces before each token, read off the text wink was given.
 * wink's tokenization is lossless, so they are the runs of the characters
 * wink splits on between one token's value and the next; asking wink for
 * them instead walks its tokens once more and builds a fresh string per token.
 */

/** True for the characters wink splits tokens on and counts as the spaces before a token. */
export function isWinkSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 0xa0 ||
    (c >= 0x2002 && c <= 0x2005) ||
    c === 0x2009 ||
    c === 0x200a ||
    c === 0x202f ||
    c === 0x205f
  );
}

// wink caps the spaces it counts before a token (at 65,534); a run this long is left to it.
const LONGEST_SPACE_RUN = 1_000;

/**
 * The spaces before each of `values` (wink's tokens of `text`, in order).
 * Should a value not start where the text says it must, or the spaces run
 * very long, the answer is wink's own (`askWink`).
 */
export function readPrecedingSpaces(text: string, values: readonly string[], askWink: () => string[]): string[] {
  const spaces: string[] = new Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i += 1) {
    const from = at;
    while (isWinkSpace(text.charCodeAt(at))) at += 1;
    const value = values[i];
    if (at - from >= LONGEST_SPACE_RUN || text.charCodeAt(at) !== value.charCodeAt(0)) return askWink();
    spaces[i] = at === from ? '' : text.slice(from, at);
    at += value.length;
  }
  return spaces;
}
