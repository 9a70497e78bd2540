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
import type { QuoteFeatures } from './features.js';
import { alignQuotes, type QuoteAlignment } from './score.js';
import type { SpeakerMatch } from '../speakers/index.js';
import { harmonicMean } from './word-match.js';

/** Names of the features, in the order of the vector (the weights file lists them too). */
export const FEATURE_NAMES: string[] = [
  'soft-f1',
  'soft-recall',
  'soft-precision',
  'lexical-f1',
  'evidence',
  'words-only-names',
  'unigram-recall',
  'unigram-precision',
  'bigram-f1',
  'trigram-f1',
  'lemma-min-coverage',
  'lemma-max-coverage',
  'length-ratio',
  'window-share',
  'quote-cosine',
  'names-unmatched',
  'values-unmatched',
  'surface-verbatim',
  'surface-near-verbatim',
  'surface-trimmed',
  'same-speaker',
  'different-speakers',
  'unmatched-short',
  'unmatched-long',
  'length-difference',
  'in-order-share',
  'word-edit-ratio',
  'precision-whole',
  'word-jaccard',
  'bigram-recall',
  'bigram-precision',
  'aligned-score',
  'same-speaker-aligned',
  'same-speaker-recall',
];

/** Matched weight at which a quote is long enough to trust its F1 fully. */
const EVIDENCE_HALF = 1.5;

/** n-grams of a word list as joined strings. */
function ngrams(words: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i += 1) {
    const g = n === 1 ? words[i] : words.slice(i, i + n).join(' ');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Clipped n-gram overlap: matches over the first's and the second's counts. */
function overlap(x: Map<string, number>, y: Map<string, number>): { recall: number; precision: number } {
  let common = 0;
  let nx = 0;
  let ny = 0;
  for (const c of x.values()) nx += c;
  for (const c of y.values()) ny += c;
  for (const [g, c] of x) common += Math.min(c, y.get(g) ?? 0);
  return { recall: nx ? common / nx : 0, precision: ny ? common / ny : 0 };
}

/** Jaccard overlap of two word sets. */
function jaccard(x: string[], y: string[]): number {
  const a = new Set(x);
  const b = new Set(y);
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
  const [short, long] = al.swap ? [b, a] : [a, b];
  const uni = overlap(ngrams(short.words, 1), ngrams(long.words, 1));
  const bi = overlap(ngrams(short.words, 2), ngrams(long.words, 2));
  const tri = overlap(ngrams(short.words, 3), ngrams(long.words, 3));
  const lemmas = (f: QuoteFeatures) =>
    new Set(f.content.filter((w) => w.weight > 0 && w.kind === 'word').map((w) => w.key));
  const la = lemmas(a);
  const lb = lemmas(b);
  const ca = coverage(la, lb);
  const cb = coverage(lb, la);
  const altered = new Set(alterations.flatMap((x) => [x.earlier, x.later]));
  const names = (f: QuoteFeatures) =>
    new Set(f.content.filter((w) => w.kind === 'name' && !altered.has(w.text)).map((w) => w.key));
  const na = names(a);
  const nb = names(b);
  const namesUnmatched =
    na.size + nb.size
      ? ([...na].filter((k) => !nb.has(k)).length + [...nb].filter((k) => !na.has(k)).length) / (na.size + nb.size)
      : 0;
  const values = (f: QuoteFeatures) =>
    new Set(
      f.content.filter((w) => (w.kind === 'number' || w.kind === 'date') && !altered.has(w.text)).map((w) => w.key),
    );
  const va = values(a);
  const vb = values(b);
  const valuesUnmatched =
    va.size + vb.size
      ? ([...va].filter((k) => !vb.has(k)).length + [...vb].filter((k) => !va.has(k)).length) / (va.size + vb.size)
      : 0;
  const nl = al.L.length;
  const aligned = scoreAlignment(al);
  return [
    al.f1,
    al.recall,
    al.precision,
    al.lexicalF1,
    al.matched / (al.matched + EVIDENCE_HALF),
    al.wordShare < 0.15 ? 1 : 0,
    uni.recall,
    uni.precision,
    harmonicMean(bi.recall, bi.precision),
    harmonicMean(tri.recall, tri.precision),
    Math.min(ca, cb),
    Math.max(ca, cb),
    long.words.length ? short.words.length / long.words.length : 0,
    nl ? (al.best.end - al.best.start) / nl : 0,
    a.vector && b.vector ? Math.max(0, computeCosine(a.vector, b.vector)) : 0,
    namesUnmatched,
    valuesUnmatched,
    al.surface === 'verbatim' ? 1 : 0,
    al.surface === 'near-verbatim' ? 1 : 0,
    al.surface === 'trimmed' ? 1 : 0,
    speakers === 'same' ? 1 : 0,
    speakers === 'different' ? 1 : 0,
    // what one side says that the other does not, in weight of content words (a detail added or dropped)
    Math.min(1, (al.sWeight - al.best.matched) / 10),
    Math.min(1, (al.windowWeight - al.best.covered) / 10),
    Math.min(1, Math.abs(a.words.length - b.words.length) / 20),
    // word order, as in TER (Snover et al. 2006): shared words in the same order, and edits per word
    ...orderFigures(short.words, long.words),
    al.L.reduce((t, w) => t + w.weight, 0) ? al.best.covered / al.L.reduce((t, w) => t + w.weight, 0) : 0,
    jaccard(short.words, long.words),
    bi.recall,
    bi.precision,
    aligned,
    // a speaker's own words retold: how well the retelling covers the stretch it retells counts more
    speakers === 'same' ? aligned : 0,
    speakers === 'same' ? al.recall : 0,
  ];
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
  // one quote's words inside the other's: a verbatim, near-verbatim or trimmed version, whatever its content words
  const wx = ` ${x.words.join(' ')} `;
  const wy = ` ${y.words.join(' ')} `;
  if (wx.includes(wy) || wy.includes(wx)) return true;
  const keys = new Set<string>();
  for (const w of x.content) if (w.weight > 0) keys.add(w.key.slice(0, 4));
  for (const w of y.content) if (w.weight > 0 && keys.has(w.key.slice(0, 4))) return true;
  if (!x.vector || !y.vector) return false;
  let dot = 0;
  for (let d = 0; d < x.vector.length; d += 1) dot += x.vector[d] * y.vector[d];
  return dot >= UNRELATED_COSINE;
}

/** Align and measure two quotes: the features the model sees, or null when the cheap bound rules them out. */
export function measureQuotes(
  x: QuoteFeatures,
  y: QuoteFeatures,
  speakers: SpeakerMatch,
): { alignment: QuoteAlignment; alterations: Alteration[]; features: number[] } | null {
  if (!mayPair(x, y)) return null;
  const alignment = alignQuotes(x, y);
  const alterations = findAlterations(alignment);
  return { alignment, alterations, features: measurePair(x, y, alignment, alterations, speakers) };
}
