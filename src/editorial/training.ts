/**
 * Fitting the editorial model from labelled sentences (MBIC: the words
 * annotators marked as inducing bias, and a Biased / Non-biased sentence
 * label). Pure: sentences in, weights out; the training script and the
 * evaluation read the data and call these. The features are the app's own
 * (features.ts), computed through the same detectors.
 */
import type { QuoteSpan } from '../quotes/quote.js';
import { analyzeText, type Analysis } from '../nlp/index.js';
import { extractQuotes } from '../quotes/index.js';
import type { WordVectors } from '../vectors/table.js';
import { buildContext, collectCandidates, type Candidate } from './candidates.js';
import type { DetectContext } from './context.js';
import { extractWordFeatures, flattenWordRow, type FeatureRow, type WordRow } from './features.js';
import { extractSentenceFeatures } from './sentence-features.js';
import {
  fitLogistic,
  predictLogistic,
  predictWordRow,
  shuffleInPlace,
  createRandom,
  type FitOptions,
} from './logistic.js';
import type { EditorialModel } from './model.js';

/** One labelled sentence. */
export interface LabelledSentence {
  text: string;
  /** the words annotators marked (any case) */
  marked: string[];
  label: 'Biased' | 'Non-biased' | 'No agreement';
}

/** A word of a sentence as the evaluation counts it. */
export interface CountedWord {
  start: number;
  end: number;
  lower: string;
}

/**
 * The words of a sentence as the evaluation counts them: runs of letters and
 * digits, with inner hyphens and apostrophes ("quasi-militarized", "don't").
 */
export function splitWords(text: string): CountedWord[] {
  const out: CountedWord[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu))
    out.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
  return out;
}

/** A sentence with everything the fit reads, computed once. */
export interface PreparedSentence {
  source: LabelledSentence;
  analysis: Analysis;
  quotes: QuoteSpan[];
  ctx: DetectContext;
  candidates: Candidate[];
  rows: WordRow[];
  /** per row: 1 when the counted word holding the token was marked */
  labels: number[];
  words: CountedWord[];
  /** per counted word: marked or not */
  gold: boolean[];
  /** per counted word: covered by a rule-based candidate */
  ruled: boolean[];
  /** per counted word: the rows inside it */
  wordRows: number[][];
  /** 1 Biased, 0 Non-biased, null No agreement */
  sentenceLabel: number | null;
}

/** Analyse a labelled sentence and compute its features. */
export function prepareSentence(source: LabelledSentence, vectors: WordVectors | undefined): PreparedSentence {
  const analysis = analyzeText(source.text);
  const quotes = extractQuotes(source.text, analysis).map((q) => ({ start: q.start, end: q.end, kind: q.kind }));
  const ctx = buildContext(source.text, quotes, analysis);
  const candidates = collectCandidates(ctx);
  const rows = extractWordFeatures(ctx, candidates, vectors);
  const marked = new Set(source.marked.map((w) => w.toLowerCase().trim()));
  const words = splitWords(source.text);
  const gold = words.map((w) => marked.has(w.lower));
  const ruled = words.map((w) => candidates.some((c) => c.start < w.end && w.start < c.end));
  const wordRows: number[][] = words.map(() => []);
  const labels = rows.map((r, k) => {
    const t = analysis.tokens[r.token];
    let label = 0;
    words.forEach((w, j) => {
      if (w.start < t.end && t.start < w.end) {
        wordRows[j].push(k);
        if (gold[j]) label = 1;
      }
    });
    return label;
  });
  const sentenceLabel = source.label === 'Biased' ? 1 : source.label === 'Non-biased' ? 0 : null;
  return { source, analysis, quotes, ctx, candidates, rows, labels, words, gold, ruled, wordRows, sentenceLabel };
}

const WORD_FIT: Omit<FitOptions, 'seed' | 'dimensions'> = { epochs: 6, l2: 1e-4, rate: 0.05, positiveWeight: 1 };
const SENTENCE_FIT: Omit<FitOptions, 'seed' | 'dimensions'> = { epochs: 20, l2: 1e-3, rate: 0.05, positiveWeight: 1 };

/** Counts of a binary decision. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** F1 of counts (0 when nothing was predicted or expected). */
export function computeF1(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Macro F1 of two classes from (predicted, expected) 0/1 pairs. */
export function computeMacroF1(pairs: readonly [number, number][]): number {
  let f = 0;
  for (const cls of [0, 1]) {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const [p, y] of pairs) {
      if (p === cls && y === cls) c.tp += 1;
      else if (p === cls) c.fp += 1;
      else if (y === cls) c.fn += 1;
    }
    f += computeF1(c).f1;
  }
  return f / 2;
}

