/**
 * Features of the editorial model, computed by the same pure functions when
 * training and when the app tags a text: for every word, its lemma, part of
 * speech, word vector, word classes (data/lexicons/word-classes.json), which
 * rule-based detector covers it, its own and its sentence's sentiment, and
 * where it stands relative to quotations and the speech verb; for every
 * sentence, what its words scored and what it holds.
 */
import { scoreWordSentiment, type Token } from '../nlp/index.js';
import type { WordVectors } from '../vectors/table.js';
import wordClasses from '../../data/lexicons/word-classes.json' with { type: 'json' };
import type { Candidate } from './candidates.js';
import { isInside, isWord, type DetectContext } from './context.js';

/** Sparse features (names and values) plus the dense word or sentence vector. */
export interface FeatureRow {
  keys: string[];
  values: number[];
  /** the unit word vector (or mean vector of a sentence); undefined when unknown */
  vector: Float32Array | undefined;
}

/**
 * The features of a word that depend only on the word itself (text, lemma,
 * part of speech) and the vectors: computed once per word and remembered.
 */
export interface StaticFeatures extends FeatureRow {
  /** text, lemma and POS: what the features depend on */
  key: string;
}

/** The features of one word token: the word's own, and `keys`/`values` for its place in the text. */
export interface WordRow extends FeatureRow {
  /** index of the token in the analysis */
  token: number;
  /** index of the sentence in the analysis */
  sentence: number;
  word: StaticFeatures;
}

/** A word row with its static and contextual features as one row (for fitting). */
export function flattenWordRow(row: WordRow): FeatureRow {
  return {
    keys: [...row.word.keys, ...row.keys],
    values: [...row.word.values, ...row.values],
    vector: row.word.vector,
  };
}

const staticCache = new WeakMap<WordVectors | typeof NO_VECTORS, Map<string, StaticFeatures>>();
const NO_VECTORS = {};
/** Bound on remembered words per vector table. */
const MAX_STATIC = 100_000;

function readStaticFeatures(t: Token, lower: string, vectors: WordVectors | undefined): StaticFeatures {
  const key = `${t.text}\u0000${t.lemma}\u0000${t.pos}\u0000${t.stop ? 1 : 0}`;
  let cache = staticCache.get(vectors ?? NO_VECTORS);
  if (!cache) staticCache.set(vectors ?? NO_VECTORS, (cache = new Map()));
  const known = cache.get(key);
  if (known) return known;
  const keys = ['bias', `l:${t.lemma}`, `p:${t.pos}`];
  const values = [1, 1, 1];
  const push = (k: string, v: number) => {
    keys.push(k);
    values.push(v);
  };
  for (const cls of classifyLemma(t.lemma)) push(`c:${cls}`, 1);
  if (lower !== t.lemma) for (const cls of classifyLemma(lower)) push(`c:${cls}`, 1);
  const s = scoreWordSentiment(lower);
  if (s < 0) push('s-', -s);
  if (s > 0) push('s+', s);
  if (s !== 0) push(`p:${t.pos}:sent`, Math.abs(s));
  if (t.stop) push('stop', 1);
  const vector = lookupWordVector(vectors, t);
  const rank = vectors?.rank(lower);
  if (vectors && rank === undefined) push('oov', 1);
  if (rank !== undefined) push('rank', Math.log10(rank + 10) / 5);
  push('length', Math.min(t.text.length, 15) / 10);
  const made = { key, keys, values, vector };
  if (cache.size >= MAX_STATIC) cache.clear();
  cache.set(key, made);
  return made;
}

const classOf = new Map<string, string[]>();
for (const [name, lemmas] of Object.entries(wordClasses.classes as Record<string, string[]>)) {
  for (const lemma of lemmas) classOf.set(lemma, [...(classOf.get(lemma) ?? []), name]);
}

/** The word classes (hedge, factive, assertive, …) a lemma belongs to. */
export function classifyLemma(lemma: string): readonly string[] {
  return classOf.get(lemma) ?? [];
}

