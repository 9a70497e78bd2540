/**
 * Features of the editorial model's sentence scorer, computed by the same
 * pure function when training and when the app tags a text: what the
 * sentence's words scored, which rule-based candidates it holds, its
 * sentiment, length and share of quoted words, and the mean vector of its
 * content words.
 */
import type { Candidate } from './candidates.js';
import type { DetectContext } from './context.js';
import { CONTEXT_FLAGS, type FeatureRow, type WordRow } from './features.js';

const QUOTED = 1 << CONTEXT_FLAGS.indexOf('quoted');

/**
 * The features of every sentence: what its words scored (`probs`, one per
 * row of `rows`), how many rule-based candidates it holds and of which
 * category, its sentiment, length and share of quoted words, and the mean
 * vector of its content words.
 */
export function extractSentenceFeatures(
  ctx: DetectContext,
  candidates: readonly Candidate[],
  rows: readonly WordRow[],
  probs: ArrayLike<number>,
): FeatureRow[] {
  const { sentences } = ctx.analysis;
  // the categories of the candidates starting in each sentence, in one pass over both sorted lists
  const categoriesAt: string[][] = sentences.map(() => []);
  let si = 0;
  for (const cand of [...candidates].sort((a, b) => a.start - b.start)) {
    while (si < sentences.length && sentences[si].end <= cand.start) si += 1;
    if (si < sentences.length && cand.start >= sentences[si].start) categoriesAt[si].push(cand.category);
  }
  const out: FeatureRow[] = new Array(sentences.length);
  // the sentences' mean vectors, side by side in one block: a typed array of its own per sentence costs an allocation outside the heap
  const dimensions = rows.find((r) => r.vector)?.vector?.length ?? 0;
  const block = new Float32Array(sentences.length * dimensions);
  // rows come in sentence order, so each sentence's rows are one run [from, to)
  let from = 0;
  for (si = 0; si < sentences.length; si += 1) {
    let to = from;
    while (to < rows.length && rows[to].sentence === si) to += 1;
    const sum = block.subarray(si * dimensions, (si + 1) * dimensions);
    out[si] = describeSentence(sentences[si].sentiment, categoriesAt[si], rows, probs, from, to, sum);
    from = to;
  }
  return out;
}

// sum += v, four components a step (the per-word vector sum is most of a sentence's cost)
function addInto(sum: Float32Array, v: Float32Array): void {
  const n = sum.length;
  let d = 0;
  for (; d + 3 < n; d += 4) {
    sum[d] += v[d];
    sum[d + 1] += v[d + 1];
    sum[d + 2] += v[d + 2];
    sum[d + 3] += v[d + 3];
  }
  for (; d < n; d += 1) sum[d] += v[d];
}

const f32 = Math.fround;

/**
 * sum += a, then += b, c and e, in one pass over the components: each step
 * rounded to single precision as a store into `sum` rounds it, so the sum
 * is bit for bit that of four addInto calls, with a quarter of the loads and
 * stores of `sum`.
 */
function addFourInto(sum: Float32Array, a: Float32Array, b: Float32Array, c: Float32Array, e: Float32Array): void {
  const n = sum.length;
  let d = 0;
  for (; d + 1 < n; d += 2) {
    sum[d] = f32(f32(f32(sum[d] + a[d]) + b[d]) + c[d]) + e[d];
    sum[d + 1] = f32(f32(f32(sum[d + 1] + a[d + 1]) + b[d + 1]) + c[d + 1]) + e[d + 1];
  }
  for (; d < n; d += 1) sum[d] = f32(f32(f32(sum[d] + a[d]) + b[d]) + c[d]) + e[d];
}

// The vectors of a sentence's words waiting to be added, four at a time.
const waiting: Float32Array[] = [];

// One scratch array for every sentence's scores: a typed array made per sentence cost more than its sort.
let scratch = new Float64Array(64);
const INSERTION_SORT_MAX = 64;

/**
 * probs[from … to) in ascending order, in a scratch array (valid until the
 * next call): an insertion sort, as a sentence holds a few dozen words (the
 * built-in sort past that, so a sentence of thousands stays n log n).
 */
function sortScores(probs: ArrayLike<number>, from: number, to: number): Float64Array {
  const n = to - from;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  const ps = scratch;
  if (n > INSERTION_SORT_MAX) {
    for (let k = 0; k < n; k += 1) ps[k] = probs[from + k];
    ps.subarray(0, n).sort();
    return ps;
  }
  for (let k = 0; k < n; k += 1) {
    const p = probs[from + k];
    let j = k;
    for (; j > 0 && ps[j - 1] > p; j -= 1) ps[j] = ps[j - 1];
    ps[j] = p;
  }
  return ps;
}

function describeSentence(
  sentiment: number,
  categories: readonly string[],
  rows: readonly WordRow[],
  probs: ArrayLike<number>,
  from: number,
  to: number,
  sum: Float32Array,
): FeatureRow {
  const n = to - from;
  // ascending, read from the end: the sums run from the largest score down
  const ps = sortScores(probs, from, to);
  let quoted = 0;
  let vector: Float32Array | undefined;
  for (let k = from; k < to; k += 1) {
    const r = rows[k];
    if (r.flags & QUOTED) quoted += 1;
    const v = r.vector;
    if (!v || r.word.stop) continue;
    vector = sum;
    if (waiting.push(v) === 4) {
      addFourInto(sum, waiting[0], waiting[1], waiting[2], waiting[3]);
      waiting.length = 0;
    }
  }
  for (const v of waiting) addInto(sum, v);
  waiting.length = 0;
  const keys = ['bias'];
  const values = [1];
  if (n > 0) {
    let total = 0;
    for (let j = n - 1; j >= 0; j -= 1) total += ps[j];
    keys.push('max', 'top3', 'mean', 'sum', 'quoted');
    values.push(
      ps[n - 1],
      (ps[n - 1] + (n > 1 ? ps[n - 2] : 0) + (n > 2 ? ps[n - 3] : 0)) / 3,
      total / n,
      total / 5,
      quoted / n,
    );
  }
  keys.push('words');
  values.push(Math.min(n, 60) / 30);
  for (const category of categories) (keys.push(`h:${category}`), values.push(1));
  if (sentiment < 0) (keys.push('ss-'), values.push(-sentiment));
  if (sentiment > 0) (keys.push('ss+'), values.push(sentiment));
  if (vector) {
    let norm = 0;
    for (let d = 0; d < vector.length; d += 1) norm += vector[d] * vector[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < vector.length; d += 1) vector[d] = vector[d] / norm;
  }
  return { keys, values, vector };
}
