/**
 * pairing: an incremental inverted index over content lemmas. Candidates for a
 * new quote come from the posting lists of its words, weighted by IDF, each
 * list read only up to a cap (its newest entries), so pairing one article
 * costs about its own size however large the corpus grows — no all-pairs.
 */
import type { WordVectors } from '../vectors/table.js';
import { prepareStatement, type StatementFeatures } from './features.js';
import { scoreFeatures } from './score.js';
import { matchSpeakers } from '../speakers/index.js';
import { PAIR_THRESHOLD } from './threshold.js';
import type { PairingQuote, PairSuggestion } from './index.js';

/** A quote in the index with its prepared features. */
interface IndexedQuote {
  quote: PairingQuote;
  features: StatementFeatures;
  terms: string[];
}

/** The index: quotes by id, posting lists by term, quote ids by article. */
export interface PairIndex {
  quotes: Map<string, IndexedQuote>;
  postings: Map<string, string[]>;
  articles: Map<string, string[]>;
}

/** Tuning of candidate retrieval. */
export interface PairIndexOptions {
  /** entries read from one posting list (the newest) */
  postingCap: number;
  /** candidates fully scored per quote */
  candidates: number;
  /** score from which a candidate becomes a pair */
  threshold: number;
}

export const DEFAULT_INDEX_OPTIONS: PairIndexOptions = { postingCap: 400, candidates: 25, threshold: PAIR_THRESHOLD };

/** Quote kinds that never pair: a scare quote marks a word, not a statement. */
const UNPAIRED_KINDS = new Set(['scare']);

/** Create an empty index. */
export function createPairIndex(): PairIndex {
  return { quotes: new Map(), postings: new Map(), articles: new Map() };
}

/** Index terms of a statement: its content keys with a weight, numbers and dates aside. */
export function listTerms(features: StatementFeatures): string[] {
  return [...new Set(features.content.filter((w) => w.weight > 0).map((w) => w.key))];
}

/** Prepare quotes for indexing or lookup (skips kinds that never pair). */
function prepareQuotes(quotes: PairingQuote[], vectors: WordVectors | undefined): IndexedQuote[] {
  return quotes
    .filter((q) => !UNPAIRED_KINDS.has(q.kind))
    .map((quote) => {
      const features = prepareStatement(quote.text, vectors);
      return { quote, features, terms: listTerms(features) };
    });
}

/** Add quotes to the index (their articles may already be in it). */
export function addToIndex(index: PairIndex, quotes: PairingQuote[], vectors?: WordVectors): void {
  addPrepared(index, prepareQuotes(quotes, vectors));
}

function addPrepared(index: PairIndex, prepared: IndexedQuote[]): void {
  for (const entry of prepared) {
    const { id, article } = entry.quote;
    if (index.quotes.has(id)) throw new Error(`pairing: quote id ${JSON.stringify(id)} is already indexed`);
    index.quotes.set(id, entry);
    const ids = index.articles.get(article) ?? [];
    ids.push(id);
    index.articles.set(article, ids);
    for (const t of entry.terms) {
      const list = index.postings.get(t);
      if (list) list.push(id);
      else index.postings.set(t, [id]);
    }
  }
}

/** Remove every quote of an article from the index; cost ∝ the posting lists of its words. */
export function removeFromIndex(index: PairIndex, articleId: string): void {
  const ids = index.articles.get(articleId);
  if (!ids) return;
  const gone = new Set(ids);
  const terms = new Set<string>();
  for (const id of ids) {
    for (const t of index.quotes.get(id)?.terms ?? []) terms.add(t);
    index.quotes.delete(id);
  }
  for (const t of terms) {
    const list = index.postings.get(t)?.filter((id) => !gone.has(id)) ?? [];
    if (list.length) index.postings.set(t, list);
    else index.postings.delete(t);
  }
  index.articles.delete(articleId);
}

/** Candidate quote ids for one prepared quote, best first. */
function findCandidates(index: PairIndex, entry: IndexedQuote, options: PairIndexOptions): string[] {
  const n = index.quotes.size;
  const acc = new Map<string, number>();
  for (const t of entry.terms) {
    const list = index.postings.get(t);
    if (!list) continue;
    const idf = Math.log(1 + n / list.length);
    for (let k = list.length - 1, read = 0; k >= 0 && read < options.postingCap; k -= 1, read += 1) {
      const id = list[k];
      acc.set(id, (acc.get(id) ?? 0) + idf);
    }
  }
  const article = entry.quote.article;
  return [...acc.entries()]
    .filter(([id]) => index.quotes.get(id)?.quote.article !== article)
    .sort((x, y) => y[1] - x[1])
    .slice(0, options.candidates)
    .map(([id]) => id);
}

/** Score a prepared pair into a suggestion. */
function suggestPair(x: IndexedQuote, y: IndexedQuote, floor: number): PairSuggestion {
  const s = scoreFeatures(x.features, y.features, matchSpeakers(x.quote.speaker, y.quote.speaker), floor);
  return { a: x.quote.id, b: y.quote.id, score: Math.round(s.score * 1000) / 1000, relation: s.relation, reasons: s.reasons };
}

/**
 * Find the pairs between `quotes` and the indexed quotes of other articles.
 * The quotes are not added; call addToIndex after when they should stay.
 */
export function findPairsFor(index: PairIndex, quotes: PairingQuote[], vectors?: WordVectors, options: Partial<PairIndexOptions> = {}): PairSuggestion[] {
  return findPrepared(index, prepareQuotes(quotes, vectors), { ...DEFAULT_INDEX_OPTIONS, ...options });
}

function findPrepared(index: PairIndex, prepared: IndexedQuote[], options: PairIndexOptions): PairSuggestion[] {
  const pairs: PairSuggestion[] = [];
  for (const entry of prepared) {
    for (const id of findCandidates(index, entry, options)) {
      const other = index.quotes.get(id);
      if (!other) continue;
      const pair = suggestPair(other, entry, options.threshold);
      if (pair.score >= options.threshold) pairs.push(pair);
    }
  }
  return pairs;
}

/**
 * Pair a whole in-memory corpus: articles are indexed one after another and
 * each is looked up before it is added, so every pair is found once.
 */
export function pairCorpus(quotes: PairingQuote[], vectors?: WordVectors, options: Partial<PairIndexOptions> = {}): PairSuggestion[] {
  const opts = { ...DEFAULT_INDEX_OPTIONS, ...options };
  const byArticle = new Map<string, IndexedQuote[]>();
  for (const entry of prepareQuotes(quotes, vectors)) {
    const list = byArticle.get(entry.quote.article) ?? [];
    list.push(entry);
    byArticle.set(entry.quote.article, list);
  }
  const index = createPairIndex();
  const pairs: PairSuggestion[] = [];
  for (const entries of byArticle.values()) {
    pairs.push(...findPrepared(index, entries, opts));
    addPrepared(index, entries);
  }
  return pairs.sort((x, y) => y.score - x.score);
}
