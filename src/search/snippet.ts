/**
 * search/snippet: a short stretch of a found text around its first match,
 * matches marked with \u0002…\u0003 (as FTS5's snippet() marks them). Pure.
 *
 * FTS5's snippet() scores every window of the whole document: on a 4.7 MB
 * article with a common word it took over a minute, and a 200 kB token came
 * back whole (issue 16). Here the work and the answer are bounded: only the
 * first SCAN_CHARS characters are searched, the stretch is at most
 * `before + after` characters plus the matched word (itself cut to
 * MAX_WORD_CHARS), and a stretch that starts or ends inside the text says so
 * with an ellipsis.
 */

/** How far into a text a match is looked for (the caller need not read more). */
export const SCAN_CHARS = 100_000;

/** Longest matched word kept whole; a longer one is cut with an ellipsis. */
const MAX_WORD_CHARS = 60;

const MARK_OPEN = '\u0002';
const MARK_CLOSE = '\u0003';

/** Options of a snippet: characters kept before and after the first match. */
export interface SnippetOptions {
  before?: number;
  after?: number;
}

/**
 * The start of a word that FTS5's Porter stemmer would match: a query word
 * loses up to three letters of ending (withdrawal → withdra, occupiers →
 * occupi), never below three letters.
 */
function stemPrefix(word: string): string {
  const cut = word.length > 5 ? Math.min(3, word.length - 4) : word.length > 3 ? 1 : 0;
  return word.slice(0, word.length - cut);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern that finds any of the words (and their other endings) at the start of a word. */
function wordPattern(words: string[]): RegExp | undefined {
  const prefixes = [...new Set(words.filter((w) => w.length > 0).map((w) => stemPrefix(w.toLowerCase())))];
  if (prefixes.length === 0) return undefined;
  // longest first, so a longer word wins over its own prefix; \p{L}\p{N}* takes the rest of the word
  prefixes.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${prefixes.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`, 'giu');
}

/** Cut a matched word longer than the bound. */
const boundWord = (w: string): string => (w.length > MAX_WORD_CHARS ? `${w.slice(0, MAX_WORD_CHARS)}…` : w);

/** Move a cut to the nearest space within a few characters, so words are not split when avoidable. */
function atSpace(text: string, at: number, direction: 1 | -1, limit: number): number {
  for (let i = 0; i < 16; i += 1) {
    const p = at + direction * i;
    if (p <= 0 || p >= text.length) return Math.max(0, Math.min(text.length, p));
    if (/\s/.test(text[p]) && (direction === 1 ? p <= limit : p >= limit)) return p;
  }
  return at;
}

/**
 * A bounded snippet of `text` around the first match of any of `words`,
 * every match in it marked; the start of the text when nothing matches in
 * the first SCAN_CHARS characters.
 */
export function buildSnippet(text: string, words: string[], options: SnippetOptions = {}): string {
  const before = options.before ?? 60;
  const after = options.after ?? 140;
  const scanned = text.slice(0, SCAN_CHARS).replace(/[\u0002\u0003]/g, ' ');
  const pattern = wordPattern(words);
  const first = pattern ? pattern.exec(scanned) : null;
  const hit = first ? first.index : 0;
  const hitEnd = first ? first.index + first[0].length : 0;
  let start = Math.max(0, hit - before);
  if (start > 0) start = atSpace(scanned, start, 1, hit);
  let end = Math.min(scanned.length, first ? Math.min(hitEnd, hit + MAX_WORD_CHARS) + after : before + after);
  if (end < scanned.length) end = atSpace(scanned, end, -1, hitEnd);
  const stretch = scanned.slice(start, end);
  let out = '';
  let last = 0;
  if (pattern) {
    pattern.lastIndex = 0;
    for (const m of stretch.matchAll(pattern)) {
      out += stretch.slice(last, m.index) + MARK_OPEN + boundWord(m[0]) + MARK_CLOSE;
      last = m.index + m[0].length;
    }
  }
  out += stretch.slice(last);
  // an unmatched long token inside the stretch is already cut by the stretch's bounds
  return `${start > 0 ? '…' : ''}${out.replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}
