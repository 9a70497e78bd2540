/** SQL for quotes. */
import { prepared, type Db } from '../db.js';
import type { QuoteKind } from '../quotes/quote.js';

/** A stored quote. */
export interface QuoteRow {
  id: number;
  articleId: number;
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  speakerId: number | null;
  /** the speaker entity's display name */
  speaker: string | null;
  /** the name resolved in this article */
  speakerName: string | null;
  speakerMention: string | null;
  cue: string | null;
  outlet: string | null;
  group: number | null;
}

/** A quote with its article's metadata, for cross-article lists. */
export interface QuoteWithArticle extends QuoteRow {
  articleTitle: string;
  articleOutlet: string | null;
  articlePublished: string | null;
}

export type NewQuote = Omit<QuoteRow, 'id' | 'speaker'>;

const columns = `q.id, q.article_id AS articleId, q.start, q.end, q.text, q.kind, q.speaker_id AS speakerId,
  s.name AS speaker, q.speaker_name AS speakerName, q.speaker_mention AS speakerMention, q.cue, q.outlet, q.grp AS "group"`;

/** Insert a quote, returning its id. */
export function insertQuote(db: Db, q: NewQuote): number {
  return Number(
    prepared(
      db,
      `INSERT INTO quotes (article_id, start, end, text, kind, speaker_id, speaker_name, speaker_mention, cue, outlet, grp)
         VALUES (@articleId, @start, @end, @text, @kind, @speakerId, @speakerName, @speakerMention, @cue, @outlet, @group)`,
    ).run(q).lastInsertRowid,
  );
}

/** The quotes of an article in text order. */
export function listQuotesOfArticle(db: Db, articleId: number): QuoteRow[] {
  return prepared(
    db,
    `SELECT ${columns} FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.article_id = ? ORDER BY q.start`,
  ).all(articleId) as QuoteRow[];
}

/** One quote. */
export function getQuote(db: Db, id: number): QuoteRow | undefined {
  return prepared(db, `SELECT ${columns} FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.id = ?`).get(
    id,
  ) as QuoteRow | undefined;
}

/** Several quotes with their articles, by id. */
export function getQuotesWithArticles(db: Db, ids: number[]): QuoteWithArticle[] {
  if (ids.length === 0) return [];
  return prepared(
    db,
    `SELECT ${columns}, a.title AS articleTitle, a.outlet AS articleOutlet, a.published AS articlePublished
       FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
       WHERE q.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as QuoteWithArticle[];
}

/** All quotes of a speaker across articles, by article date. */
export function listQuotesOfSpeaker(db: Db, speakerId: number): QuoteWithArticle[] {
  return prepared(
    db,
    `SELECT ${columns}, a.title AS articleTitle, a.outlet AS articleOutlet, a.published AS articlePublished
       FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
       WHERE q.speaker_id = ? ORDER BY (a.published IS NULL), a.published, a.id, q.start`,
  ).all(speakerId) as QuoteWithArticle[];
}

/** Set a quote's speaker: the entity and the name given in this article. */
export function setQuoteSpeaker(db: Db, id: number, speakerId: number | null, speakerName: string | null): void {
  prepared(db, 'UPDATE quotes SET speaker_id = ?, speaker_name = ? WHERE id = ?').run(speakerId, speakerName, id);
}

/** Remove an article's quotes (before analysing it again). */
export function deleteQuotesOfArticle(db: Db, articleId: number): void {
  prepared(db, 'DELETE FROM quotes WHERE article_id = ?').run(articleId);
}

/** Quote counts by kind for an article. */
export function countQuotesByKind(db: Db, articleId: number): Record<string, number> {
  const rows = prepared(db, 'SELECT kind, count(*) AS n FROM quotes WHERE article_id = ? GROUP BY kind').all(
    articleId,
  ) as { kind: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}
