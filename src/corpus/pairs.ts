/**
 * Pairing inside the store: when an article is analysed, its quotes are looked
 * up in the lemma index (quote_terms) for candidates in other articles, scored,
 * and stored as pairs; then they join the index. Reviewers' decisions are kept
 * by the words of both spans and applied again after every re-analysis.
 */
import type { Db } from '../db.js';
import {
  DEFAULT_INDEX_OPTIONS,
  matchSpeakers,
  PAIR_THRESHOLD,
  prepareStatement,
  scoreFeatures,
  type StatementFeatures,
  type WordVectors,
} from '../pairing/index.js';
import { getQuote, listQuotesOfArticle, type QuoteRow } from '../store/quotes.js';
import {
  findCandidateQuotes,
  getPair,
  insertQuoteTerms,
  listPairReviewsOfArticle,
  savePairReview,
  setPairStatus,
  upsertPair,
  type PairRow,
} from '../store/pairs.js';

/** Quote kinds that never pair: scare quotes mark a word, not a statement. */
const UNPAIRED = new Set(['scare']);

/**
 * Prepared features by statement text. Preparing runs the NLP pipeline, and
 * the same candidate quotes come up again and again while a batch is imported;
 * features depend only on the text (and the one vector table), so they are
 * kept, newest last, up to a bound.
 */
const featureCache = new Map<string, StatementFeatures>();
const FEATURE_CACHE_SIZE = 20_000;

function prepareCached(text: string, vectors: WordVectors | undefined): StatementFeatures {
  const hit = featureCache.get(text);
  if (hit && vectors) {
    featureCache.delete(text);
    featureCache.set(text, hit);
    return hit;
  }
  const features = prepareStatement(text, vectors);
  if (!vectors) return features;
  featureCache.set(text, features);
  if (featureCache.size > FEATURE_CACHE_SIZE) featureCache.delete(featureCache.keys().next().value as string);
  return features;
}

/**
 * Keep features computed elsewhere (before the transaction, or in a worker
 * thread) so pairing does not compute them again on the writing thread.
 */
export function rememberFeatures(text: string, features: StatementFeatures): void {
  featureCache.delete(text);
  featureCache.set(text, features);
  if (featureCache.size > FEATURE_CACHE_SIZE) featureCache.delete(featureCache.keys().next().value as string);
}

/** Index terms of a statement: its weighted content keys. */
function termsOf(features: StatementFeatures): string[] {
  return [...new Set(features.content.filter((w) => w.weight > 0).map((w) => w.key))];
}

/**
 * Pair a freshly analysed article against the rest of the corpus and index
 * its quotes. Cost: its own quotes × a bounded number of candidates.
 */
export function pairStoredArticle(db: Db, articleId: number, vectors: WordVectors | undefined): number {
  const quotes = listQuotesOfArticle(db, articleId).filter((q) => !UNPAIRED.has(q.kind));
  const reviews = listPairReviewsOfArticle(db, articleId);
  const rejected = new Set(reviews.filter((r) => r.status === 'rejected').map((r) => reviewKey(r.articleA, r.textA, r.articleB, r.textB)));
  const featuresOf = (q: QuoteRow) => prepareCached(q.text, vectors);
  let stored = 0;
  const indexed: { id: number; terms: string[] }[] = [];
  for (const q of quotes) {
    const features = featuresOf(q);
    const terms = termsOf(features);
    indexed.push({ id: q.id, terms });
    for (const candidateId of findCandidateQuotes(db, terms, articleId, DEFAULT_INDEX_OPTIONS.postingCap, DEFAULT_INDEX_OPTIONS.candidates)) {
      const other = getQuote(db, candidateId);
      if (!other || UNPAIRED.has(other.kind)) continue;
      if (rejected.has(reviewKey(q.articleId, q.text, other.articleId, other.text))) continue;
      const s = scoreFeatures(featuresOf(other), features, matchSpeakers(other.speaker ?? other.speakerName, q.speaker ?? q.speakerName), PAIR_THRESHOLD);
      if (s.score < PAIR_THRESHOLD) continue;
      upsertPair(db, { quoteA: other.id, quoteB: q.id, score: s.score, relation: s.relation, reasons: s.reasons });
      stored += 1;
    }
  }
  // indexed after the look-ups: an article never pairs with itself, and its own
  // postings, read and skipped by every later quote of the same article, made a
  // long article's pairing grow with the square of its quotes (issue 16)
  for (const { id, terms } of indexed) insertQuoteTerms(db, id, terms);
  restoreReviewedPairs(db, articleId, vectors);
  return stored;
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
    const s = scoreFeatures(prepareCached(a.text, vectors), prepareCached(b.text, vectors), matchSpeakers(a.speaker, b.speaker));
    upsertPair(db, { quoteA: a.id, quoteB: b.id, score: s.score, relation: s.relation, reasons: s.reasons, status: 'confirmed', origin: r.origin });
  }
}

/** Confirm or reject a pair; the decision is kept by the words so it survives re-analysis. */
export function reviewPair(db: Db, pairId: number, status: 'confirmed' | 'rejected'): PairRow | undefined {
  return db.transaction(() => {
    const pair = getPair(db, pairId);
    if (!pair) return undefined;
    const a = getQuote(db, pair.quoteA)!;
    const b = getQuote(db, pair.quoteB)!;
    setPairStatus(db, pairId, status);
    savePairReview(db, { articleA: a.articleId, startA: a.start, textA: a.text, articleB: b.articleId, startB: b.start, textB: b.text, status, origin: pair.origin });
    return getPair(db, pairId);
  }).immediate();
}

/** Link two quotes by hand (a reviewer saw what pairing missed). */
export function linkQuotes(db: Db, quoteIdA: number, quoteIdB: number, vectors: WordVectors | undefined): PairRow | { error: string } {
  return db.transaction(() => {
    const a = getQuote(db, quoteIdA);
    const b = getQuote(db, quoteIdB);
    if (!a || !b) return { error: 'link: both quotes must exist' };
    if (a.articleId === b.articleId) return { error: 'link: the quotes must be in different articles' };
    const s = scoreFeatures(prepareStatement(a.text, vectors), prepareStatement(b.text, vectors), matchSpeakers(a.speaker, b.speaker));
    const id = upsertPair(db, { quoteA: a.id, quoteB: b.id, score: s.score, relation: s.relation, reasons: ['linked by a reviewer', ...s.reasons], status: 'confirmed', origin: 'reviewer' });
    savePairReview(db, { articleA: a.articleId, startA: a.start, textA: a.text, articleB: b.articleId, startB: b.start, textB: b.text, status: 'confirmed', origin: 'reviewer' });
    return getPair(db, id)!;
  }).immediate();
}
