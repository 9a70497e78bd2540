/**
 * pairing: the features of one quote that scoring and indexing use — its
 * content words (lemmas without stop words, with numbers, dates, quantities
 * and names marked), its plain word sequence (for verbatim/trimmed checks and
 * n-gram overlap) and its quote vector (for nearest-neighbour candidates).
 * They depend only on the text, so they are computed once per quote.
 */
import { analyzeText } from '../nlp/index.js';
import type { WordVectors } from '../vectors/table.js';
import { readFigure } from './figures.js';
import type { QuoteClause } from './quote-clause.js';
import {
  LIGHT_WORDS,
  MODAL_KEY,
  MONTHS_AND_DAYS,
  NEGATION_CUES,
  QUANTITY_WORDS,
  inHyphenCompound,
  matchObligation,
  normalizeNameKey,
  normalizeWord,
} from './word-classes.js';

/**
 * What kind of content word: names, numbers and dates only match exactly; a
 * modal is one obligation phrase ("must", "is obligated to", "has to") read as
 * the single key `must`, so reworded modals match each other and nothing else.
 */
export type ContentKind = 'word' | 'name' | 'number' | 'date' | 'modal' | 'quantity';

/** One content word of a quote. */
export interface ContentWord {
  /** matching key: lower-case lemma, number value, or name without "al-" */
  key: string;
  /** the word as written */
  text: string;
  /** the word as written, lower-cased */
  lower: string;
  kind: ContentKind;
  /** the first content word in the scope of a negation ("not *raise* rates") */
  negated: boolean;
  /** anywhere in the scope of a negation */
  inNegation: boolean;
  /** the negation cue before a negated word ("not", "never"), for describing alterations */
  cue?: string;
  /** a number written with a currency or a percent sign: an amount */
  amount?: boolean;
  /** a number's value, the value of its last written digit, and its unit ("mile", "USD", "%"), when known */
  value?: number;
  precision?: number;
  unit?: string;
  /** index of the sentence the word is in */
  sentence: number;
  /**
   * informativeness, from the word's frequency rank (rarer weighs more);
   * numbers, dates and modals weigh 0 because sharing only a date or a "must"
   * is no evidence of the same statement, and a retelling may drop either —
   * the scorer counts them only as support for words that match around them
   */
  weight: number;
  /** unit vector, when the table knows the word and the kind allows soft matches */
  vector: Float32Array | undefined;
}

/** A quote prepared for scoring. */
export interface QuoteFeatures {
  text: string;
  content: ContentWord[];
  /** lower-case words without punctuation, for verbatim and trimmed checks */
  words: string[];
  /** number of sentences */
  sentences: number;
  /** weighted mean of the content words' unit vectors, itself of unit length; undefined without vectors */
  vector: Float32Array | undefined;
  /**
   * the clause of the quote's sentence around it, when the article is known
   * and the quote does not stand alone in it (context-change.ts reads it)
   */
  clause?: QuoteClause;
}

/** Names weigh at most this much. */
const NAME_WEIGHT_CAP = 1.5;

/** Weight of a word with no frequency rank (rare words, names, typos). */
const UNKNOWN_WEIGHT = 3;

/** Look a word up by lemma, then surface form, then without dots ("u.s." → "us"). */
export function lookupVector(
  vectors: WordVectors | undefined,
  lemma: string,
  lower: string,
): { vector?: Float32Array; rank?: number } {
  if (!vectors) return {};
  for (const w of [lemma, lower, lower.replace(/\./g, '')]) {
    const vector = vectors.lookup(w);
    if (vector) return { vector, rank: vectors.rank(w) };
  }
  return {};
}

/** Weight of a word from its frequency rank: frequent words weigh ~0.5, rare ones up to 3.5. */
export function weighRank(rank: number | undefined): number {
  if (rank === undefined) return UNKNOWN_WEIGHT;
  return Math.min(3.5, 0.5 + Math.log10(1 + rank / 100));
}

