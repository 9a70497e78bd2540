/** ingest: furniture that repeats or labels something else on the page — repeated headlines, pull quotes, photo captions. */
import { countWordsUpTo, hasQuotation, isHeadlineLike, splitWords } from './lines.js';
import { type Line, sameText, remove, nextKept } from './furniture-lines.js';

/** Repeated headlines, a line repeated right after itself, and pull quotes that repeat a paragraph. */
export function markRepeats(lines: Line[], titleIndex: number): void {
  const title = titleIndex >= 0 ? lines[titleIndex].text : null;
  let previous: Line | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.removed) continue;
    if (title && i !== titleIndex && sameText(line.text, title)) remove(line, 'repeated headline');
    else if (previous && sameText(previous.text, line.text) && splitWords(line.text).length <= 30)
      remove(line, 'repeated line');
    if (!line.removed) previous = line;
  }
  // Pull quotes: a paragraph of 8+ words repeated, or cut short, elsewhere in
  // the article. Bucketed by the first 40 characters so long texts stay linear.
  const buckets = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (l.removed || countWordsUpTo(l.text, 8) < 8) return;
    const key = l.text.slice(0, 40).toLowerCase();
    buckets.set(key, [...(buckets.get(key) ?? []), i]);
  });
  for (const members of buckets.values()) {
    if (members.length < 2 || members.length > 20) continue;
    for (const a of members) {
      for (const b of members) {
        if (a === b || lines[a].removed || lines[b].removed) continue;
        const shorter =
          lines[a].text.length < lines[b].text.length || (lines[a].text.length === lines[b].text.length && a > b);
        const prefix = lines[b].text.startsWith(lines[a].text.replace(/[.…]+$/, ''));
        if (shorter && prefix) remove(lines[a], 'repeated paragraph (pull quote)');
      }
    }
  }
}

/** Photo captions: a caption headline, a caption cut short with "…", a credit line. */
export function markCaptions(lines: Line[], titleIndex: number): void {
  lines.forEach((line, i) => {
    if (line.removed) return;
    const truncated = /(?:…|\.\.\.)$/.test(line.text) && splitWords(line.text).length >= 6;
    const after = nextKept(lines, i, 1);
    const creditAfter = after?.removed === 'photo credit';
    // a caption is cut short or followed by a credit; other lines need no look at the line before
    if (!truncated && !creditAfter) return;
    const before = nextKept(lines, i, -1);
    const beforeIndex = before ? lines.indexOf(before) : -1;
    const headlineBefore =
      !!before &&
      !before.removed &&
      beforeIndex !== titleIndex &&
      isHeadlineLike(before.text) &&
      splitWords(before.text).length <= 16 &&
      !hasQuotation(before.text);
    const isCaption =
      (truncated && (creditAfter || headlineBefore)) || (creditAfter && headlineBefore && !hasQuotation(line.text));
    if (!isCaption) return;
    remove(line, 'photo caption');
    if (headlineBefore && before) remove(before, 'photo caption title');
  });
}
