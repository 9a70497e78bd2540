/**
 * A reviewer assigns or corrects the speaker of a quote. The decision is kept
 * by the article and the quote's words, and applied again whenever the
 * article is analysed (re-analysis, text replacement), as pair reviews are.
 */
import type { Db } from '../db.js';
import { listQuoteSpeakerReviews, saveQuoteSpeakerReview } from '../store/quote-speakers.js';
import { getQuote, listQuotesOfArticle, setQuoteSpeaker, type QuoteRow } from '../store/quotes.js';
import { deleteUnquotedSpeakers } from '../store/speakers.js';
import { resolveSpeaker } from './speakers.js';

/** Give quote `quoteId` the speaker `name`; undefined when there is no such quote. */
export function assignQuoteSpeaker(db: Db, quoteId: number, name: string, userId: number | null): QuoteRow | undefined {
  return db.transaction(() => {
    const quote = getQuote(db, quoteId);
    if (!quote) return undefined;
    saveQuoteSpeakerReview(db, {
      articleId: quote.articleId,
      text: quote.text,
      start: quote.start,
      speaker: name,
      userId,
    });
    // every part of the quotation that is the same words keeps the one decision
    setQuoteSpeaker(db, quote.id, resolveSpeaker(db, name), name);
    deleteUnquotedSpeakers(db);
    return getQuote(db, quote.id);
  })();
}

/**
 * Apply reviewers' speakers to an article's freshly stored quotes: each
 * decision goes to the quote with the same words (the nearest to where it
 * stood when several have them). Run inside the analysis transaction.
 * Returns the reviewed speaker by quote id, so that pairing uses it too.
 */
export function applyQuoteSpeakerReviews(db: Db, articleId: number): Map<number, string> {
  const applied = new Map<number, string>();
  const reviews = listQuoteSpeakerReviews(db, articleId);
  if (reviews.length === 0) return applied;
  const quotes = listQuotesOfArticle(db, articleId);
  for (const r of reviews) {
    let best: QuoteRow | undefined;
    for (const q of quotes)
      if (q.text === r.text && (!best || Math.abs(q.start - r.start) < Math.abs(best.start - r.start))) best = q;
    if (best) {
      setQuoteSpeaker(db, best.id, resolveSpeaker(db, r.speaker), r.speaker);
      applied.set(best.id, r.speaker);
    }
  }
  return applied;
}
