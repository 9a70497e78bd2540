/** SQL for reviewers' speakers of quotes (kept by the quote's words). */
import { prepared, type Db } from '../db.js';

/** A reviewer's speaker for the quote with these words in this article. */
export interface QuoteSpeakerReview {
  articleId: number;
  text: string;
  start: number;
  speaker: string;
  userId: number | null;
}

/** Record (or replace) the speaker a reviewer gave a quote. */
export function saveQuoteSpeakerReview(db: Db, r: QuoteSpeakerReview): void {
  prepared(
    db,
    `INSERT INTO quote_speaker_reviews (article_id, text, start, speaker, user_id) VALUES (@articleId, @text, @start, @speaker, @userId)
     ON CONFLICT (article_id, text) DO UPDATE SET start = excluded.start, speaker = excluded.speaker, user_id = excluded.user_id,
       reviewed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(r);
}

/** The speakers reviewers gave an article's quotes. */
export function listQuoteSpeakerReviews(db: Db, articleId: number): QuoteSpeakerReview[] {
  return prepared(
    db,
    'SELECT article_id AS articleId, text, start, speaker, user_id AS userId FROM quote_speaker_reviews WHERE article_id = ?',
  ).all(articleId) as QuoteSpeakerReview[];
}
