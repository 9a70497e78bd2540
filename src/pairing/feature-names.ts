/**
 * pairing: the names of the features of two quotes (pair-features.ts), in the
 * order of the vector the model sees, in a module of their own so the model,
 * the bound and the features can all import them without an import cycle.
 */

/** Names of the features, in the order of the vector (the weights file lists them too). */
export const FEATURE_NAMES: string[] = [
  'soft-f1',
  'soft-recall',
  'soft-precision',
  'lexical-f1',
  'evidence',
  'words-only-names',
  'unigram-recall',
  'unigram-precision',
  'bigram-f1',
  'trigram-f1',
  'lemma-min-coverage',
  'lemma-max-coverage',
  'length-ratio',
  'window-share',
  'quote-cosine',
  'names-unmatched',
  'values-unmatched',
  'surface-verbatim',
  'surface-near-verbatim',
  'surface-trimmed',
  'same-speaker',
  'different-speakers',
  'unmatched-short',
  'unmatched-long',
  'length-difference',
  'in-order-share',
  'word-edit-ratio',
  'precision-whole',
  'word-jaccard',
  'bigram-recall',
  'bigram-precision',
  'aligned-score',
  'same-speaker-aligned',
  'same-speaker-recall',
];

/** Matched weight at which a quote is long enough to trust its F1 fully. */
export const EVIDENCE_HALF = 1.5;
