/**
 * pairing: the relation two quotes show in their words alone — the same words
 * (verbatim), a word or two changed (near-verbatim), or one a contiguous part
 * of the other (trimmed).
 */
import { diffArrays } from 'diff';
import type { QuoteFeatures } from './features.js';
import { profileQuote } from './quote-profile.js';

export type SurfaceRelation = 'verbatim' | 'near-verbatim' | 'trimmed';

const NEGATION_WORDS = new Set([
  'not',
  "n't",
  'no',
  'never',
  'cannot',
  "can't",
  "won't",
  "don't",
  "doesn't",
  "didn't",
  'nothing',
  'none',
  'nobody',
  'neither',
  'nor',
  'without',
]);

/** Normalize a text for the verbatim test: typographic quotes, dashes, spaces, edge punctuation. */
function normalizeVerbatim(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'.,;:…-]+|[\s"'.,;:…-]+$/g, '');
}

const verbatimTexts = new WeakMap<QuoteFeatures, string>();

/** A quote's text normalized for the verbatim test, once per quote (it meets many candidates). */
function verbatimOf(f: QuoteFeatures): string {
  let text = verbatimTexts.get(f);
  if (text === undefined) {
    text = normalizeVerbatim(f.text);
    verbatimTexts.set(f, text);
  }
  return text;
}

/** Words one quote has more often than the other, counted on both sides: a word diff changes at least as many. */
function countUnshared(a: QuoteFeatures, b: QuoteFeatures): number {
  const x = profileQuote(a).ngrams[0];
  const y = profileQuote(b).ngrams[0];
  let common = 0;
  for (const [w, c] of x.counts) common += Math.min(c, y.counts.get(w) ?? 0);
  return x.total + y.total - 2 * common;
}

/** Is `needle` a contiguous run of `hay`? */
function containsRun(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The surface relation when the words themselves show it, else null. Two texts without words relate in no way. */
export function detectSurfaceRelation(a: QuoteFeatures, b: QuoteFeatures): SurfaceRelation | null {
  const wa = a.words;
  const wb = b.words;
  if (!wa.length || !wb.length) return null;
  if (verbatimOf(a) === verbatimOf(b)) return 'verbatim';
  if (wa.length === wb.length && wa.every((w, i) => w === wb[i])) return 'near-verbatim';
  const [short, long, shortF] = wa.length <= wb.length ? [wa, wb, a] : [wb, wa, b];
  if (short.length >= 3 && shortF.content.length >= 2 && containsRun(long, short)) return 'trimmed';
  // every word one side has more often than the other is a changed word: most pairs differ in more than three
  if (short.length >= 4 && Math.abs(wa.length - wb.length) <= 2 && countUnshared(a, b) <= 3) {
    let changed = 0;
    let negationChanged = false;
    for (const part of diffArrays(wa, wb)) {
      if (!part.added && !part.removed) continue;
      changed += part.count ?? part.value.length;
      // "will sign" / "will not sign" differ by one word and say the opposite
      if (part.value.some((w) => NEGATION_WORDS.has(w))) negationChanged = true;
    }
    // "a word or two": two changed words count as one substitution plus one edit
    if (changed <= 3 && !negationChanged) return 'near-verbatim';
  }
  return null;
}
