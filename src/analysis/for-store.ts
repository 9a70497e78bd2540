/**
 * analysis: what the store keeps of one article's analysis — the per-article
 * pipeline with the pairing features of every quote, without the NLP reading
 * (large, and not kept). Plain data, so it can cross from a worker thread.
 */
import { analyzeArticleText, type ArticleAnalysis } from './article.js';
import type { WordVectors } from '../pairing/index.js';
import { MIN_EDITORIAL_THRESHOLD, withTrainedModel } from '../editorial/trained-model.js';

/** The analysis the store keeps. */
export type StoredAnalysis = Omit<ArticleAnalysis, 'nlp'>;

/** Analyse an article's normalized text for the store, pairing features included. */
export function analyzeForStore(text: string, vectors: WordVectors): StoredAnalysis {
  // every model word a reviewer could choose to see is stored; pages filter by the reviewer's threshold
  const { nlp, ...rest } = analyzeArticleText(text, {
    index: { vectors },
    editorial: withTrainedModel(vectors, MIN_EDITORIAL_THRESHOLD),
  });
  void nlp; // dropped: the store does not keep the NLP reading
  return rest;
}
