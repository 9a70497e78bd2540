/**
 * ingest: how much two texts share, as word shingles (runs of three words),
 * to tell a re-published article with a sentence changed from a new one
 * (Broder 1997, "On the resemblance and containment of documents"). Pure.
 */

/** Words per shingle: three keeps one changed word from touching more than three shingles. */
const shingleWords = 3;

/** The set of word shingles of a text (case and punctuation folded). */
export function shingleSet(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const set = new Set<string>();
  if (words.length < shingleWords) {
    if (words.length) set.add(words.join(' '));
    return set;
  }
  for (let i = 0; i + shingleWords <= words.length; i += 1) set.add(words.slice(i, i + shingleWords).join(' '));
  return set;
}

/** The resemblance of two shingle sets: shared shingles over all shingles of either (0–1; 0 when both are empty). */
export function sharedShingles(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** The share of shingles from which an import is asked whether it is a new version of an existing article. */
export const nearDuplicateShare = 0.9;
