/**
 * pairing: the features of two quotes that the learned decision combines
 * (model.ts). Each is a plain figure between 0 and 1 (or an indicator), from
 * the alignment and from surface overlaps in the manner of MT metrics used for
 * paraphrase detection (Madnani et al. 2012: n-gram precision and recall).
 * Alterations are left out on purpose: whether two quotes are the same
 * statement must not depend on whether a figure was changed (alterations.ts).
 */
import { computeCosine } from '../vectors/table.js';
import { findAlterations, type Alteration } from './alterations.js';
import type { ContentWord, QuoteFeatures } from './features.js';
import { EVIDENCE_HALF, FEATURE_NAMES } from './feature-names.js';
import type { PairingWeights } from './model.js';
import { describeForBound, limitByWindow, mayReachThreshold } from './pair-bound.js';
import { isSwapped, profileQuote, type NgramCounts } from './quote-profile.js';
import { alignQuotes, relateAll, type QuoteAlignment } from './score.js';
import type { SpeakerMatch } from '../speakers/index.js';
import { detectSurfaceRelation, type SurfaceRelation } from './surface.js';
import { findBestWindow, limitRecallPrecision, type WindowMatch } from './window-search.js';
import { harmonicMean } from './word-match.js';

export { FEATURE_NAMES } from './feature-names.js';

/** Index of each feature in the vector, by name. */
const INDEX = new Map(FEATURE_NAMES.map((name, k) => [name, k]));
const at = (name: string): number => INDEX.get(name)!;

/** Clipped n-gram overlap: matches over the first's and the second's counts. */
function overlap(x: NgramCounts, y: NgramCounts): { recall: number; precision: number } {
  let common = 0;
  for (const [g, c] of x.counts) common += Math.min(c, y.counts.get(g) ?? 0);
  return { recall: x.total ? common / x.total : 0, precision: y.total ? common / y.total : 0 };
}

/** Jaccard overlap of two word sets. */
function jaccard(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common += 1;
  return a.size + b.size - common ? common / (a.size + b.size - common) : 0;
}

/**
 * Length of the longest common subsequence of two word lists: the words a
 * minimal word diff keeps (what jsdiff's diffArrays would keep), counted by
 * the textbook dynamic programme in two rows. Only the count is needed here,
 * for every candidate, and for two unrelated sentences Myers' diff does its
 * worst-case work (issue 14: pairing was most of import time).
 */
function countCommonSubsequence(x: string[], y: string[]): number {
  if (!x.length || !y.length) return 0;
  let prev = new Uint16Array(y.length + 1);
  let row = new Uint16Array(y.length + 1);
  for (let i = 1; i <= x.length; i += 1) {
    const w = x[i - 1];
    for (let j = 1; j <= y.length; j += 1)
      row[j] = w === y[j - 1] ? prev[j - 1] + 1 : row[j - 1] > prev[j] ? row[j - 1] : prev[j];
    [prev, row] = [row, prev];
  }
  return prev[y.length];
}

/** Share of the shorter's words kept in order by the longer, and word edits per word of both. */
function orderFigures(short: string[], long: string[]): [number, number] {
  const kept = countCommonSubsequence(short, long);
  const edits = short.length + long.length - 2 * kept;
  return [short.length ? kept / short.length : 0, long.length ? Math.min(1, edits / (short.length + long.length)) : 1];
}

/**
 * The alignment's own score: window F1 times the evidence (short quotes give
 * little), halved when only names correspond, raised to a floor by a surface
 * relation — the hand-set score pairing used before it was learned, kept as
 * one feature among the others.
 */
function scoreAlignment(al: QuoteAlignment): number {
  let score = al.f1 * (al.matched / (al.matched + EVIDENCE_HALF));
  if (al.wordShare < 0.15 && !al.surface) score *= 0.5;
  if (al.surface === 'verbatim') return 1;
  if (al.surface === 'near-verbatim') return Math.max(score, 0.95);
  if (al.surface === 'trimmed') return Math.max(score, 0.9);
  return score;
}

/** Share of a set's members found in another set. */
function coverage(x: Set<string>, y: Set<string>): number {
  if (!x.size) return 1;
  let n = 0;
  for (const k of x) if (y.has(k)) n += 1;
  return n / x.size;
}

