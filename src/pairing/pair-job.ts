/**
 * pairing: the scoring half of pairing one new article, as plain data in and
 * out, so it can run in a worker thread. The store reads each quote's
 * candidates (src/corpus/pairing-plan.ts); this decides them. Pure.
 */
import type { WordVectors } from '../vectors/table.js';
import { decodeQuoteFeatures, featuresCarried } from './features-codec.js';
import { prepareQuote, type QuoteFeatures } from './features.js';
import { pairQuote, prepareForPairing, type PreparedQuote } from './pair-quote.js';
import type { PairingQuote, PairSuggestion } from './index.js';

/** A stored quote as a candidate: its words, and its stored features (text of features-codec) when it has them. */
export interface CandidateQuote {
  id: number;
  articleId: number;
  text: string;
  kind: string;
  speaker: string | null;
  features: string | null;
}

/** One quote of the new article with the candidates the index found for it. */
export interface PlannedQuote {
  /** the quote's place among its article's quotes */
  index: number;
  text: string;
  kind: string;
  speaker: string | null;
  /** its features, or `encoded` (features-codec text), which is cheaper to send to a worker */
  features?: QuoteFeatures;
  encoded?: string;
  candidates: CandidateQuote[];
}

/** The pairs one planned quote makes: `a` is the candidate's id, `b` the quote's index. */
export interface DecidedQuote {
  index: number;
  pairs: PairSuggestion[];
  /** the ids of the candidates decided, paired or not */
  tried: number[];
}

/** Decoded candidates kept between articles: a quote is a candidate of many later quotes. */
const DECODED_KEPT = 20_000;
const decoded = new Map<number, { row: CandidateQuote; prepared: PreparedQuote }>();
let decodedWith: WordVectors | undefined;

/** Is the stored row the one a quote was prepared from (every field it was prepared from the same)? */
const isSameRow = (x: CandidateQuote, y: CandidateQuote) =>
  x.articleId === y.articleId &&
  x.kind === y.kind &&
  x.speaker === y.speaker &&
  x.text === y.text &&
  x.features === y.features;

/**
 * A stored quote prepared for pairing, from its stored features when it has
 * them. The same stored quote comes back as a candidate article after
 * article; decoding its features (JSON and a vector look-up per word) was a
 * large share of import time, so the prepared quote is kept by its id with
 * the row it came from, and used again while the row is the same (a bounded
 * memo, emptied when the vector table changes). Comparing the row's strings
 * costs less than hashing them into a key. Prepared quotes are never changed
 * by pairing.
 */
export function prepareCandidate(row: CandidateQuote, vectors: WordVectors | undefined): PreparedQuote {
  if (!row.features) return prepareFresh(row, vectors);
  if (decodedWith !== vectors) {
    decoded.clear();
    decodedWith = vectors;
  }
  const hit = decoded.get(row.id);
  if (hit && isSameRow(hit.row, row)) return hit.prepared;
  const prepared = prepareFresh(row, vectors);
  if (!hit && decoded.size >= DECODED_KEPT) decoded.delete(decoded.keys().next().value as number);
  decoded.set(row.id, { row, prepared });
  return prepared;
}

function prepareFresh(row: CandidateQuote, vectors: WordVectors | undefined): PreparedQuote {
  const quote: PairingQuote = {
    id: String(row.id),
    article: String(row.articleId),
    text: row.text,
    speaker: row.speaker,
    kind: row.kind,
  };
  const features = row.features
    ? decodeQuoteFeatures(row.text, row.features, vectors)
    : prepareQuote(row.text, vectors);
  return prepareForPairing(quote, vectors, features);
}

/** Decide every planned quote against its candidates. The new article is not stored yet, so it has no id here. */
export function decidePlannedQuotes(quotes: PlannedQuote[], vectors: WordVectors | undefined): DecidedQuote[] {
  return quotes.map((q) => {
    const entry = prepareForPairing(
      { id: String(q.index), article: 'new', text: q.text, speaker: q.speaker, kind: q.kind },
      vectors,
      featuresCarried(q, vectors),
    );
    return {
      index: q.index,
      pairs: pairQuote(
        entry,
        q.candidates.map((c) => prepareCandidate(c, vectors)),
      ),
      tried: q.candidates.map((c) => c.id),
    };
  });
}
