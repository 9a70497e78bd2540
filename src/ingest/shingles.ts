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

/** Hashes kept in a shingle sketch: the lowest of the text's shingle hashes (Broder's bottom-k sketch). */
const SKETCH_SIZE = 64;

/** FNV-1a, 32 bits: a fixed hash, so a sketch stored today compares with one made tomorrow. */
function hashShingle(shingle: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < shingle.length; i += 1) {
    h ^= shingle.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The sketch of a text: the lowest SKETCH_SIZE distinct hashes of its shingles, ascending (all of them for a short text). */
export function sketchShingles(text: string): number[] {
  const hashes = new Set<number>();
  for (const shingle of shingleSet(text)) hashes.add(hashShingle(shingle));
  return [...hashes].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/**
 * Can two texts with these sketches share at least nearDuplicateShare of
 * their shingles? False only when they share fewer than half the hashes of
 * the smaller sketch. A shingle among the lowest SKETCH_SIZE hashes of both
 * texts together that both texts hold is in both sketches; at a share of 0.9
 * about 58 of those 64 are held by both (a random draw of 64 from the union),
 * and fewer than 32 is a chance under 1e-12. With fewer shingles than that,
 * the sketches are the whole sets and shared hashes count shared shingles:
 * 90 % of the union is more than half of either.
 */
export function mayBeNearDuplicates(a: number[], b: number[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i] < b[j]) i += 1;
    else j += 1;
  }
  return shared * 2 >= Math.min(a.length, b.length);
}

/** The share of shingles from which an import is asked whether it is a new version of an existing article. */
export const nearDuplicateShare = 0.9;