/** Share of two key sets' members that the other set lacks (0 when both are empty). */
function shareUnmatched(x: Set<string>, y: Set<string>): number {
  if (!x.size && !y.size) return 0;
  let n = 0;
  for (const k of x) if (!y.has(k)) n += 1;
  for (const k of y) if (!x.has(k)) n += 1;
  return n / (x.size + y.size);
}

/** Keys of content words, leaving out those an alteration names. */
const keysOf = (words: ContentWord[], altered: Set<string>) =>
  new Set(words.filter((w) => !altered.has(w.text)).map((w) => w.key));

/**
 * The features that need no alignment — overlaps of words, n-grams and
 * lemmas, lengths, word order, quote vectors, speakers, the surface relation
 * — in a full-length vector whose alignment features are NaN until
 * completeFeatures fills them in. `swap` orders the two as the alignment does.
 */
export function measureSurface(
  a: QuoteFeatures,
  b: QuoteFeatures,
  swap: boolean,
  surface: SurfaceRelation | null,
  speakers: SpeakerMatch,
): number[] {
  const [short, long] = swap ? [b, a] : [a, b];
  const ps = profileQuote(short);
  const pl = profileQuote(long);
  const uni = overlap(ps.ngrams[0], pl.ngrams[0]);
  const bi = overlap(ps.ngrams[1], pl.ngrams[1]);
  const tri = overlap(ps.ngrams[2], pl.ngrams[2]);
  const la = profileQuote(a).lemmas;
  const lb = profileQuote(b).lemmas;
  const ca = coverage(la, lb);
  const cb = coverage(lb, la);
  const x = new Array<number>(FEATURE_NAMES.length).fill(NaN);
  x[at('unigram-recall')] = uni.recall;
  x[at('unigram-precision')] = uni.precision;
  x[at('bigram-f1')] = harmonicMean(bi.recall, bi.precision);
  x[at('trigram-f1')] = harmonicMean(tri.recall, tri.precision);
  x[at('lemma-min-coverage')] = Math.min(ca, cb);
  x[at('lemma-max-coverage')] = Math.max(ca, cb);
  x[at('length-ratio')] = long.words.length ? short.words.length / long.words.length : 0;
  x[at('quote-cosine')] = a.vector && b.vector ? Math.max(0, computeCosine(a.vector, b.vector)) : 0;
  x[at('surface-verbatim')] = surface === 'verbatim' ? 1 : 0;
  x[at('surface-near-verbatim')] = surface === 'near-verbatim' ? 1 : 0;
  x[at('surface-trimmed')] = surface === 'trimmed' ? 1 : 0;
  x[at('same-speaker')] = speakers === 'same' ? 1 : 0;
  x[at('different-speakers')] = speakers === 'different' ? 1 : 0;
  x[at('length-difference')] = Math.min(1, Math.abs(a.words.length - b.words.length) / 20);
  // word order, as in TER (Snover et al. 2006): shared words in the same order, and edits per word
  [x[at('in-order-share')], x[at('word-edit-ratio')]] = orderFigures(short.words, long.words);
  x[at('word-jaccard')] = jaccard(ps.wordSet, pl.wordSet);
  x[at('bigram-recall')] = bi.recall;
  x[at('bigram-precision')] = bi.precision;
  return x;
}

/** Fill in the alignment's features of a vector from measureSurface (a new vector; the given one is kept). */
export function completeFeatures(
  surfaceFeatures: number[],
  a: QuoteFeatures,
  b: QuoteFeatures,
  al: QuoteAlignment,
  alterations: Alteration[],
  speakers: SpeakerMatch,
): number[] {
  const x = [...surfaceFeatures];
  const altered = new Set(alterations.flatMap((v) => [v.earlier, v.later]));
  const nl = al.L.length;
  const aligned = scoreAlignment(al);
  const lWeight = al.L.reduce((t, w) => t + w.weight, 0);
  x[at('soft-f1')] = al.f1;
  x[at('soft-recall')] = al.recall;
  x[at('soft-precision')] = al.precision;
  x[at('lexical-f1')] = al.lexicalF1;
  x[at('evidence')] = al.matched / (al.matched + EVIDENCE_HALF);
  x[at('words-only-names')] = al.wordShare < 0.15 ? 1 : 0;
  x[at('window-share')] = nl ? (al.best.end - al.best.start) / nl : 0;
  x[at('names-unmatched')] = shareUnmatched(
    keysOf(profileQuote(a).names, altered),
    keysOf(profileQuote(b).names, altered),
  );
  x[at('values-unmatched')] = shareUnmatched(
    keysOf(profileQuote(a).values, altered),
    keysOf(profileQuote(b).values, altered),
  );
  // what one side says that the other does not, in weight of content words (a detail added or dropped)
  x[at('unmatched-short')] = Math.min(1, (al.sWeight - al.best.matched) / 10);
  x[at('unmatched-long')] = Math.min(1, (al.windowWeight - al.best.covered) / 10);
  x[at('precision-whole')] = lWeight ? al.best.covered / lWeight : 0;
  x[at('aligned-score')] = aligned;
  // a speaker's own words retold: how well the retelling covers the stretch it retells counts more
  x[at('same-speaker-aligned')] = speakers === 'same' ? aligned : 0;
  x[at('same-speaker-recall')] = speakers === 'same' ? al.recall : 0;
  return x;
}

