/**
 * Storing the analysis of an article (quotes, speakers, editorial spans) and
 * pairing it with the corpus. The analysis is the pure analyzeArticleText that
 * `retold analyze` runs too; it is CPU work and runs before the write
 * transaction (or in a worker thread, src/workers), so the write lock is held
 * only for the inserts and the pairing look-ups.
 */
import type { Db } from '../db.js';
import { analyzeArticleText, type ArticleAnalysis } from '../analysis/article.js';
import type { ArticleRow } from '../store/articles.js';
import { deleteQuotesOfArticle, insertQuote } from '../store/quotes.js';
import { deleteEditorialSpansOfArticle, insertEditorialSentence, insertEditorialSpan } from '../store/editorial.js';
import { MIN_EDITORIAL_THRESHOLD, withTrainedModel } from '../editorial/trained-model.js';
import { deleteUnquotedSpeakers } from '../store/speakers.js';
import { resolveSpeaker } from './speakers.js';
import { applyQuoteSpeakerReviews } from './quote-speakers.js';
import { pairStoredArticle, rememberFeatures } from './pairs.js';
import { loadVectors } from '../vectors/load.js';

/** What the store keeps of an article's analysis: plain data, safe to pass between threads. */
export type StoredAnalysis = Omit<ArticleAnalysis, 'nlp'>;

/** Analyse an article's normalized text for the store, pairing features included (no database). */
export function analyzeForStore(text: string): StoredAnalysis {
  // the word-vector table is read once per process (about 10 MB)
  const vectors = loadVectors();
  // every model word a reviewer could choose to see is stored; pages filter by the reviewer's threshold
  const { nlp, ...rest } = analyzeArticleText(text, { index: { vectors }, editorial: withTrainedModel(vectors, MIN_EDITORIAL_THRESHOLD) });
  void nlp; // the NLP reading is large and the store does not keep it
  return rest;
}

/** Store an analysis computed for this article's text and pair it. Run inside a write transaction. */
export function storeArticleAnalysis(db: Db, article: ArticleRow, result: StoredAnalysis): void {
  if (result.text !== article.text) throw new Error(`analysis: the analysis of article ${article.id} was computed for another text`);
  deleteQuotesOfArticle(db, article.id);
  deleteEditorialSpansOfArticle(db, article.id);
  result.quotes.forEach((q, i) => {
    const entry = result.index?.[i];
    if (entry) rememberFeatures(q.text, entry.features);
  });
  for (const q of result.quotes) {
    const speakerId = q.speaker ? resolveSpeaker(db, q.speaker) : null;
    insertQuote(db, {
      articleId: article.id,
      start: q.start,
      end: q.end,
      text: q.text,
      kind: q.kind,
      speakerId,
      speakerName: q.speaker,
      speakerMention: q.speakerMention,
      cue: q.cue,
      outlet: q.outlet,
      group: q.group,
    });
  }
  applyQuoteSpeakerReviews(db, article.id);
  deleteUnquotedSpeakers(db);
  for (const e of result.editorial) {
    insertEditorialSpan(db, { articleId: article.id, start: e.start, end: e.end, text: e.text, category: e.category, voice: e.voice, confidence: e.confidence, learnt: e.rule === 'model' });
  }
  for (const s of result.sentences) insertEditorialSentence(db, article.id, s);
  pairStoredArticle(db, article.id, loadVectors());
}

/** Analyse a stored article and (re)place its quotes and suggestions. Run inside a transaction. */
export function analyzeStoredArticle(db: Db, article: ArticleRow): void {
  storeArticleAnalysis(db, article, analyzeForStore(article.text));
}
