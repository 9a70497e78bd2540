/**
 * SQL for full-text search over articles and quotes (FTS5, Porter stemming;
 * migration 007). Found texts come back cut to their first SCAN_CHARS
 * characters, from which search/snippet builds a bounded snippet: FTS5's own
 * snippet() reads and scores the whole of a long article.
 */
import { prepared, type Db } from '../db.js';
import { SCAN_CHARS } from '../search/snippet.js';
import type { QuoteKind } from '../quotes/quote.js';

/** An article found by search, with the start of its text (`head`, at most SCAN_CHARS characters). */
export interface ArticleHitRow {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  wordCount: number;
  head: string;
}

/** A quote found by search, with its article; `text` is cut to SCAN_CHARS characters. */
export interface QuoteHitRow {
  id: number;
  articleId: number;
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  speakerId: number | null;
  speaker: string | null;
  speakerName: string | null;
  articleTitle: string;
  articleOutlet: string | null;
  articlePublished: string | null;
}

/** Articles matching an FTS5 expression, best first. */
export function matchArticles(db: Db, match: string, limit = 50): ArticleHitRow[] {
  if (!match) return [];
  return prepared(
    db,
    `SELECT a.id, a.title, a.outlet, a.author, a.published, a.word_count AS wordCount,
       substr(a.text, 1, ${SCAN_CHARS}) AS head
     FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
     WHERE articles_fts MATCH ? AND a.deleted_at IS NULL ORDER BY rank LIMIT ?`,
  ).all(match, limit) as ArticleHitRow[];
}

/** Quotes matching an FTS5 expression in their words or their speaker's name, best first. */
export function matchQuotes(db: Db, match: string, limit = 50): QuoteHitRow[] {
  if (!match) return [];
  return prepared(
    db,
    `SELECT q.id, q.article_id AS articleId, q.start, q.end, substr(q.text, 1, ${SCAN_CHARS}) AS text, q.kind, q.speaker_id AS speakerId, s.name AS speaker,
       q.speaker_name AS speakerName, a.title AS articleTitle, a.outlet AS articleOutlet, a.published AS articlePublished
     FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article_id
     LEFT JOIN speakers s ON s.id = q.speaker_id
     WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?`,
  ).all(match, limit) as QuoteHitRow[];
}

/** Every alias of every speaker that has quotes. */
export function listQuotedAliases(db: Db): { speakerId: number; alias: string }[] {
  return prepared(
    db,
    `SELECT speaker_id AS speakerId, alias FROM speaker_aliases
     WHERE speaker_id IN (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)`,
  ).all() as { speakerId: number; alias: string }[];
}
