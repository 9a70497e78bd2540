/**
 * The learnt part of editorial detection: a word scorer (how likely an
 * annotator marks this word as inducing bias) and a sentence scorer (how
 * likely a reader finds the sentence biased), both logistic regressions whose
 * weights are trained by scripts/train-editorial.ts and stored in
 * data/models/editorial.json. Pure: the weights and vectors are given.
 */
import type { WordVectors } from '../vectors/table.js';
import type { EditorialCategoryId } from './categories.js';
import type { Candidate } from './candidates.js';
import type { DetectContext } from './context.js';
import { extractWordFeatures, type WordRow } from './features.js';
import { extractSentenceFeatures } from './sentence-features.js';
import { listLexiconWords } from './lexicon.js';
import { predictLogistic, predictWordRows, type LogisticWeights } from './logistic.js';

/** A scorer with the decision threshold chosen by cross-validation. */
export interface ThresholdedWeights extends LogisticWeights {
  threshold: number;
}

/** The stored model: weights, thresholds, and where they came from. */
export interface EditorialModel {
  /** the training data's name */
  data: string;
  date: string;
  seed: number;
  /** cross-validated figures of the training run */
  cv: Record<string, number | string>;
  word: ThresholdedWeights;
  sentence: ThresholdedWeights;
  /**
   * The default confidence from which the model's own words are suggested,
   * chosen by the training script on the cross-validated figures (absent in
   * the models fitted inside a cross-validation)
   */
  suggestFrom?: number;
}

/** The lowest threshold a reviewer can choose: model words under it are not stored. */
export const MIN_EDITORIAL_THRESHOLD = 0.2;

/** What the model says about one text. */
export interface ModelScores {
  rows: WordRow[];
  /** per row, the probability that the word is marked */
  probs: Float64Array;
  /** per sentence of the analysis, the probability it reads as biased */
  bias: Float64Array;
}

/** Score every word and sentence of a text. */
export function applyModel(
  model: EditorialModel,
  ctx: DetectContext,
  candidates: readonly Candidate[],
  vectors: WordVectors | undefined,
): ModelScores {
  const rows = extractWordFeatures(ctx, candidates, vectors);
  const probs = new Float64Array(rows.length);
  predictWordRows(model.word, rows, probs);
  const sentenceRows = extractSentenceFeatures(ctx, candidates, rows, probs);
  const bias = new Float64Array(sentenceRows.length);
  for (let k = 0; k < sentenceRows.length; k += 1) bias[k] = predictLogistic(model.sentence, sentenceRows[k]);
  return { rows, probs, bias };
}

// Below this cosine to every lexicon word, a word is just loaded.
const CATEGORY_MIN_COSINE = 0.45;

/** The lexicon words' vectors, one row each, packed in one array (read row after row per search). */
interface LexiconMatrix {
  categories: EditorialCategoryId[];
  rows: Float32Array;
  dimensions: number;
}

const lexiconVectors = new WeakMap<WordVectors, LexiconMatrix>();

/**
 * The category of a word only the model found: that of the nearest word of
 * the word lexicons by word vector, or `loaded-term` when none is near.
 */
export function pickNearestCategory(
  vectors: WordVectors | undefined,
  vector: Float32Array | undefined,
): EditorialCategoryId {
  if (!vectors || !vector) return 'loaded-term';
  // the vector table hands out one array per word, so the answer is kept per array
  const known = nearestByVector.get(vector);
  if (known) return known;
  const found = searchNearestCategory(vectors, vector);
  nearestByVector.set(vector, found);
  return found;
}

const nearestByVector = new WeakMap<Float32Array, EditorialCategoryId>();

function searchNearestCategory(vectors: WordVectors, vector: Float32Array): EditorialCategoryId {
  const table = readLexiconMatrix(vectors, vector.length);
  const { rows, categories, dimensions } = table;
  let best: EditorialCategoryId = 'loaded-term';
  let bestCosine = CATEGORY_MIN_COSINE;
  if (dimensions !== vector.length) return best;
  for (let e = 0, base = 0; e < categories.length; e += 1, base += dimensions) {
    let cosine = 0;
    for (let d = 0; d < dimensions; d += 1) cosine += rows[base + d] * vector[d];
    if (cosine > bestCosine) {
      bestCosine = cosine;
      best = categories[e];
    }
  }
  return best;
}

function readLexiconMatrix(vectors: WordVectors, dimensions: number): LexiconMatrix {
  let table = lexiconVectors.get(vectors);
  if (table) return table;
  const found: { category: EditorialCategoryId; vector: Float32Array }[] = [];
  for (const { word, category } of listLexiconWords()) {
    const v = vectors.lookup(word);
    if (v && v.length === dimensions) found.push({ category, vector: v });
  }
  const rows = new Float32Array(found.length * dimensions);
  found.forEach((f, e) => rows.set(f.vector, e * dimensions));
  table = { categories: found.map((f) => f.category), rows, dimensions };
  lexiconVectors.set(vectors, table);
  return table;
}
