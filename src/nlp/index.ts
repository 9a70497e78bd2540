/**
 * The one adapter over wink-nlp (see GUIDE: nothing else imports wink).
 * It turns text into plain tokens and sentences with character offsets into the
 * input string, so every other module works on plain objects.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { findLongRun } from './long-runs.js';
import { findPossessiveCuts, insertSpaces } from './possessives.js';
import { readPrecedingSpaces } from './spaces.js';
import {
  addWordFacts,
  findWordFacts,
  keepWordRecords,
  MAX_WORD_FACTS,
  type WordFacts,
  type WordRecord,
} from './word-facts.js';

export { readWordRecords, type WordRecord } from './word-facts.js';
export { isSpaceCode, LONGEST_WINK_TOKEN } from './long-runs.js';

/** One token of the text, with its character span (end exclusive). */
export interface Token {
  /** index of the token in the analysis */
  index: number;
  /** the token exactly as it appears in the text */
  text: string;
  start: number;
  end: number;
  /** lower-case lemma (wink's lemmatizer, needs POS) */
  lemma: string;
  /** Universal POS tag, e.g. NOUN, VERB, PROPN, PUNCT */
  pos: string;
  /** wink token type: word, number, punctuation, currency, symbol, tabCRLF, email, url, ... */
  type: string;
  /** wink's stop-word flag */
  stop: boolean;
  /** true when the token is in the scope of a negation (wink's negation flag) */
  negated: boolean;
  /** the whitespace before the token */
  space: string;
}

/** One sentence: its character span and the token index range [tokenStart, tokenEnd). */
export interface Sentence {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  text: string;
  /** wink's sentiment of the sentence, from -1 (negative) to 1 (positive) */
  sentiment: number;
}

