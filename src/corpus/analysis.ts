/**
 * Storing the analysis of an article (quotes, speakers, editorial spans) and
 * pairing it with the corpus. Called inside the import transaction, and again
 * when an article's text changes; the analysis itself is the pure
 * analyzeArticleText that `retold analyze` runs too.
 */
import type { Db } from '../db.js';
import { analyzeArticleText } from '../analysis/article.js';
import type { ArticleRow } from '../store/articles.js';
import { deleteQuotesOfArticle, insertQuote } from '../store/quotes.js';
import { deleteEditorialSpansOfArticle, insertEditorialSpan } from '../store/editorial.js';
import { deleteUnquotedSpeakers } from '../store/speakers.js';
import { resolveSpeaker } from './speakers.js';
import { pairStoredArticle } from './pairs.js';
import { loadVectors } from '../vectors/load.js';

/** Analyse a stored article and (re)place its quotes and suggestions. Run inside a transaction. */
export function analyzeStoredArticle(db: Db, article: ArticleRow): void {
  const { quotes, editorial } = analyzeArticleText(article.text);
  deleteQuotesOfArticle(db, article.id);
  deleteEditorialSpansOfArticle(db, article.id);
  for (const q of quotes) {
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
  deleteUnquotedSpeakers(db);
  for (const e of editorial) {
    insertEditorialSpan(db, { articleId: article.id, start: e.start, end: e.end, text: e.text, category: e.category, voice: e.voice });
  }
  // the word-vector table is read once per process (about 10 MB)
  pairStoredArticle(db, article.id, loadVectors());
}
