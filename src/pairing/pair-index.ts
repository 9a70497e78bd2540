/**
 * pairing: the in-memory index `retold analyze`, the evaluation and the
 * benchmarks pair with — posting lists by index term (candidates.ts), quotes
 * by id with their prepared features. The store keeps the same postings in SQL.
 */
import type { WordVectors } from '../vectors/table.js';
import { DEFAULT_RETRIEVAL, rankCandidates, type PostingSource, type RetrievalOptions } from './candidates.js';
import { canPair, pairQuote, prepareForPairing, type PreparedQuote } from './pair-quote.js';
import type { PairingQuote, PairSuggestion } from './index.js';

/** The index: quotes by id, posting lists by term, quote ids by article. */
export interface PairIndex {
  quotes: Map<string, PreparedQuote>;
  postings: Map<string, string[]>;
  articles: Map<string, string[]>;
}

/** Create an empty index. */
export function createPairIndex(): PairIndex {
  return { quotes: new Map(), postings: new Map(), articles: new Map() };
}

/** The index as a posting source. */
function sourceOf(index: PairIndex): PostingSource {
  return {
    size: () => index.quotes.size,
    frequency: (term) => index.postings.get(term)?.length ?? 0,
    postings(term, excludeArticle, cap) {
      const list = index.postings.get(term) ?? [];
      const out: string[] = [];
      for (let k = list.length - 1, read = 0; k >= 0 && read < cap; k -= 1, read += 1) {
        if (index.quotes.get(list[k])?.quote.article !== excludeArticle) out.push(list[k]);
      }
      return out;
    },
  };
}

/** Prepare quotes for indexing or lookup (skips kinds that never pair). */
function prepareAll(quotes: PairingQuote[], vectors: WordVectors | undefined): PreparedQuote[] {
  return quotes.filter((q) => canPair(q.kind)).map((q) => prepareForPairing(q, vectors));
}

/** Add quotes to the index (their articles may already be in it). */
export function addToIndex(index: PairIndex, quotes: PairingQuote[], vectors?: WordVectors): void {
  addPrepared(index, prepareAll(quotes, vectors));
}

function addPrepared(index: PairIndex, prepared: PreparedQuote[]): void {
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

function findPrepared(index: PairIndex, prepared: PreparedQuote[], options: RetrievalOptions): PairSuggestion[] {
  const source = sourceOf(index);
  const pairs: PairSuggestion[] = [];
  for (const entry of prepared) {
    const candidates = rankCandidates(source, entry.terms, entry.quote.article, options).map((id) =>
      index.quotes.get(id)!,
    );
    pairs.push(...pairQuote(entry, candidates));
  }
  return pairs;
}

/**
 * Find the pairs between `quotes` and the indexed quotes of other articles.
 * The quotes are not added; call addToIndex after when they should stay.
 */
export function findPairsFor(
  index: PairIndex,
  quotes: PairingQuote[],
  vectors?: WordVectors,
  options: Partial<RetrievalOptions> = {},
): PairSuggestion[] {
  return findPrepared(index, prepareAll(quotes, vectors), { ...DEFAULT_RETRIEVAL, ...options });
}

/**
 * Pair a whole in-memory corpus: articles are indexed one after another and
 * each is looked up before it is added, so every pair is found once.
 */
export function pairCorpus(
  quotes: PairingQuote[],
  vectors?: WordVectors,
  options: Partial<RetrievalOptions> = {},
): PairSuggestion[] {
  const opts = { ...DEFAULT_RETRIEVAL, ...options };
  const byArticle = new Map<string, PreparedQuote[]>();
  for (const entry of prepareAll(quotes, vectors)) {
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
