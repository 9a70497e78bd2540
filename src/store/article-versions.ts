/** SQL for article versions: the texts an article had before its current one. */
import { prepared, type Db } from '../db.js';
import type { Furniture } from '../ingest/index.js';
import type { ArticleSummary } from './articles.js';

/** A quote as it was found in a superseded text (kept with the version, since the live quotes follow the newest text). */
export interface VersionQuote {
  start: number;
  end: number;
  text: string;
  kind: string;
  speaker: string | null;
  cue: string | null;
}

/** How a newer text replaced a version. */
export type SupersededBy = 'replace' | 'reimport' | 'merge';

/** A superseded text of an article. */
export interface ArticleVersionRow {
  articleId: number;
  number: number;
  format: string;
  original: string;
  text: string;
  textHash: string;
  furniture: Furniture[];
  wordCount: number;
  quotes: VersionQuote[];
  storedAt: string;
  supersededAt: string;
  supersededBy: SupersededBy;
}

/** A version in a list (no texts). */
export type ArticleVersionSummary = Pick<
  ArticleVersionRow,
  'number' | 'format' | 'wordCount' | 'storedAt' | 'supersededAt' | 'supersededBy'
>;

const columns = `article_id AS articleId, number, format, original, text, text_hash AS textHash, furniture,
  word_count AS wordCount, quotes, stored_at AS storedAt, superseded_at AS supersededAt, superseded_by AS supersededBy`;

/** Keep a superseded text as the article's next version number; returns that number. */
export function insertArticleVersion(db: Db, v: Omit<ArticleVersionRow, 'number'>): number {
  const { n } = prepared(db, 'SELECT coalesce(max(number), 0) + 1 AS n FROM article_versions WHERE article_id = ?').get(
    v.articleId,
  ) as { n: number };
  prepared(
    db,
    `INSERT INTO article_versions (article_id, number, format, original, text, text_hash, furniture, word_count, quotes,
       stored_at, superseded_at, superseded_by)
     VALUES (@articleId, @number, @format, @original, @text, @textHash, @furniture, @wordCount, @quotes, @storedAt,
       @supersededAt, @supersededBy)`,
  ).run({ ...v, number: n, furniture: JSON.stringify(v.furniture), quotes: JSON.stringify(v.quotes) });
  return n;
}

/** The superseded versions of an article, oldest first. */
export function listArticleVersions(db: Db, articleId: number): ArticleVersionSummary[] {
  return prepared(
    db,
    `SELECT number, format, word_count AS wordCount, stored_at AS storedAt, superseded_at AS supersededAt,
       superseded_by AS supersededBy FROM article_versions WHERE article_id = ? ORDER BY number`,
  ).all(articleId) as ArticleVersionSummary[];
}

/** One superseded version, or undefined. */
export function getArticleVersion(db: Db, articleId: number, number: number): ArticleVersionRow | undefined {
  const row = prepared(db, `SELECT ${columns} FROM article_versions WHERE article_id = ? AND number = ?`).get(
    articleId,
    number,
  ) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  return {
    ...(row as unknown as ArticleVersionRow),
    furniture: JSON.parse(row.furniture as string) as Furniture[],
    quotes: JSON.parse(row.quotes as string) as VersionQuote[],
  };
}

/** The article one of whose earlier versions has this text hash (a deleted one too), if any. */
export function findArticleByVersionHash(db: Db, textHash: string): ArticleSummary | undefined {
  return prepared(
    db,
    `SELECT a.id, a.title, a.outlet, a.author, a.published, a.word_count AS wordCount, a.created_at AS createdAt
       FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE v.text_hash = ? LIMIT 1`,
  ).get(textHash) as ArticleSummary | undefined;
}

/** The live article at this address, if any (the most recently added when several share it). */
export function findLiveArticleByUrl(db: Db, url: string): number | undefined {
  const row = prepared(db, 'SELECT id FROM articles WHERE url = ? AND deleted_at IS NULL ORDER BY id DESC LIMIT 1').get(
    url,
  ) as { id: number } | undefined;
  return row?.id;
}

/** Live articles whose length is within the bounds (candidates for a near-duplicate), with their shingle sketches. */
export function listArticleSketchesByLength(
  db: Db,
  minWords: number,
  maxWords: number,
): { id: number; title: string; sketch: number[] | null }[] {
  const rows = prepared(
    db,
    'SELECT id, title, shingle_sketch AS sketch FROM articles WHERE deleted_at IS NULL AND word_count BETWEEN ? AND ? ORDER BY id',
  ).all(minWords, maxWords) as { id: number; title: string; sketch: string | null }[];
  return rows.map((r) => ({ ...r, sketch: r.sketch === null ? null : (JSON.parse(r.sketch) as number[]) }));
}

/** The text of a live article, or undefined. */
export function getArticleTextOnly(db: Db, id: number): string | undefined {
  return (
    prepared(db, 'SELECT text FROM articles WHERE id = ? AND deleted_at IS NULL').get(id) as
      { text: string } | undefined
  )?.text;
}

/** The time the article's current text was stored (its creation when never replaced). */
export function getTextStoredAt(db: Db, articleId: number): string | undefined {
  const row = prepared(db, 'SELECT coalesce(text_stored_at, created_at) AS at FROM articles WHERE id = ?').get(
    articleId,
  ) as { at: string } | undefined;
  return row?.at;
}

/** Record when the article's current text was stored. */
export function setTextStoredAt(db: Db, articleId: number, at: string): void {
  prepared(db, 'UPDATE articles SET text_stored_at = ? WHERE id = ?').run(at, articleId);
}

/** The open "new version of …?" question of an article. */
export interface SimilarArticle {
  id: number;
  title: string;
  share: number;
}

/** Set (or, with null, clear) the article an import nearly duplicates. */
export function setSimilarTo(db: Db, articleId: number, similar: { id: number; share: number } | null): void {
  prepared(db, 'UPDATE articles SET similar_to = ?, similar_share = ? WHERE id = ?').run(
    similar?.id ?? null,
    similar?.share ?? null,
    articleId,
  );
}

/** The live article this one nearly duplicates, while the question is open. */
export function getSimilarTo(db: Db, articleId: number): SimilarArticle | undefined {
  return prepared(
    db,
    `SELECT s.id, s.title, a.similar_share AS share FROM articles a JOIN articles s ON s.id = a.similar_to
       WHERE a.id = ? AND s.deleted_at IS NULL`,
  ).get(articleId) as SimilarArticle | undefined;
}