const QUOTE_MARKS = /["“”«»]/;

// Feature names built once per prefix and value ("pp:NOUN"), not per token.
const prefixedNames = new Map<string, string>();
function prefixed(prefix: string, value: string): string {
  const whole = prefix + value;
  let name = prefixedNames.get(whole);
  if (name === undefined) {
    name = whole;
    if (prefixedNames.size < 10_000) prefixedNames.set(whole, name);
  }
  return name;
}

/** True for the tokens the model scores: words with at least one letter. */
export function isScoredWord(token: Token): boolean {
  return token.type === 'word' && isWord(token);
}

/** The word's vector: its lower-case form, else its lemma. */
export function lookupWordVector(vectors: WordVectors | undefined, token: Token): Float32Array | undefined {
  if (!vectors) return undefined;
  return vectors.lookup(token.text.toLowerCase()) ?? vectors.lookup(token.lemma);
}

/**
 * The features of every scored word of the text. `candidates` are the
 * rule-based proposals (collectCandidates), so lexicon membership and pattern
 * hits are features; `vectors` may be absent (the vector part is then empty).
 */
export function extractWordFeatures(
  ctx: DetectContext,
  candidates: readonly Candidate[],
  vectors: WordVectors | undefined,
): WordRow[] {
  const { tokens, sentences } = ctx.analysis;
  const sorted = [...candidates].sort((a, b) => a.start - b.start);
  const rows: WordRow[] = [];
  let c = 0;
  sentences.forEach((sentence, si) => {
    let hasQuote = false;
    let hasReport = false;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i += 1) {
      const t = tokens[i];
      if (QUOTE_MARKS.test(t.text)) hasQuote = true;
      if (t.pos === 'VERB' && classifyLemma(t.lemma).includes('report-verb')) hasReport = true;
    }
    const mood = sentence.sentiment;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i += 1) {
      const t = tokens[i];
      if (!isScoredWord(t)) continue;
      while (c < sorted.length && sorted[c].end <= t.start) c += 1;
      let hits: Set<string> | undefined;
      for (let k = c; k < sorted.length && sorted[k].start < t.end; k += 1) {
        if (sorted[k].end > t.start && sorted[k].category !== 'rhetorical-question')
          (hits ??= new Set()).add(sorted[k].category);
      }
      const lower = t.text.toLowerCase();
      const word = readStaticFeatures(t, lower, vectors);
      // no closure or template string per token: this runs for every word tagged
      const keys: string[] = [];
      const values: number[] = [];
      if (hits) for (const h of hits) (keys.push(prefixed('h:', h)), values.push(1));
      if (mood < 0) (keys.push('ss-'), values.push(-mood));
      if (mood > 0) (keys.push('ss+'), values.push(mood));
      const quoted = isInside(t, ctx.quoted);
      if (quoted) (keys.push('quoted'), values.push(1));
      if (isInside(t, ctx.scare)) (keys.push('scare'), values.push(1));
      if (hasQuote && !quoted) (keys.push('beside-quote'), values.push(1));
      if (hasReport) (keys.push('report-sentence'), values.push(1));
      if (t.negated) (keys.push('negated'), values.push(1));
      if (!ctx.sentenceStarts.has(i) && t.text[0] !== lower[0]) (keys.push('capital'), values.push(1));
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      if (prev) (keys.push(prefixed('pp:', prev.pos)), values.push(1));
      if (next) (keys.push(prefixed('np:', next.pos)), values.push(1));
      rows.push({ token: i, sentence: si, keys, values, vector: word.vector, word });
    }
  });
  return rows;
}

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
  const { sentences, tokens } = ctx.analysis;
  const perSentence: number[][] = sentences.map(() => []);
  const vectorSum: (Float32Array | undefined)[] = sentences.map(() => undefined);
  const vectorCount = sentences.map(() => 0);
  const quotedCount = sentences.map(() => 0);
  // the categories of the candidates starting in each sentence, in one pass over both sorted lists
  const categoriesAt: string[][] = sentences.map(() => []);
  let si = 0;
  for (const cand of [...candidates].sort((a, b) => a.start - b.start)) {
    while (si < sentences.length && sentences[si].end <= cand.start) si += 1;
    if (si < sentences.length && cand.start >= sentences[si].start) categoriesAt[si].push(cand.category);
  }
  rows.forEach((r, k) => {
    perSentence[r.sentence].push(probs[k]);
    if (r.keys.includes('quoted')) quotedCount[r.sentence] += 1;
    if (r.vector && !tokens[r.token].stop) {
      const sum = (vectorSum[r.sentence] ??= new Float32Array(r.vector.length));
      for (let d = 0; d < sum.length; d += 1) sum[d] += r.vector[d];
      vectorCount[r.sentence] += 1;
    }
  });
  return sentences.map((sentence, si) => {
    const ps = perSentence[si].slice().sort((a, b) => b - a);
    const n = ps.length;
    const keys = ['bias'];
    const values = [1];
    const push = (k: string, v: number) => {
      keys.push(k);
      values.push(v);
    };
    if (n > 0) {
      push('max', ps[0]);
      push('top3', (ps[0] + (ps[1] ?? 0) + (ps[2] ?? 0)) / 3);
      push('mean', ps.reduce((a, b) => a + b, 0) / n);
      push('sum', ps.reduce((a, b) => a + b, 0) / 5);
      push('quoted', quotedCount[si] / n);
    }
    push('words', Math.min(n, 60) / 30);
    for (const category of categoriesAt[si]) push(`h:${category}`, 1);
    if (sentence.sentiment < 0) push('ss-', -sentence.sentiment);
    if (sentence.sentiment > 0) push('ss+', sentence.sentiment);
    let vector = vectorSum[si];
    if (vector) {
      let norm = 0;
      for (let d = 0; d < vector.length; d += 1) norm += vector[d] * vector[d];
      norm = Math.sqrt(norm) || 1;
      vector = vector.map((x) => x / norm);
    }
    return { keys, values, vector };
  });
}
