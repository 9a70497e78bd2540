/**
 * analysis: the one per-article pipeline, from an article's prepared text to
 * what the app keeps of it — quotes, their speakers, editorial spans and the
 * pairing index terms. Pure; import, text replacement, `retold analyze`, the
 * evaluation and the benchmarks all run this function.
 */
import { analyzeText, type Analysis } from '../nlp/index.js';
import { extractQuotes, type Quote } from '../quotes/index.js';
import { suggestEditorial, type EditorialOptions, type EditorialSpan, type SentenceBias } from '../editorial/index.js';
import {
  listIndexTerms,
  prepareQuote,
  readQuoteClause,
  type QuoteClause,
  type QuoteFeatures,
  type WordVectors,
} from '../pairing/index.js';

/** A quote prepared for pairing: its features and the terms it is indexed under. */
export interface IndexEntry {
  features: QuoteFeatures;
  terms: string[];
}

/** Everything the pipeline finds in one article's text. */
export interface ArticleAnalysis {
  /** the text analysed (an article's normalized text) */
  text: string;
  /** the NLP reading of the text (sentences, tokens) */
  nlp: Analysis;
  quotes: Quote[];
  /** the speaker names the quotes carry, as written, each once, in text order */
  speakers: string[];
  editorial: EditorialSpan[];
  /** each sentence's bias score (empty when no editorial model was given) */
  sentences: SentenceBias[];
  /**
   * per quote (same order), its pairing features and index terms; only when
   * asked for with `index`, since preparing them reads every quote again
   */
  index: IndexEntry[] | undefined;
}

/** Options of analyzeArticleText. */
export interface AnalyzeOptions {
  /** also prepare every quote for pairing, with these word vectors when given */
  index?: { vectors: WordVectors | undefined };
  /** the editorial model and word vectors, and which suggestions to keep; the rules alone without it */
  editorial?: EditorialOptions;
}

/**
 * Analyse an article's prepared (normalized, furniture-free) text: read it
 * once with the NLP layer, extract its quotes with their speakers, and find
 * the editorial spans around them.
 */
export function analyzeArticleText(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const nlp = analyzeText(text);
  const quotes = extractQuotes(text, nlp);
  const { spans: editorial, sentences } = suggestEditorial(text, quotes, nlp, options.editorial);
  const speakers = [...new Set(quotes.map((q) => q.speaker).filter((n): n is string => n !== null))];
  const index = options.index && quotes.map((q) => indexQuote(q, text, nlp, options.index!.vectors));
  return { text, nlp, quotes, speakers, editorial, sentences, index };
}

/** The sentence span around [start, end): from the sentence the quote starts in to the one it ends in. */
function sentenceAround(nlp: Analysis, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  for (const s of nlp.sentences) {
    if (s.start <= start && start < s.end) from = Math.min(from, s.start);
    if (s.start < end && end <= s.end) to = Math.max(to, s.end);
  }
  return [from, to];
}

/** The clause of a quote's sentence around it: the words around a trimmed quote can change what its kept words say. */
export function readClauseOf(q: Quote, text: string, nlp: Analysis): QuoteClause | undefined {
  return readQuoteClause(text, ...sentenceAround(nlp, q.start, q.end), q.start, q.end);
}

function indexQuote(q: Quote, text: string, nlp: Analysis, vectors: WordVectors | undefined): IndexEntry {
  const features = prepareQuote(q.text, vectors);
  const clause = readClauseOf(q, text, nlp);
  if (clause) features.clause = clause;
  return { features, terms: listIndexTerms(features) };
}
