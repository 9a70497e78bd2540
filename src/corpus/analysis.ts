/**
 * Storing the analysis of an article (quotes, speakers, editorial spans) and
 * pairing it with the corpus. The analysis is the pure analyzeArticleText that
 * `retold analyze` runs too; it is CPU work and runs before the write
 * transaction (or in a worker thread, src/workers), so the write lock is held
 * only for the inserts and the pairing look-ups.
 */
import type { Db } from '../db.js';
import { analyzeForStore as analyzeTextForStore } from '../analysis/for-store.js';
import type { StoredAnalysis } from '../workers/store-rows.js';
import type { ArticleRow } from '../store/articles.js';
import { deleteQuotesOfArticle, insertQuote } from '../store/quotes.js';
import { deleteEditorialSpansOfArticle, insertEditorialSentence, insertEditorialSpan } from '../store/editorial.js';
import { deleteUnquotedSpeakers } from '../store/speakers.js';
import { resolveSpeaker } from './speakers.js';
import { applyQuoteSpeakerReviews } from './quote-speakers.js';
import { pairStoredArticle, storeDecidedPairSteps, type HeldQuote } from './pairs.js';
import { runSteps, type WriteSteps } from './write-turns.js';
import type { DecidedQuote } from '../pairing/pair-job.js';
import { loadVectors } from '../vectors/load.js';

export type { StoredAnalysis } from '../workers/store-rows.js';

/** Analyse an article's normalized text for the store in this thread, with the word vectors (read once per process). */
export function analyzeForStore(text: string): StoredAnalysis {
  return analyzeTextForStore(text, loadVectors());
}

/**
 * Store an analysis computed for this article's text and pair it (with the
 * pairs `decided` beforehand when given). Run inside a write transaction.
 */
export function storeArticleAnalysis(
  db: Db,
  article: ArticleRow,
  result: StoredAnalysis,
  decided?: DecidedQuote[],
): void {
  runSteps(storeAnalysisSteps(db, article, result, decided));
}

/**
 * storeArticleAnalysis as steps, yielding between rows, so a long article's
 * inserts can share the event loop (src/corpus/write-turns.ts).
 */
export function* storeAnalysisSteps(
  db: Db,
  article: ArticleRow,
  result: StoredAnalysis,
  decided?: DecidedQuote[],
): WriteSteps<void> {
  if (result.text !== article.text)
    throw new Error(`analysis: the analysis of article ${article.id} was computed for another text`);
  deleteQuotesOfArticle(db, article.id);
  deleteEditorialSpansOfArticle(db, article.id);
  const stored: HeldQuote[] = [];
  // a long article names the same few speakers thousands of times: each name is resolved once
  const speakers = new Map<string, number>();
  const speakerOf = (name: string): number => {
    let id = speakers.get(name);
    if (id === undefined) speakers.set(name, (id = resolveSpeaker(db, name)));
    return id;
  };
  for (const [i, q] of result.quotes.entries()) {
    const speakerId = q.speaker ? speakerOf(q.speaker) : null;
    const id = insertQuote(db, {
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
    const entry = result.index?.[i];
    const rows = result.rows?.quotes[i] ?? undefined;
    stored.push({
      id,
      text: q.text,
      kind: q.kind,
      speaker: q.speaker,
      features: entry?.features,
      terms: entry?.terms ?? rows?.terms,
      encoded: rows?.features,
    });
    yield;
  }
  // a reviewer's speaker, not the extracted one, is what pairing compares
  const reviewed = applyQuoteSpeakerReviews(db, article.id);
  for (const q of stored) q.speaker = reviewed.get(q.id) ?? q.speaker;
  deleteUnquotedSpeakers(db);
  for (const e of result.editorial) {
    insertEditorialSpan(db, {
      articleId: article.id,
      start: e.start,
      end: e.end,
      text: e.text,
      category: e.category,
      voice: e.voice,
      confidence: e.confidence,
      learnt: e.rule === 'model',
    });
    yield;
  }
  for (const s of result.sentences) {
    insertEditorialSentence(db, article.id, s);
    yield;
  }
  // pairing works on the quotes and features held here, not on a read-back
  if (decided) yield* storeDecidedPairSteps(db, article.id, stored, decided, loadVectors());
  else pairStoredArticle(db, article.id, stored, loadVectors());
}

/** Analyse a stored article and (re)place its quotes and suggestions. Run inside a transaction. */
export function analyzeStoredArticle(db: Db, article: ArticleRow): void {
  storeArticleAnalysis(db, article, analyzeForStore(article.text));
}