/**
 * The feature vector of two quotes. Overlaps are measured from the shorter
 * quote's side (recall: how much of it the longer keeps), so a trimmed quote
 * and reported speech look like what they are.
 */
export function measurePair(
  a: QuoteFeatures,
  b: QuoteFeatures,
  al: QuoteAlignment,
  alterations: Alteration[],
  speakers: SpeakerMatch,
): number[] {
  return completeFeatures(measureSurface(a, b, al.swap, al.surface, speakers), a, b, al, alterations, speakers);
}

/** Cosine of the quote vectors under which two quotes sharing no content word cannot be the same statement. */
const UNRELATED_COSINE = 0.55;

/**
 * A cheap bound: quotes that share no content word, no stem-length prefix and
 * whose quote vectors point apart are not aligned at all — the window
 * alignment is the costly part of pairing and cannot matter there.
 */
export function mayPair(x: QuoteFeatures, y: QuoteFeatures): boolean {
  if (!x.words.length || !y.words.length) return false;
  const px = profileQuote(x);
  const py = profileQuote(y);
  // one quote's words inside the other's: a verbatim, near-verbatim or trimmed version, whatever its content words
  if (px.joined.includes(py.joined) || py.joined.includes(px.joined)) return true;
  for (const stem of py.stems) if (px.stems.has(stem)) return true;
  if (!x.vector || !y.vector) return false;
  let dot = 0;
  for (let d = 0; d < x.vector.length; d += 1) dot += x.vector[d] * y.vector[d];
  return dot >= UNRELATED_COSINE;
}

/** What measureQuotes found: the alignment, the alterations and the features the model sees. */
export interface PairMeasure {
  alignment: QuoteAlignment;
  alterations: Alteration[];
  features: number[];
}

/**
 * Align and measure two quotes: the features the model sees, or null when the
 * cheap bound rules them out. With `weights`, also null when no alignment
 * could make them a pair under those weights (pair-bound.ts): for pairing,
 * which needs only the pairs; the score of a pair that is not made is then
 * not known.
 */
export function measureQuotes(
  x: QuoteFeatures,
  y: QuoteFeatures,
  speakers: SpeakerMatch,
  weights?: PairingWeights,
): PairMeasure | null {
  if (!mayPair(x, y)) return null;
  const swap = isSwapped(x, y);
  const surface = detectSurfaceRelation(x, y);
  const surfaceFeatures = measureSurface(x, y, swap, surface, speakers);
  let sim: Float64Array[] | undefined;
  let best: WindowMatch | undefined;
  if (weights && !surface) {
    // first from the words' overlaps alone, then with what the word similarities allow
    const bound = describeForBound(x, y, swap, surfaceFeatures, speakers);
    if (!mayReachThreshold(bound, weights)) return null;
    const [S, L] = swap ? [y.content, x.content] : [x.content, y.content];
    sim = relateAll(S, L);
    const limits = limitRecallPrecision(S, L, sim, bound.sWeight, bound.support);
    const limited = { ...bound, recallAtMost: limits.recall, precisionAtMost: limits.precision };
    if (!mayReachThreshold(limited, weights)) return null;
    // last, with the best window: only the support of shared values is left unknown
    best = findBestWindow(S, L, sim, bound.sWeight, bound.support).best;
    if (!mayReachThreshold({ ...limited, ...limitByWindow(L, best, bound) }, weights)) return null;
  }
  const alignment = alignQuotes(x, y, surface, sim, best);
  const alterations = findAlterations(alignment);
  return {
    alignment,
    alterations,
    features: completeFeatures(surfaceFeatures, x, y, alignment, alterations, speakers),
  };
}
