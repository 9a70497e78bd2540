/**
 * Logistic regression over sparse named features plus one dense vector:
 * the editorial model's word and sentence scorers. Fitting (AdaGrad with L2,
 * seeded shuffling) is here too, pure, so the training script and the
 * evaluation fit the very scorer the app applies.
 */
import { CONTEXT_FLAGS, type FeatureRow, type WordRow } from './features.js';

/** Weights of one logistic scorer: per feature name, and for the dense vector. */
export interface LogisticWeights {
  weights: Record<string, number>;
  vector: number[];
}

// A Map reads thousands of string keys faster than a plain object in dictionary mode.
const weightMaps = new WeakMap<LogisticWeights, Map<string, number>>();

function readWeights(model: LogisticWeights): Map<string, number> {
  let weights = weightMaps.get(model);
  if (!weights) {
    weights = new Map(Object.entries(model.weights));
    weightMaps.set(model, weights);
  }
  return weights;
}

function logitOf(model: LogisticWeights, row: FeatureRow): number {
  const weights = readWeights(model);
  let z = 0;
  for (let k = 0; k < row.keys.length; k += 1) z += (weights.get(row.keys[k]) ?? 0) * row.values[k];
  const v = row.vector;
  if (v && model.vector.length === v.length) for (let d = 0; d < v.length; d += 1) z += model.vector[d] * v[d];
  return z;
}

/** The probability a scorer gives one row. */
export function predictLogistic(model: LogisticWeights, row: FeatureRow): number {
  return 1 / (1 + Math.exp(-logitOf(model, row)));
}

/** Options of a fit. */
export interface FitOptions {
  seed: number;
  epochs: number;
  /** L2 penalty per update */
  l2: number;
  /** AdaGrad step size */
  rate: number;
  /** weight of positive examples (1 = as many as they are) */
  positiveWeight: number;
  /** dimensions of the dense vector (0 for none) */
  dimensions: number;
}

/** A seeded pseudo-random generator (mulberry32), so fits are reproducible. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffle in place with the given generator (Fisher–Yates). */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Fit a logistic scorer on rows and 0/1 labels. Rare names (seen in fewer
 * than `minCount` rows) get no weight, so a word met once cannot be learnt
 * by heart.
 */
export function fitLogistic(
  rows: readonly FeatureRow[],
  labels: readonly number[],
  options: FitOptions,
  minCount = 2,
): LogisticWeights {
  const counts = new Map<string, number>();
  for (const r of rows) for (const k of r.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [k, n] of counts) if (n >= minCount) index.set(k, index.size);
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  const dims = options.dimensions;
  const wv = new Float64Array(dims);
  const gv = new Float64Array(dims).fill(1e-8);
  const encoded = rows.map((r) => {
    const idx: number[] = [];
    const val: number[] = [];
    r.keys.forEach((k, j) => {
      const at = index.get(k);
      if (at !== undefined) {
        idx.push(at);
        val.push(r.values[j]);
      }
    });
    return { idx, val, vector: r.vector && r.vector.length === dims ? r.vector : undefined };
  });
  const order = rows.map((_, i) => i);
  const random = createRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const e = encoded[i];
      let z = 0;
      for (let j = 0; j < e.idx.length; j += 1) z += w[e.idx[j]] * e.val[j];
      if (e.vector) for (let d = 0; d < dims; d += 1) z += wv[d] * e.vector[d];
      const p = 1 / (1 + Math.exp(-z));
      const y = labels[i];
      const grad = (p - y) * (y === 1 ? options.positiveWeight : 1);
      for (let j = 0; j < e.idx.length; j += 1) {
        const at = e.idx[j];
        const g = grad * e.val[j] + options.l2 * w[at];
        g2[at] += g * g;
        w[at] -= (options.rate * g) / Math.sqrt(g2[at]);
      }
      if (e.vector) {
        for (let d = 0; d < dims; d += 1) {
          const g = grad * e.vector[d] + options.l2 * wv[d];
          gv[d] += g * g;
          wv[d] -= (options.rate * g) / Math.sqrt(gv[d]);
        }
      }
    }
  }
  const weights: Record<string, number> = {};
  for (const [k, at] of index) if (Math.abs(w[at]) >= 1e-3) weights[k] = Math.round(w[at] * 1e4) / 1e4;
  return { weights, vector: Array.from(wv, (x) => Math.round(x * 1e4) / 1e4) };
}

