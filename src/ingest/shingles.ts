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

/**
 * sharedShingles(mine, shingleSet(text)) when it can reach `atLeast`, else
 * null, reading no more of `text` than it takes to tell. The share is
 * s / (|mine| + m), where s counts shared shingles and m the text's shingles
 * not in `mine`; as s ≤ |mine|, once m passes |mine|·(1 − atLeast)/atLeast
 * the share is below `atLeast` whatever follows. An import is compared with
 * every stored article of about its length, nearly all of them different, so
 * most comparisons end within the first tenth of the stored text.
 */
export function shareIfAtLeast(mine: Set<string>, text: string, atLeast: number): number | null {
  // one shingle of slack over the bound, so rounding never drops a share that reaches it
  const maxMissing = (mine.size * (1 - atLeast)) / atLeast + 1;
  const lower = text.toLowerCase();
  const pattern = /[\p{L}\p{N}]+/gu;
  const shared = new Set<string>();
  const missing = new Set<string>();
  const window: string[] = [];
  let count = 0;
  for (let m = pattern.exec(lower); m !== null; m = pattern.exec(lower)) {
    count += 1;
    window.push(m[0]);
    if (window.length > shingleWords) window.shift();
    if (window.length < shingleWords) continue;
    const shingle = window.join(' ');
    if (mine.has(shingle)) shared.add(shingle);
    else if (missing.add(shingle).size > maxMissing) return null;
  }
  // a text of fewer words than a shingle is one shingle of them all (see shingleSet)
  if (count < shingleWords) return sharedShingles(mine, shingleSet(text));
  if (mine.size === 0 && shared.size + missing.size === 0) return 0;
  return shared.size / (mine.size + missing.size);
}

/** The share of shingles from which an import is asked whether it is a new version of an existing article. */
export const nearDuplicateShare = 0.9;
