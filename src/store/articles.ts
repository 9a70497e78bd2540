/** SQL for articles. */
import { prepared, type Db } from '../db.js';
import type { ArticleMetadata, Furniture } from '../ingest/index.js';

/** A stored article as the app uses it. */
export interface ArticleRow {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  format: string;
  original: string;
  text: string;
  textHash: string;
  furniture: Furniture[];
  wordCount: number;
  createdAt: string;
  updatedAt: string;
}

/** The list view of an article (no texts). */
export type ArticleSummary = Pick<
  ArticleRow,
  'id' | 'title' | 'outlet' | 'author' | 'published' | 'wordCount' | 'createdAt'
>;

/** What is needed to insert an article. */
export type NewArticle = Omit<ArticleRow, 'id' | 'createdAt' | 'updatedAt'> & Pick<ArticleText, 'sketch'>;

/** The metadata a reviewer may correct: the article's metadata with a title always set, and its address. */
export interface EditableArticleMetadata extends ArticleMetadata {
  title: string;
  url: string | null;
}

const columns = `id, title, outlet, author, published, url, format, original, text, text_hash AS textHash,
  furniture, word_count AS wordCount, created_at AS createdAt, updated_at AS updatedAt`;

function toArticle(row: Record<string, unknown> | undefined): ArticleRow | undefined {
  if (!row) return undefined;
  return { ...(row as unknown as ArticleRow), furniture: JSON.parse(row.furniture as string) as Furniture[] };
}

/** Insert an article, returning its id. */
export function insertArticle(db: Db, a: NewArticle): number {
  const info = prepared(
    db,
    `INSERT INTO articles (title, outlet, author, published, url, format, original, text, text_hash, furniture, word_count,
       shingle_sketch)
       VALUES (@title, @outlet, @author, @published, @url, @format, @original, @text, @textHash, @furniture, @wordCount,
       @sketch)`,
  ).run({ ...a, furniture: JSON.stringify(a.furniture), sketch: a.sketch ? JSON.stringify(a.sketch) : null });
  return Number(info.lastInsertRowid);
}

/** One article by id, or undefined. */
export function getArticle(db: Db, id: number): ArticleRow | undefined {
  return toArticle(
    prepared(db, `SELECT ${columns} FROM articles WHERE id = ? AND deleted_at IS NULL`).get(id) as
      Record<string, unknown> | undefined,
  );
}

/** One article by id even when it is deleted (restoring, the admin's list), with when and by whom it was deleted. */
export function getArticleAnyState(db: Db, id: number): (ArticleRow & { deletedAt: string | null }) | undefined {
  const row = prepared(db, `SELECT ${columns}, deleted_at AS deletedAt FROM articles WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined;
  return row && { ...toArticle(row)!, deletedAt: (row.deletedAt as string | null) ?? null };
}

/** A deleted article as the admin's list shows it. */
export interface DeletedArticle extends ArticleSummary {
  deletedAt: string;
  deletedBy: string | null;
}

/** Deleted articles, most recently deleted first. */
export function listDeletedArticles(db: Db): DeletedArticle[] {
  return prepared(
    db,
    `SELECT a.id, a.title, a.outlet, a.author, a.published, a.word_count AS wordCount, a.created_at AS createdAt,
       a.deleted_at AS deletedAt, u.username AS deletedBy
     FROM articles a LEFT JOIN users u ON u.id = a.deleted_by WHERE a.deleted_at IS NOT NULL ORDER BY a.deleted_at DESC, a.id DESC`,
  ).all() as DeletedArticle[];
}

/** Mark an article deleted (or, with null, restore it); false when nothing changed. */
export function setArticleDeleted(db: Db, id: number, deleted: { at: string; by: number } | null): boolean {
  const sql = deleted
    ? 'UPDATE articles SET deleted_at = @at, deleted_by = @by WHERE id = @id AND deleted_at IS NULL'
    : 'UPDATE articles SET deleted_at = NULL, deleted_by = NULL WHERE id = @id AND deleted_at IS NOT NULL';
  return prepared(db, sql).run({ id, at: deleted?.at ?? null, by: deleted?.by ?? null }).changes > 0;
}

/** Record who deleted or restored an article, and when. */
export function insertArticleHistory(
  db: Db,
  h: { articleId: number; userId: number; action: 'delete' | 'restore'; at: string; reason?: string | null },
): void {
  prepared(db, 'INSERT INTO article_history (article_id, user_id, action, at, reason) VALUES (?, ?, ?, ?, ?)').run(
    h.articleId,
    h.userId,
    h.action,
    h.at,
    h.reason ?? null,
  );
}

/** The article with this normalized-text hash, if any (a deleted one too: the text stays taken until it is restored). */
export function findArticleByHash(db: Db, textHash: string): ArticleSummary | undefined {
  return prepared(
    db,
    `SELECT id, title, outlet, author, published, word_count AS wordCount, created_at AS createdAt FROM articles WHERE text_hash = ?`,
  ).get(textHash) as ArticleSummary | undefined;
}

/** Sort keys of the article list. */
export const articleSorts = {
  title: 'title COLLATE NOCASE',
  outlet: 'outlet COLLATE NOCASE',
  published: 'published',
  words: 'word_count',
  added: 'id',
} as const;
export type ArticleSort = keyof typeof articleSorts;

/** All articles, sorted. Undated/unknown values sort last either way. */
export function listArticles(db: Db, sort: ArticleSort = 'published', dir: 'asc' | 'desc' = 'asc'): ArticleSummary[] {
  const col = articleSorts[sort];
  const order = dir === 'desc' ? 'DESC' : 'ASC';
  return prepared(
    db,
    `SELECT id, title, outlet, author, published, word_count AS wordCount, created_at AS createdAt FROM articles
       WHERE deleted_at IS NULL ORDER BY (${col.split(' ')[0]} IS NULL), ${col} ${order}, id ${order}`,
  ).all() as ArticleSummary[];
}

/** Count of articles, deleted ones included (an empty database is one that never held any). */
export function countArticles(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM articles').get() as { n: number }).n;
}

/** Update the editable metadata. Returns false when the article does not exist. */
export function updateArticleMetadata(db: Db, id: number, m: EditableArticleMetadata): boolean {
  const info = prepared(
    db,
    `UPDATE articles SET title = @title, outlet = @outlet, author = @author, published = @published, url = @url,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id AND deleted_at IS NULL`,
  ).run({ ...m, id });
  return info.changes > 0;
}

/** Delete an article (its quotes, pairs and the rest go with it by foreign keys). */
export function deleteArticle(db: Db, id: number): boolean {
  return prepared(db, 'DELETE FROM articles WHERE id = ?').run(id).changes > 0;
}

/** The text fields that change when a corrected version of an article replaces its text. */
export type ArticleText = Pick<ArticleRow, 'format' | 'original' | 'text' | 'textHash' | 'furniture' | 'wordCount'> & {
  /** the text's shingle sketch (ingest/shingles.ts); without one, near-duplicate checks read the text */
  sketch?: number[];
};

/** Replace an article's text (metadata stays). */
export function updateArticleText(db: Db, id: number, t: ArticleText): boolean {
  return (
    prepared(
      db,
      `UPDATE articles SET format = @format, original = @original, text = @text, text_hash = @textHash, furniture = @furniture,
           word_count = @wordCount, shingle_sketch = @sketch, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = @id AND deleted_at IS NULL`,
    ).run({ ...t, furniture: JSON.stringify(t.furniture), sketch: t.sketch ? JSON.stringify(t.sketch) : null, id })
      .changes > 0
  );
}
