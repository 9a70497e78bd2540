/**
 * Features of the editorial model, computed by the same pure functions when
 * training and when the app tags a text: for every word, its lemma, part of
 * speech, word vector, word classes (data/lexicons/word-classes.json), which
 * rule-based detector covers it, its own and its sentence's sentiment, and
 * where it stands relative to quotations and the speech verb (the sentence's
 * features are in sentence-features.ts).
 */
import { scoreWordSentiment, type Token } from '../nlp/index.js';
import type { WordVectors } from '../vectors/table.js';
import wordClasses from '../../data/lexicons/word-classes.json' with { type: 'json' };
import type { Candidate } from './candidates.js';
import { isWord, markTokensInside, type DetectContext } from './context.js';
import type { WordForm } from './word-forms.js';

/** Sparse features (names and values) plus the dense word or sentence vector. */
export interface FeatureRow {
  keys: string[];
  values: number[];
  /** the unit word vector (or mean vector of a sentence); undefined when unknown */
  vector: Float32Array | undefined;
}

/**
 * The features of a word that depend only on the word itself (text, lemma,
 * part of speech, stop-word flag) and the vectors: computed once per word and
 * remembered.
 */
export interface StaticFeatures extends FeatureRow {
  text: string;
  lemma: string;
  pos: string;
  stop: boolean;
  /** the last scorer's logit of these features, kept here (see predictWordRow) */
  logitOf?: object;
  logit?: number;
}

/**
 * The boolean features of a word's place in the text, as bits of
 * `WordRow.flags`, in the order their names are listed.
 */
export const CONTEXT_FLAGS = ['quoted', 'scare', 'beside-quote', 'report-sentence', 'negated', 'capital'] as const;
const QUOTED = 1;
const SCARE = 2;
const BESIDE_QUOTE = 4;
const REPORT_SENTENCE = 8;
const NEGATED = 16;
const CAPITAL = 32;

/**
 * The features of one word token: the word's own, and its place in the text
 * held compactly (no name strings per token; listContextFeatures names them).
 */
export interface WordRow {
  /** index of the token in the analysis */
  token: number;
  /** index of the sentence in the analysis */
  sentence: number;
  word: StaticFeatures;
  vector: Float32Array | undefined;
  /** categories of the rule-based candidates covering the word, first met first; null for none */
  hits: string[] | null;
  /** the sentence's sentiment */
  mood: number;
  /** CONTEXT_FLAGS bits */
  flags: number;
  /** parts of speech of the tokens before and after, when there are */
  prevPos: string | undefined;
  nextPos: string | undefined;
}

/**
 * The names and values of a word row's contextual features, in the order the
 * scorers add them: rule hits, the sentence's sentiment, the flags, then the
 * neighbours' parts of speech.
 */
export function listContextFeatures(row: WordRow): { keys: string[]; values: number[] } {
  const keys: string[] = [];
  const values: number[] = [];
  if (row.hits) for (const h of row.hits) (keys.push(`h:${h}`), values.push(1));
  if (row.mood < 0) (keys.push('ss-'), values.push(-row.mood));
  if (row.mood > 0) (keys.push('ss+'), values.push(row.mood));
  CONTEXT_FLAGS.forEach((name, bit) => {
    if (row.flags & (1 << bit)) (keys.push(name), values.push(1));
  });
  if (row.prevPos !== undefined) (keys.push(`pp:${row.prevPos}`), values.push(1));
  if (row.nextPos !== undefined) (keys.push(`np:${row.nextPos}`), values.push(1));
  return { keys, values };
}

/** A word row with its static and contextual features as one row (for fitting). */
export function flattenWordRow(row: WordRow): FeatureRow {
  const context = listContextFeatures(row);
  return {
    keys: [...row.word.keys, ...context.keys],
    values: [...row.word.values, ...context.values],
    vector: row.word.vector,
  };
}

const NO_VECTORS = {};

