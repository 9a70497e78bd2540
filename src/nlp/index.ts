/**
 * The one adapter over wink-nlp (see GUIDE: nothing else imports wink).
 * It turns text into plain tokens and sentences with character offsets into the
 * input string, so every other module works on plain objects.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

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

/**
 * Per-word facts that depend only on the token's text (and POS for lemmas),
 * kept across documents: asking wink for lemma, type and stop-word flag costs
 * a lexicon look-up (and for lemmas often a lemmatizer run) on every token,
 * while news text repeats a small vocabulary. Contractions are left out —
 * their lemma and normal form come from the expansion, not the text.
 */
interface WordFacts {
  type: string;
  stop: boolean;
  /** the POS tag the word was first seen with, and its lower-case lemma (most words keep one tag) */
  pos: string;
  lemma: string;
  /** lower-case lemmas for further POS tags */
  more: Map<string, string> | null;
}
const wordFacts = new Map<string, WordFacts>();
/** Bound on remembered words; unknown words (names, numbers) keep arriving in a long run. */
const maxWordFacts = 200_000;

/** Type, stop-word flag and lemma of token i, read from wink one token at a time. */
function readTokenFacts(doc: ReturnType<typeof nlp.readDoc>, i: number): { type: string; stop: boolean; lemma: string | undefined } {
  const t = doc.tokens().itemAt(i);
  return {
    type: t.out(its.type) as string,
    stop: Boolean(t.out(its.stopWordFlag)),
    lemma: t.out(its.lemma as never) as unknown as string | undefined,
  };
}

/**
 * Analyse a text: tokens with lemmas, POS and offsets, and sentences.
 * wink's tokenization is lossless (spaces + values rebuild the text), which is
 * what lets us compute offsets without searching.
 */
export function analyzeText(text: string): Analysis {
  if (typeof text !== 'string') throw new TypeError(`nlp: analyzeText expects a string, got ${typeof text}`);
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const negs = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  const contracted = doc.tokens().out(its.contractionFlag) as unknown as boolean[];
  const tokens: Token[] = new Array(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    const pos = tags[i];
    offset += spaces[i].length;
    const start = offset;
    offset += value.length;
    let type: string;
    let stop: boolean;
    let lemma: string | undefined;
    if (contracted[i]) {
      const f = readTokenFacts(doc, i);
      type = f.type;
      stop = f.stop;
      lemma = (f.lemma ?? value).toLowerCase();
    } else {
      let facts = wordFacts.get(value);
      if (facts === undefined) {
        if (wordFacts.size >= maxWordFacts) wordFacts.clear();
        const f = readTokenFacts(doc, i);
        lemma = (f.lemma ?? value).toLowerCase();
        facts = { type: f.type, stop: f.stop, pos, lemma, more: null };
        wordFacts.set(value, facts);
      } else if (facts.pos === pos) {
        lemma = facts.lemma;
      } else {
        lemma = facts.more?.get(pos);
        if (lemma === undefined) {
          lemma = (readTokenFacts(doc, i).lemma ?? value).toLowerCase();
          (facts.more ??= new Map()).set(pos, lemma);
        }
      }
      type = facts.type;
      stop = facts.stop;
    }
    tokens[i] = {
      index: i,
      text: value,
      start,
      end: offset,
      lemma,
      pos,
      type,
      stop,
      negated: Boolean(negs[i]),
      space: spaces[i],
    };
  }
  const sentences: Sentence[] = [];
  const moods = doc.sentences().out(its.sentiment) as unknown as number[];
  // all spans in one call: walking sentence items builds an API object per sentence
  (doc.sentences().out(its.span) as unknown as [number, number][]).forEach((span, k) => {
    let first = span[0];
    let last = span[1];
    // skip line-break tokens at the sentence edges so spans hold only text
    while (first <= last && tokens[first]?.type === 'tabCRLF') first += 1;
    while (last >= first && tokens[last]?.type === 'tabCRLF') last -= 1;
    if (first > last) return;
    const start = tokens[first].start;
    const end = tokens[last].end;
    sentences.push({ start, end, tokenStart: first, tokenEnd: last + 1, text: text.slice(start, end), sentiment: moods[k] ?? 0 });
  });
  return { text, tokens, sentences };
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
    if (wordSentiment.size >= maxWordFacts) wordSentiment.clear();
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