/** A word scorer's weights for the contextual features, looked up once per scorer. */
interface ContextWeights {
  hit: Map<string, number>;
  moodNegative: number;
  moodPositive: number;
  flags: Float64Array;
  prevPos: Map<string, number>;
  nextPos: Map<string, number>;
}

const contextWeights = new WeakMap<LogisticWeights, ContextWeights>();

// the scorer asked last and its weights: a text's rows are all scored by one scorer
let lastModel: LogisticWeights | undefined;
let lastWeights: ContextWeights | undefined;

function readContextWeights(model: LogisticWeights): ContextWeights {
  if (model === lastModel) return lastWeights!;
  let c = contextWeights.get(model);
  if (c) {
    lastModel = model;
    lastWeights = c;
    return c;
  }
  const weights = readWeights(model);
  c = {
    hit: new Map(),
    moodNegative: weights.get('ss-') ?? 0,
    moodPositive: weights.get('ss+') ?? 0,
    flags: Float64Array.from(CONTEXT_FLAGS, (name) => weights.get(name) ?? 0),
    prevPos: new Map(),
    nextPos: new Map(),
  };
  for (const [name, w] of weights) {
    if (name.startsWith('h:')) c.hit.set(name.slice(2), w);
    else if (name.startsWith('pp:')) c.prevPos.set(name.slice(3), w);
    else if (name.startsWith('np:')) c.nextPos.set(name.slice(3), w);
  }
  contextWeights.set(model, c);
  return c;
}

// A word row's logit: its word's own part (the static features and the vector, computed once
// per word and scorer) plus its contextual features, added in the order listContextFeatures names them.
function wordRowLogit(model: LogisticWeights, c: ContextWeights, row: WordRow): number {
  const word = row.word;
  let z: number;
  if (word.logitOf === model) z = word.logit!;
  else {
    z = logitOf(model, word);
    word.logitOf = model;
    word.logit = z;
  }
  if (row.hits) for (const h of row.hits) z += (c.hit.get(h) ?? 0) * 1;
  if (row.mood < 0) z += c.moodNegative * -row.mood;
  if (row.mood > 0) z += c.moodPositive * row.mood;
  // the set bits only, lowest first (most words have none or one)
  for (let rest = row.flags; rest !== 0; rest &= rest - 1) z += c.flags[31 - Math.clz32(rest & -rest)] * 1;
  if (row.prevPos !== undefined) z += (c.prevPos.get(row.prevPos) ?? 0) * 1;
  if (row.nextPos !== undefined) z += (c.nextPos.get(row.nextPos) ?? 0) * 1;
  return z;
}

/**
 * The probability a scorer gives one word row: its word's own part (the
 * static features and the vector, computed once per word and scorer) plus
 * its contextual features, added in the order listContextFeatures names
 * them. Equal to predictLogistic on the flattened row.
 */
export function predictWordRow(model: LogisticWeights, row: WordRow): number {
  return 1 / (1 + Math.exp(-wordRowLogit(model, readContextWeights(model), row)));
}

/**
 * predictWordRow of every row into `out`, in one loop (a text's rows are
 * scored by one scorer: its weights are read once, and no call returns a
 * number per row).
 */
export function predictWordRows(model: LogisticWeights, rows: readonly WordRow[], out: Float64Array): void {
  const c = readContextWeights(model);
  for (let k = 0; k < rows.length; k += 1) out[k] = 1 / (1 + Math.exp(-wordRowLogit(model, c, rows[k])));
}