// The word's features, kept on its form record for the last vector table asked.
function readStaticFeatures(form: WordForm, t: Token, vectors: WordVectors | undefined): StaticFeatures {
  const table = vectors ?? NO_VECTORS;
  if (form.featuresFor !== table || form.features === undefined) {
    form.features = computeStaticFeatures(t, vectors);
    form.featuresFor = table;
  }
  return form.features;
}

function computeStaticFeatures(t: Token, vectors: WordVectors | undefined): StaticFeatures {
  const lower = t.text.toLowerCase();
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
  return { text: t.text, lemma: t.lemma, pos: t.pos, stop: t.stop, keys, values, vector };
}

const classOf = new Map<string, string[]>();
for (const [name, lemmas] of Object.entries(wordClasses.classes as Record<string, string[]>)) {
  for (const lemma of lemmas) classOf.set(lemma, [...(classOf.get(lemma) ?? []), name]);
}
const reportVerbs = new Set((wordClasses.classes as Record<string, string[]>)['report-verb'] ?? []);

/** The word classes (hedge, factive, assertive, …) a lemma belongs to. */
export function classifyLemma(lemma: string): readonly string[] {
  return classOf.get(lemma) ?? [];
}

/** True when the text holds a double quotation mark (" “ ” « »). */
const holdsQuoteMark = (text: string): boolean => /["“”«»]/.test(text);

/** True for the tokens the model scores: words with at least one letter. */
export function isScoredWord(token: Token): boolean {
  return token.type === 'word' && isWord(token);
}

/** The word's vector: its lower-case form, else its lemma. */
export function lookupWordVector(vectors: WordVectors | undefined, token: Token): Float32Array | undefined {
  if (!vectors) return undefined;
  return vectors.lookup(token.text.toLowerCase()) ?? vectors.lookup(token.lemma);
}

// True when the word is written with a capital where lower case was expected
// (its first character changes when the word is lower-cased).
function startsCapital(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return text[0] !== text.toLowerCase()[0];
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
  const quoted = markTokensInside(tokens, ctx.quoted);
  const scare = markTokensInside(tokens, ctx.scare);
  const rows: WordRow[] = [];
  let c = 0;
  for (let si = 0; si < sentences.length; si += 1) {
    const sentence = sentences[si];
    // the sentence's text is its tokens and the spaces between them, so it holds their marks
    const hasQuote = holdsQuoteMark(sentence.text);
    let hasReport = false;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd && !hasReport; i += 1) {
      const t = tokens[i];
      if (t.pos === 'VERB' && reportVerbs.has(t.lemma)) hasReport = true;
    }
    const mood = sentence.sentiment;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i += 1) {
      const t = tokens[i];
      if (!isScoredWord(t)) continue;
      while (c < sorted.length && sorted[c].end <= t.start) c += 1;
      let hits: string[] | null = null;
      for (let k = c; k < sorted.length && sorted[k].start < t.end; k += 1) {
        const category = sorted[k].category;
        if (sorted[k].end > t.start && category !== 'rhetorical-question' && !hits?.includes(category))
          (hits ??= []).push(category);
      }
      const word = readStaticFeatures(ctx.forms[i], t, vectors);
      let flags = 0;
      if (quoted[i]) flags |= QUOTED;
      if (scare[i]) flags |= SCARE;
      if (hasQuote && !quoted[i]) flags |= BESIDE_QUOTE;
      if (hasReport) flags |= REPORT_SENTENCE;
      if (t.negated) flags |= NEGATED;
      if (startsCapital(t.text) && ctx.sentenceStarts[i] !== 1) flags |= CAPITAL;
      rows.push({
        token: i,
        sentence: si,
        word,
        vector: word.vector,
        hits,
        mood,
        flags,
        prevPos: i > 0 ? tokens[i - 1].pos : undefined,
        nextPos: i + 1 < tokens.length ? tokens[i + 1].pos : undefined,
      });
    }
  }
  return rows;
}
