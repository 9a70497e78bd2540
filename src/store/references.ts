/** SQL for reference versions: primary-source articles and versions marked as a statement's reference. */
import { prepared, type Db } from '../db.js';

/** What an article is: a retelling (the default) or a primary source. */
export type ArticleKind = 'article' | 'primary-source';

/** A version marked as the reference of its statement. */
export interface ReferenceMark {
  articleId: number;
  start: number;
  text: string;
  setAt: string;
}

/** An article's kind. */
export function getArticleKind(db: Db, articleId: number): ArticleKind {
  const r = prepared(db, 'SELECT kind FROM article_kinds WHERE article_id = ?').get(articleId) as
    { kind: ArticleKind } | undefined;
  return r?.kind ?? 'article';
}

/** The primary-source articles among these ids. */
export function listPrimarySources(db: Db, articleIds: number[]): Set<number> {
  if (articleIds.length === 0) return new Set();
  const rows = prepared(
    db,
    'SELECT article_id AS id FROM article_kinds WHERE kind = ? AND article_id IN (SELECT value FROM json_each(?))',
  ).all('primary-source', JSON.stringify(articleIds)) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** Set an article's kind. */
export function setArticleKind(db: Db, articleId: number, kind: ArticleKind, userId: number | null): void {
  if (kind === 'article') prepared(db, 'DELETE FROM article_kinds WHERE article_id = ?').run(articleId);
  else
    prepared(
      db,
      'INSERT INTO article_kinds (article_id, kind, set_by) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET kind = excluded.kind, set_by = excluded.set_by',
    ).run(articleId, kind, userId);
}

/** Reference marks on quotes of these articles. */
export function listReferenceMarks(db: Db, articleIds: number[]): ReferenceMark[] {
  if (articleIds.length === 0) return [];
  return prepared(
    db,
    'SELECT article_id AS articleId, start, text, set_at AS setAt FROM statement_references WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY set_at DESC',
  ).all(JSON.stringify(articleIds)) as ReferenceMark[];
}

/** Mark a version as a reference. */
export function insertReferenceMark(
  db: Db,
  m: { articleId: number; start: number; text: string },
  userId: number | null,
): void {
  prepared(
    db,
    'INSERT INTO statement_references (article_id, start, text, set_by) VALUES (?, ?, ?, ?) ON CONFLICT (article_id, text) DO UPDATE SET start = excluded.start, set_by = excluded.set_by, set_at = excluded.set_at',
  ).run(m.articleId, m.start, m.text, userId);
}

/** Remove the mark of a version. */
export function deleteReferenceMark(db: Db, articleId: number, text: string): void {
  prepared(db, 'DELETE FROM statement_references WHERE article_id = ? AND text = ?').run(articleId, text);
}