/** Analyse a quote text into its features (vectors optional: without them only exact matches count). */
export function prepareQuote(text: string, vectors?: WordVectors): QuoteFeatures {
  // "$US13.15" is "US$13.15" (the same length, so offsets hold): the sign before the figure
  const analysis = analyzeText(text.replace(/\$US(?=\d)/g, 'US$'));
  const content: ContentWord[] = [];
  const words: string[] = [];
  let sentence = 0;
  const sentenceEnds = analysis.sentences.map((s) => s.tokenEnd);
  // only the first content word just after a cue ("not *raise* rates")
  // carries the negation; wink's own negation scope runs to the clause end and
  // misses some cues, so it only widens where a word counts as inside one
  let cueUsed = false;
  let cue: string | undefined;
  let cueAt = -10;
  const tokens = analysis.tokens;
  // tokens before this index belong to an obligation phrase or number already counted
  let phraseEnd = 0;
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k];
    while (sentence < sentenceEnds.length - 1 && t.index >= sentenceEnds[sentence]) sentence += 1;
    if (t.type === 'punctuation' || t.type === 'tabCRLF' || t.type === 'symbol' || t.type === 'currency') {
      // a clause break ends a negation's reach ("if they won't, their drugs …")
      if (/^[,;:()—–]$/.test(t.text) || (t.text === '-' && t.space !== '')) cue = undefined;
      continue;
    }
    const lower = normalizeWord(t.text);
    if (!/[\p{L}\p{N}]/u.test(lower)) continue;
    words.push(lower.replace(/^['"]+|['"]+$/g, ''));
    if (k < phraseEnd) continue;
    // a negation cue governs a word only just after it ("did *not* sign", "*never* said")
    // "do-not-call" names a thing and negates nothing
    if (NEGATION_CUES.test(lower) && !inHyphenCompound(tokens, k)) {
      cue = t.text;
      cueAt = k;
      cueUsed = false;
    }
    if (k - cueAt > 4) cue = undefined;
    const inNegation = t.negated || cue !== undefined;
    const negatedHere = cue !== undefined && !cueUsed && k !== cueAt;
    const phraseLength = matchObligation(tokens, k);
    if (phraseLength) {
      phraseEnd = k + phraseLength;
      if (negatedHere) cueUsed = true;
      const phrase = text.slice(t.start, tokens[phraseEnd - 1].end);
      content.push({
        key: MODAL_KEY,
        text: phrase,
        lower: phrase.toLowerCase(),
        kind: 'modal',
        negated: negatedHere,
        inNegation,
        cue: negatedHere ? cue : undefined,
        sentence,
        weight: 0,
        vector: undefined,
      });
      continue;
    }
    const figure = readFigure(tokens, k, text);
    if (figure) {
      phraseEnd = figure.next;
      const written = text.slice(figure.start, figure.end);
      content.push({
        key: figure.key,
        text: written,
        lower: written.toLowerCase(),
        kind: 'number',
        amount: figure.amount,
        value: figure.value,
        precision: figure.precision,
        unit: figure.unit,
        negated: false,
        inNegation,
        sentence,
        weight: 0,
        vector: undefined,
      });
      continue;
    }
    const lemma = normalizeWord(t.lemma);
    if (QUANTITY_WORDS.has(lower) || QUANTITY_WORDS.has(lemma)) {
      content.push({
        key: lower,
        text: t.text,
        lower,
        kind: 'quantity',
        negated: false,
        inNegation,
        sentence,
        weight: 0,
        vector: undefined,
      });
      continue;
    }
    // wink's English model calls a word of another script (Arabic, Cyrillic, Chinese …) unknown: it is
    // still a word of the quote, matched exactly, or two such quotes would share nothing to be found by
    if (t.stop || (t.type !== 'word' && t.type !== 'hashtag' && !(t.type === 'unk' && /\p{L}/u.test(lower)))) continue;
    if (LIGHT_WORDS.has(lemma)) continue;
    if (negatedHere) cueUsed = true;
    const negated = negatedHere;
    if (MONTHS_AND_DAYS.has(lemma)) {
      content.push({
        key: lemma,
        text: t.text,
        lower,
        kind: 'date',
        negated,
        inNegation,
        cue: negated ? cue : undefined,
        sentence,
        weight: 0,
        vector: undefined,
      });
      continue;
    }
    const { vector, rank } = lookupVector(vectors, lemma, lower);
    const weight = weighRank(vectors ? rank : 1000);
    if (t.pos === 'PROPN') {
      // a shared name says who or where, not what was claimed
      content.push({
        key: normalizeNameKey(lemma),
        text: t.text,
        lower,
        kind: 'name',
        negated,
        inNegation,
        cue: negated ? cue : undefined,
        sentence,
        weight: Math.min(weight, NAME_WEIGHT_CAP),
        vector: undefined,
      });
    } else {
      content.push({
        key: lemma,
        text: t.text,
        lower,
        kind: 'word',
        negated,
        inNegation,
        cue: negated ? cue : undefined,
        sentence,
        weight,
        vector,
      });
    }
  }
  return { text, content, words, sentences: Math.max(1, analysis.sentences.length), vector: averageVector(content) };
}

/** Weighted mean of the content words' vectors, normalized; undefined when no word has one. */
export function averageVector(content: ContentWord[]): Float32Array | undefined {
  let sum: Float32Array | undefined;
  for (const w of content) {
    if (!w.vector) continue;
    sum ??= new Float32Array(w.vector.length);
    for (let d = 0; d < sum.length; d += 1) sum[d] += w.weight * w.vector[d];
  }
  if (!sum) return undefined;
  let norm = 0;
  for (let d = 0; d < sum.length; d += 1) norm += sum[d] * sum[d];
  if (norm === 0) return undefined;
  const scale = 1 / Math.sqrt(norm);
  for (let d = 0; d < sum.length; d += 1) sum[d] *= scale;
  return sum;
}