// The threshold that maximizes the combined word F1: a word counts as flagged
// when a rule covers it or its most likely token reaches the threshold.
function pickWordThreshold(prepared: readonly PreparedSentence[], probs: readonly Float64Array[]): number {
  let best = { t: 0.5, f1: -1 };
  for (let t = 0.1; t <= 0.8; t += 0.01) {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    prepared.forEach((p, i) => {
      p.words.forEach((_, j) => {
        const flagged = p.ruled[j] || p.wordRows[j].some((k) => probs[i][k] >= t);
        if (flagged && p.gold[j]) c.tp += 1;
        else if (flagged) c.fp += 1;
        else if (p.gold[j]) c.fn += 1;
      });
    });
    const { f1 } = computeF1(c);
    if (f1 > best.f1) best = { t: Math.round(t * 100) / 100, f1 };
  }
  return best.t;
}

function pickSentenceThreshold(scores: readonly number[], labels: readonly number[]): number {
  let best = { t: 0.5, f1: -1 };
  for (let t = 0.2; t <= 0.9; t += 0.01) {
    const f1 = computeMacroF1(scores.map((s, i) => [s >= t ? 1 : 0, labels[i]]));
    if (f1 > best.f1) best = { t: Math.round(t * 100) / 100, f1 };
  }
  return best.t;
}

/** Split 0 … n-1 into k folds, seeded. */
export function makeFolds(n: number, k: number, seed: number): number[][] {
  const order = shuffleInPlace(
    Array.from({ length: n }, (_, i) => i),
    createRandom(seed),
  );
  const folds: number[][] = Array.from({ length: k }, () => []);
  order.forEach((i, j) => folds[j % k].push(i));
  return folds;
}

function fitWords(prepared: readonly PreparedSentence[], seed: number, dimensions: number) {
  const rows: FeatureRow[] = [];
  const labels: number[] = [];
  for (const p of prepared) {
    rows.push(...p.rows.map(flattenWordRow));
    labels.push(...p.labels);
  }
  return fitLogistic(rows, labels, { ...WORD_FIT, seed, dimensions });
}

/**
 * Fit the word and sentence scorers. The word threshold and the sentence
 * scorer are fitted on out-of-fold word scores (an inner `inner`-fold split),
 * so they see word scores as they are on unseen sentences.
 */
export function fitEditorialModel(
  prepared: readonly PreparedSentence[],
  seed: number,
  vectors: WordVectors | undefined,
  inner = 3,
): Pick<EditorialModel, 'word' | 'sentence'> {
  const dimensions = vectors?.dimensions ?? 0;
  const oof: Float64Array[] = prepared.map((p) => new Float64Array(p.rows.length));
  makeFolds(prepared.length, inner, seed + 1).forEach((fold, f) => {
    const held = new Set(fold);
    const scorer = fitWords(
      prepared.filter((_, i) => !held.has(i)),
      seed + 10 + f,
      dimensions,
    );
    for (const i of fold) prepared[i].rows.forEach((r, k) => (oof[i][k] = predictWordRow(scorer, r)));
  });
  const wordThreshold = pickWordThreshold(prepared, oof);
  const sentenceRows: FeatureRow[] = [];
  const sentenceLabels: number[] = [];
  prepared.forEach((p, i) => {
    if (p.sentenceLabel === null) return;
    // MBIC items are single sentences; wink may split one in two, so the item's row is its most biased-looking part
    const rows = extractSentenceFeatures(p.ctx, p.candidates, p.rows, oof[i]);
    sentenceRows.push(mergeSentenceRows(rows));
    sentenceLabels.push(p.sentenceLabel);
  });
  const sentence = fitLogistic(sentenceRows, sentenceLabels, { ...SENTENCE_FIT, seed: seed + 2, dimensions }, 1);
  const sentenceThreshold = pickSentenceThreshold(
    sentenceRows.map((r) => predictLogistic(sentence, r)),
    sentenceLabels,
  );
  const word = fitWords(prepared, seed, dimensions);
  return { word: { ...word, threshold: wordThreshold }, sentence: { ...sentence, threshold: sentenceThreshold } };
}

/** One row for a labelled item that wink read as several sentences: the longest one. */
export function mergeSentenceRows(rows: FeatureRow[]): FeatureRow {
  if (rows.length === 1) return rows[0];
  const words = (r: FeatureRow) => r.values[r.keys.indexOf('words')] ?? 0;
  return rows.reduce((a, b) => (words(b) > words(a) ? b : a));
}
