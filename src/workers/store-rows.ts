/**
 * What the store writes for an article beyond its analysis, computed with the
 * analysis in a worker thread: the text's hash and each quote's pairing
 * features as stored text. Hashing a long text and encoding thousands of
 * quotes' features took seconds of the write transaction on the thread that
 * answers requests (issue 16); with these rows the transaction only inserts.
 * Pure.
 */
import type { StoredAnalysis as Analysed } from '../analysis/for-store.js';
import { hashText } from '../ingest/hash.js';
import { sketchShingles } from '../ingest/shingles.js';
import { encodeQuoteFeatures } from '../pairing/features-codec.js';

/** A quote's pairing rows: its index terms and its features as stored text. */
export interface QuoteRows {
  terms: string[];
  features: string;
}

/** Rows prepared for the store: the text's hash and shingle sketch, and per quote (same order) its pairing rows. */
export interface StoreRows {
  textHash: string;
  sketch: number[];
  quotes: (QuoteRows | null)[];
}

/** An article's analysis as the store takes it: with its rows when a worker prepared them. */
export interface StoredAnalysis extends Analysed {
  rows?: StoreRows;
}

/** Prepare the rows of an analysis (in the worker that made it). */
export function prepareStoreRows(analysis: Analysed): StoreRows {
  return {
    textHash: hashText(analysis.text),
    sketch: sketchShingles(analysis.text),
    quotes: analysis.quotes.map((_, i) => {
      const entry = analysis.index?.[i];
      return entry ? { terms: entry.terms, features: encodeQuoteFeatures(entry.features) } : null;
    }),
  };
}

/**
 * The analysis a worker sends back: its rows instead of the features. The
 * features hold a vector per word; taking them across threads cost the
 * receiving thread 2 s for a 0.5 MB text, against 0.2 s without them, and
 * the rows carry the same as text (decoded again where pairing needs them).
 */
export function readyForStore(analysis: Analysed): StoredAnalysis {
  return { ...analysis, index: undefined, rows: prepareStoreRows(analysis) };
}

/** The hash of an analysed text: the one prepared with it, else computed now. */
export function textHashOf(analysis: StoredAnalysis): string {
  return analysis.rows?.textHash ?? hashText(analysis.text);
}

/** The shingle sketch of an analysed text: the one prepared with it, else made now. */
export function sketchOf(analysis: StoredAnalysis): number[] {
  return analysis.rows?.sketch ?? sketchShingles(analysis.text);
}
