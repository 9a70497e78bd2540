/**
 * Pairing inside the store: when an article is analysed, its quotes — as held
 * in memory — are looked up in the term index (quote_terms) for candidates in
 * other articles, decided by the one pairing decision, and stored as pairs;
 * then they join the index with their features. Reviewers' decisions are kept
 * by the words of both spans and applied again after every re-analysis.
 */
import type { Db } from '../db.js';
import {
  canPair,
  decidePairInContext,
  matchSpeakers,
  pairQuote,
  prepareForPairing,
  prepareQuote,
  rankCandidates,
  rememberPostings,
  type PairingQuote,
  type PairSuggestion,
  type PostingSource,
  type PreparedQuote,
  type QuoteFeatures,
  type WordVectors,
} from '../pairing/index.js';
import { decodeQuoteFeatures, encodeQuoteFeatures, featuresCarried } from '../pairing/features-codec.js';
import { prepareCandidate, type DecidedQuote } from '../pairing/pair-job.js';
import type { WriteSteps } from './write-turns.js';
import { getQuote, listQuotesOfArticle, type QuoteRow } from '../store/quotes.js';
import {
  countPostings,
  estimateIndexedQuotes,
  getPair,
  getPairingQuotes,
  insertQuoteTerms,
  listPairReviewsOfArticle,
  readPostings,
  saveQuoteFeatures,
  savePairReview,
  setPairStatus,
  upsertPair,
  type PairingQuoteRow,
  type PairRow,
} from '../store/pairs.js';

/** A quote of the article being analysed, as import holds it. */
export interface HeldQuote {
  id: number;
  text: string;
  kind: string;
  speaker: string | null;
  /** its pairing features when the analysis computed them (analyzeArticleText with `index`) */
  features?: QuoteFeatures;
  /** its index terms, computed with the features */
  terms?: string[];
  /** its features as stored text, when a worker encoded them (src/workers/store-rows.ts) */
  encoded?: string;
}

/** The store's term index as a posting source (pairing ranks the postings). */
export function storeSource(db: Db): PostingSource {
  return {
    size: () => estimateIndexedQuotes(db),
    frequency: (term) => countPostings(db, term),
    postings: (term, excludeArticle, cap) => readPostings(db, term, Number(excludeArticle), cap).map(String),
  };
}

/**
 * Pair a freshly analysed article's quotes against the rest of the corpus,
 * store their features and index them. Cost: its own quotes × a bounded
 * number of candidates.
 */
export function pairStoredArticle(
  db: Db,
  articleId: number,
  quotes: HeldQuote[],
  vectors: WordVectors | undefined,
): number {
  const rejected = rejectedPairsOf(db, articleId);
  // the index does not change until the article's quotes are indexed, after the loop
  const source = rememberPostings(storeSource(db));
  const indexed: { id: number; terms: string[] }[] = [];
  let stored = 0;
  for (const q of quotes) {
    if (!canPair(q.kind)) continue;
    const entry = prepareForPairing(
      { id: String(q.id), article: String(articleId), text: q.text, speaker: q.speaker, kind: q.kind },
      vectors,
      featuresCarried(q, vectors),
    );
    const ids = rankCandidates(source, entry.terms, String(articleId)).map(Number);
    const candidates = getPairingQuotes(db, ids).map((row) => prepareCandidate(row, vectors));
    const byId = new Map(candidates.map((c) => [c.quote.id, c]));
    for (const p of pairQuote(entry, candidates)) {
      const other = byId.get(p.a)!;
      const earlier = { id: Number(p.a), articleId: Number(other.quote.article), text: other.quote.text };
      if (storePair(db, rejected, earlier, { id: q.id, articleId, text: q.text }, p)) stored += 1;
    }
    saveQuoteFeatures(db, q.id, encodeQuoteFeatures(entry.features));
    indexed.push({ id: q.id, terms: entry.terms });
  }
  // indexed after the look-ups: an article never pairs with itself, and its own
  // postings, read and skipped by every later quote of the same article, made a
  // long article's pairing grow with the square of its quotes
  for (const { id, terms } of indexed) insertQuoteTerms(db, id, terms);
  restoreReviewedPairs(db, articleId, vectors);
  return stored;
}

/**
 * Store the pairs decided beforehand (src/corpus/pairing-plan.ts, scored in a
 * worker) for a new article's quotes, then index the quotes as
 * pairStoredArticle does; as steps, yielding between quotes. `quotes[i]` is the stored quote of index i. Run in
 * the write transaction, after checking the corpus has not moved since the
 * candidates were read.
 */
export function* storeDecidedPairSteps(
  db: Db,
  articleId: number,
  quotes: HeldQuote[],
  decided: DecidedQuote[],
  vectors: WordVectors | undefined,
): WriteSteps<number> {
  const rejected = rejectedPairsOf(db, articleId);
  const byIndex = new Map(decided.map((d) => [d.index, d.pairs]));
  let stored = 0;
  for (const [i, q] of quotes.entries()) {
    if (!canPair(q.kind)) continue;
    const pairs = byIndex.get(i) ?? [];
    const candidates = pairs.length
      ? getPairingQuotes(
          db,
          pairs.map((p) => Number(p.a)),
        )
      : [];
    const articleOf = new Map(candidates.map((c) => [c.id, c]));
    for (const p of pairs) {
      const other = articleOf.get(Number(p.a));
      if (other && storePair(db, rejected, other, { id: q.id, articleId, text: q.text }, p)) stored += 1;
    }
    // the features and terms prepared with the analysis (in a worker) leave only the inserts to this transaction
    if (q.encoded !== undefined && q.terms) {
      saveQuoteFeatures(db, q.id, q.encoded);
      insertQuoteTerms(db, q.id, q.terms);
      yield;
      continue;
    }
    const entry = prepareForPairing(
      { id: String(q.id), article: String(articleId), text: q.text, speaker: q.speaker, kind: q.kind },
      vectors,
      q.features,
    );
    saveQuoteFeatures(db, q.id, encodeQuoteFeatures(entry.features));
    insertQuoteTerms(db, q.id, entry.terms);
    yield;
  }
  restoreReviewedPairs(db, articleId, vectors);
  return stored;
}

