/**
 * pairing: how two content words of two quotes correspond — the same lemma, a
 * shared stem, or a soft match through word vectors ("pledges" ~ "promises");
 * names, numbers and dates only match exactly.
 */
import { computeCosine } from '../vectors/table.js';
import type { ContentWord } from './features.js';

/** Similarity of two words with a shared stem. */
export const STEM_SIMILARITY = 0.85;
/** Cosine below which two word vectors are unrelated. */
const COSINE_FLOOR = 0.35;
/** A soft match counts at most this much of an exact one. */
const SOFT_CAP = 0.9;

/** Do two words share a stem ("defend"/"defense", "Iraq"/"Iraqi", "occupy"/"occupier")? */
function shareStem(a: string, b: string): boolean {
  // cheap rejection first: this runs for every word pair of every candidate
  if (a.length < 4 || b.length < 4 || a.charCodeAt(0) !== b.charCodeAt(0) || a.charCodeAt(3) !== b.charCodeAt(3))
    return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.startsWith(s) && l.length - s.length <= 3) return true;
  let p = 0;
  while (p < s.length && s[p] === l[p]) p += 1;
  return p >= 5 && p >= 0.75 * s.length;
}

/**
 * Is one word negated where the other is not? Only the first content word
 * after a cue counts as negated, and it contradicts only a partner outside any
 * negation, so "cannot withstand" and "will not be able to withstand" agree.
 */
export function contradicts(a: ContentWord, b: ContentWord): boolean {
  return (a.negated && !b.inNegation) || (b.negated && !a.inNegation);
}

/** Is the word a number, date or quantity (they only match exactly, and weigh nothing alone)? */
export const isValue = (w: ContentWord): boolean => w.kind === 'number' || w.kind === 'date' || w.kind === 'quantity';

/**
 * Similarity of two content words, 0..1. A negation on one side only does not
 * lower it: whether the claim was negated is an alteration, judged apart
 * (alterations.ts), so "will withdraw" still corresponds to "will not withdraw".
 */
export function relateWords(a: ContentWord, b: ContentWord): number {
  if (a.key === b.key || a.lower === b.lower) return 1;
  if (a.kind !== b.kind && (a.kind === 'modal' || b.kind === 'modal')) return 0;
  if (isValue(a) || isValue(b)) return 0;
  if (shareStem(a.key, b.key)) return STEM_SIMILARITY;
  if (a.kind === 'word' && b.kind === 'word' && a.vector && b.vector) {
    const c = computeCosine(a.vector, b.vector);
    return Math.max(0, Math.min(1, (c - COSINE_FLOOR) / (1 - COSINE_FLOOR - 0.1))) * SOFT_CAP;
  }
  return 0;
}

/** The harmonic mean of a recall and a precision (F1), 0 when both are 0: the one way pairing combines the two. */
export function harmonicMean(recall: number, precision: number): number {
  return recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
}