/** Result of analysing one text. */
export interface Analysis {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

const nlp = winkNLP(model, ['sbd', 'pos', 'negation', 'sentiment']);
const its = nlp.its;
/** An empty document, to ask wink's own vocabulary (not the words it learned since) about a word. */
const vocabulary = nlp.readDoc('');
const isInVocabulary = (word: string): boolean => !vocabulary.isOOV(word);

/** A document's tokens as wink hands them out (each call of `doc.tokens()` builds this anew). */
type WinkTokens = ReturnType<ReturnType<typeof nlp.readDoc>['tokens']>;

/** Type, stop-word flag and lemma of token i, read from wink one token at a time. */
function readTokenFacts(all: WinkTokens, i: number): { type: string; stop: boolean; lemma: string | undefined } {
  const t = all.itemAt(i);
  return {
    type: t.out(its.type) as string,
    stop: Boolean(t.out(its.stopWordFlag)),
    lemma: t.out(its.lemma as never) as unknown as string | undefined,
  };
}

/**
 * Analyse a text: tokens with lemmas, POS and offsets, and sentences.
 * wink's tokenization is lossless (spaces + values rebuild the text), which is
 * what lets us compute offsets without searching. A run of more than
 * LONGEST_WINK_TOKEN non-space characters is one token (POS `X`) and one
 * sentence of its own.
 */
export function analyzeText(text: string): Analysis {
  if (typeof text !== 'string') throw new TypeError(`nlp: analyzeText expects a string, got ${typeof text}`);
  let run = findLongRun(text, 0);
  if (run === null) {
    const piece = analyzePiece(text, 0, 0);
    const analysis: Analysis = { text, tokens: piece.tokens, sentences: piece.sentences };
    keepWordRecords(analysis, piece.words);
    return analysis;
  }
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let from = 0;
  while (from < text.length) {
    const runStart = run === null ? text.length : run.start;
    if (runStart > from) {
      const piece = analyzePiece(text.slice(from, runStart), from, tokens.length);
      for (const t of piece.tokens) tokens.push(t);
      for (const s of piece.sentences) sentences.push(s);
    }
    if (run === null) break;
    const end = run.end;
    const runText = text.slice(runStart, end);
    const previousEnd = tokens.length ? tokens[tokens.length - 1].end : 0;
    const index = tokens.length;
    tokens.push({
      index,
      text: runText,
      start: runStart,
      end,
      lemma: runText.toLowerCase(),
      pos: 'X',
      type: 'symbol',
      stop: false,
      negated: false,
      space: text.slice(previousEnd, runStart),
    });
    sentences.push({ start: runStart, end, tokenStart: index, tokenEnd: index + 1, text: runText, sentiment: 0 });
    from = end;
    run = findLongRun(text, end);
  }
  return { text, tokens, sentences };
}

/**
 * Per token, 1 when wink flags it as negated. wink flags only tokens of the
 * sentences it flags (after a negation, to the end of its sentence), so only
 * those sentences' tokens are asked, not every token of the text.
 */
function readNegationFlags(
  sentences: ReturnType<ReturnType<typeof nlp.readDoc>['sentences']>,
  spans: readonly [number, number][],
  count: number,
): Uint8Array {
  const negs = new Uint8Array(count);
  (sentences.out(its.negationFlag) as unknown as boolean[]).forEach((flagged, k) => {
    if (!flagged) return;
    const flags = sentences.itemAt(k).tokens().out(its.negationFlag) as unknown as boolean[];
    for (let j = 0; j < flags.length; j += 1) if (flags[j]) negs[spans[k][0] + j] = 1;
  });
  return negs;
}

/** wink's reading of a text with no long runs; offsets from `base`, token indices from `first`. */
function analyzePiece(
  text: string,
  base: number,
  first: number,
): Omit<Analysis, 'text'> & { words: readonly WordRecord[] } {
  // wink reads a space before each possessive "'s" (possessives.ts); `cut` walks those places
  const cuts = findPossessiveCuts(text, isInVocabulary);
  let cut = 0;
  const read = insertSpaces(text, cuts);
  const doc = nlp.readDoc(read);
  const all = doc.tokens();
  // each token's word record by wink's number for its text, made (with the text) on first sight
  const ids = all.out(its.uniqueId) as unknown as number[];
  const words: WordFacts[] = new Array(ids.length);
  const values: string[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i += 1) {
    const known = findWordFacts(ids[i]);
    const w = known ?? addWordFacts(ids[i], all.itemAt(i).out(its.value) as string);
    words[i] = w;
    values[i] = w.value;
  }
  const spaces = readPrecedingSpaces(read, values, () => all.out(its.precedingSpaces) as string[]);
  const tags = all.out(its.pos) as string[];
  const sentenceItems = doc.sentences();
  const sentenceSpans = sentenceItems.out(its.span) as unknown as [number, number][];
  const negs = readNegationFlags(sentenceItems, sentenceSpans, ids.length);
  const contracted = all.out(its.contractionFlag) as unknown as boolean[];
  const tokens: Token[] = new Array(values.length);
  let offset = base;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    const pos = tags[i];
    let space = spaces[i];
    if (cut < cuts.length && cuts[cut] === offset - base) {
      space = space.slice(1);
      cut += 1;
    }
    offset += space.length;
    const start = offset;
    offset += value.length;
    let type: string;
    let stop: boolean;
    let lemma: string | undefined;
    if (contracted[i]) {
      // a contraction's lemma comes from its expansion, not its text: read each time, never remembered
      const f = readTokenFacts(all, i);
      type = f.type;
      stop = f.stop;
      lemma = (f.lemma ?? value).toLowerCase();
    } else {
      const facts = words[i];
      if (facts.type === undefined) {
        const f = readTokenFacts(all, i);
        lemma = (f.lemma ?? value).toLowerCase();
        facts.type = f.type;
        facts.stop = f.stop;
        facts.pos = pos;
        facts.lemma = lemma;
      } else if (facts.pos === pos) {
        lemma = facts.lemma;
      } else {
        lemma = facts.more?.get(pos);
        if (lemma === undefined) {
          lemma = (readTokenFacts(all, i).lemma ?? value).toLowerCase();
          (facts.more ??= new Map()).set(pos, lemma);
        }
      }
      type = facts.type;
      stop = facts.stop;
    }
    tokens[i] = {
      index: first + i,
      text: value,
      start,
      end: offset,
      lemma,
      pos,
      type,
      stop,
      negated: negs[i] === 1,
      space,
    };
  }
  const sentences: Sentence[] = [];
  const moods = sentenceItems.out(its.sentiment) as unknown as number[];
  // all spans in one call: walking sentence items builds an API object per sentence
  sentenceSpans.forEach((span, k) => {
    let lo = span[0];
    let hi = span[1];
    // skip line-break tokens at the sentence edges so spans hold only text
    while (lo <= hi && tokens[lo]?.type === 'tabCRLF') lo += 1;
    while (hi >= lo && tokens[hi]?.type === 'tabCRLF') hi -= 1;
    if (lo > hi) return;
    const start = tokens[lo].start;
    const end = tokens[hi].end;
    sentences.push({
      start,
      end,
      tokenStart: first + lo,
      tokenEnd: first + hi + 1,
      text: text.slice(start - base, end - base),
      sentiment: moods[k] ?? 0,
    });
  });
  return { tokens, sentences, words };
}

const wordSentiment = new Map<string, number>();

/**
 * wink's sentiment of one word on its own (-1 … 1; 0 when the sentiment
 * lexicon does not know it), remembered per word: the editorial model reads
 * it for every word, and a text repeats few words.
 */
export function scoreWordSentiment(word: string): number {
  let score = wordSentiment.get(word);
  if (score === undefined) {
    if (wordSentiment.size >= MAX_WORD_FACTS) wordSentiment.clear();
    score = Number(nlp.readDoc(word).out(its.sentiment)) || 0;
    wordSentiment.set(word, score);
  }
  return score;
}

/** Tokens only (same as analyzeText(text).tokens). */
export function tokenize(text: string): Token[] {
  return analyzeText(text).tokens;
}

/** wink's bare readDoc with token values, used as the in-run baseline in benchmarks. */
export function readBare(text: string): number {
  return nlp.readDoc(text).tokens().length();
}