/** The review keys of the pairs reviewers rejected around an article: never suggested again. */
function rejectedPairsOf(db: Db, articleId: number): Set<string> {
  return new Set(
    listPairReviewsOfArticle(db, articleId)
      .filter((r) => r.status === 'rejected')
      .map((r) => reviewKey(r.articleA, r.textA, r.articleB, r.textB)),
  );
}

interface StoredSide {
  id: number;
  articleId: number;
  text: string;
}

/** Store one decided pair of an earlier stored quote and a new one, unless a reviewer rejected it; true when stored. */
function storePair(db: Db, rejected: Set<string>, earlier: StoredSide, later: StoredSide, p: PairSuggestion): boolean {
  if (rejected.has(reviewKey(earlier.articleId, earlier.text, later.articleId, later.text))) return false;
  upsertPair(db, {
    quoteA: earlier.id,
    quoteB: later.id,
    score: p.score,
    relation: p.relation,
    reasons: p.reasons,
    alterations: p.alterations,
  });
  return true;
}

/** Features of a stored quote: stored ones when there are, else prepared now. */
function featuresOf(db: Db, q: QuoteRow, vectors: WordVectors | undefined): QuoteFeatures {
  const row = getPairingQuotes(db, [q.id])[0];
  return row?.features ? decodeQuoteFeatures(q.text, row.features, vectors) : prepareQuote(q.text, vectors);
}

/** Decide a reviewed, restored or hand-linked pair of stored quotes (the reviewer's status stands whatever the score). */
export function decideStored(db: Db, a: QuoteRow, b: QuoteRow, vectors: WordVectors | undefined) {
  return decidePairInContext(
    featuresOf(db, a, vectors),
    featuresOf(db, b, vectors),
    matchSpeakers(a.speaker ?? a.speakerName, b.speaker ?? b.speakerName),
  );
}

/** Review key independent of order. */
function reviewKey(articleA: number, textA: string, articleB: number, textB: string): string {
  const x = `${articleA}\u0000${textA}`;
  const y = `${articleB}\u0000${textB}`;
  return x < y ? `${x}\u0001${y}` : `${y}\u0001${x}`;
}

/** Find the quote of an article with these words, nearest to where it was. */
function findQuoteByText(db: Db, articleId: number, text: string, near: number): QuoteRow | undefined {
  const candidates = listQuotesOfArticle(db, articleId).filter((q) => q.text === text);
  return candidates.sort((a, b) => Math.abs(a.start - near) - Math.abs(b.start - near))[0];
}

/** Re-apply confirmations and reviewer-made links after re-analysis. */
function restoreReviewedPairs(db: Db, articleId: number, vectors: WordVectors | undefined): void {
  for (const r of listPairReviewsOfArticle(db, articleId)) {
    if (r.status !== 'confirmed') continue;
    const a = findQuoteByText(db, r.articleA, r.textA, r.startA);
    const b = findQuoteByText(db, r.articleB, r.textB, r.startB);
    if (!a || !b) continue;
    const s = decideStored(db, a, b, vectors);
    upsertPair(db, {
      quoteA: a.id,
      quoteB: b.id,
      score: s.score,
      relation: s.relation,
      reasons: s.reasons,
      alterations: s.alterations,
      status: 'confirmed',
      origin: r.origin,
    });
  }
}

/** Confirm or reject a pair; the decision is kept by the words so it survives re-analysis. */
export function reviewPair(db: Db, pairId: number, status: 'confirmed' | 'rejected'): PairRow | undefined {
  return db
    .transaction(() => {
      const pair = getPair(db, pairId);
      if (!pair) return undefined;
      const a = getQuote(db, pair.quoteA)!;
      const b = getQuote(db, pair.quoteB)!;
      setPairStatus(db, pairId, status);
      savePairReview(db, {
        articleA: a.articleId,
        startA: a.start,
        textA: a.text,
        articleB: b.articleId,
        startB: b.start,
        textB: b.text,
        status,
        origin: pair.origin,
      });
      return getPair(db, pairId);
    })
    .immediate();
}

/** Link two quotes by hand (a reviewer saw what pairing missed). */
export function linkQuotes(
  db: Db,
  quoteIdA: number,
  quoteIdB: number,
  vectors: WordVectors | undefined,
): PairRow | { error: string } {
  return db
    .transaction(() => {
      const a = getQuote(db, quoteIdA);
      const b = getQuote(db, quoteIdB);
      if (!a || !b) return { error: 'link: both quotes must exist' };
      if (a.articleId === b.articleId) return { error: 'link: the quotes must be in different articles' };
      const s = decideStored(db, a, b, vectors);
      const id = upsertPair(db, {
        quoteA: a.id,
        quoteB: b.id,
        score: s.score,
        relation: s.relation,
        reasons: ['linked by a reviewer', ...s.reasons],
        alterations: s.alterations,
        status: 'confirmed',
        origin: 'reviewer',
      });
      savePairReview(db, {
        articleA: a.articleId,
        startA: a.start,
        textA: a.text,
        articleB: b.articleId,
        startB: b.start,
        textB: b.text,
        status: 'confirmed',
        origin: 'reviewer',
      });
      return getPair(db, id)!;
    })
    .immediate();
}
