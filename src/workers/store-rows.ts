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
import { encodeQuoteFeatures } from '../pairing/features-codec.js';

/** Rows prepared for the store: the text's hash, and per quote (same order) its encoded pairing features. */
export interface StoreRows {
  textHash: string;
  features: (string | null)[];
}

/** An article's analysis as the store takes it: with its rows when a worker prepared them. */
export interface StoredAnalysis extends Analysed {
  rows?: StoreRows;
}

/** Prepare the rows of an analysis (in the worker that made it). */
export function prepareStoreRows(analysis: Analysed): StoreRows {
  return {
    textHash: hashText(analysis.text),
    features: analysis.quotes.map((_, i) => {
      const entry = analysis.index?.[i];
      return entry ? encodeQuoteFeatures(entry.features) : null;
    }),
  };
}

/** The hash of an analysed text: the one prepared with it, else computed now. */
export function textHashOf(analysis: StoredAnalysis): string {
  return analysis.rows?.textHash ?? hashText(analysis.text);
}
