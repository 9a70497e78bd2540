/** ingest: text normalization shared by every format. */

// Spaces other than U+0020 that text pasted from web pages carries: tab, NBSP,
// Ogham space, en/em/thin/hair spaces, narrow NBSP, medium math space, ideographic space.
const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]+/g;
// Invisible characters that only break word matching: zero-width space, word
// joiner, BOM, soft hyphen, direction marks, other C0/C1 controls.
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\x00-\x08\x0e-\x1f\x7f-\x9f]/g;
// A surrogate half without its other half (JSON allows "\ud800") is no
// character: SQLite stores it as U+FFFD, so the stored text would differ from
// the analysed one; it becomes U+FFFD here, before anything reads it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SURROGATE = /[\ud800-\udfff]/;
// ZWNJ/ZWJ are part of the spelling between letters of some scripts (Persian
// "زبان‌های", Indic conjuncts, emoji sequences); elsewhere they are noise.
const JOINER = /[\u200c\u200d]/;
const JOINER_NOISE =
  /(?<![\p{L}\p{M}\p{Extended_Pictographic}])[\u200c\u200d]|[\u200c\u200d](?![\p{L}\p{M}\p{Extended_Pictographic}])|(?<=\p{Script=Latin})[\u200c\u200d]|[\u200c\u200d](?=\p{Script=Latin})/gu;

/**
 * Normalize text: lone surrogates replaced, Unicode NFC, \n line endings, zero-width characters removed,
 * runs of spaces (NBSP, thin spaces, tabs, ...) collapsed to one space, lines
 * trimmed, paragraphs separated by exactly one blank line. Lines inside a
 * paragraph keep their single \n.
 */
export function normalizeText(raw: string): string {
  // the two patterns with look-arounds are run only on texts holding what they replace
  const whole = SURROGATE.test(raw) ? raw.replace(LONE_SURROGATE, '\ufffd') : raw;
  const cleaned = whole
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085\v\f]/g, '\n')
    .replace(INVISIBLE, '');
  const text = (JOINER.test(cleaned) ? cleaned.replace(JOINER_NOISE, '') : cleaned).replace(SPACES, ' ');
  const paragraphs = text
    .split(/\n[ \n]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter((p) => p.length > 0);
  return joinBrokenParagraphs(paragraphs).join('\n\n');
}

/**
 * A blank line inside a sentence (copied text often breaks at a page or
 * column end: "a real force that cannot" / "be ignored.") is not a paragraph
 * break: when a paragraph ends on a lower-case word with no closing
 * punctuation and the next begins with a lower-case letter, and both read as
 * prose, they are one.
 */
function joinBrokenParagraphs(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    // both sides must read as prose (several words), so site furniture such as
    // a lone web address followed by an e-mail address stays apart
    const prose = (t: string) => t.split(' ').length >= 4;
    if (prev !== undefined && /\p{Ll}$/u.test(prev) && /^\p{Ll}/u.test(p) && prose(prev) && prose(p))
      out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out;
}

/** Count words (runs of letters/digits, with inner apostrophes, hyphens, points and commas). */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu) ?? []).length;
}
