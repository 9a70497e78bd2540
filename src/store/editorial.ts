/** SQL for editorial-language suggestions and the decisions on them. */
import { prepared, type Db } from '../db.js';

/** A stored suggestion, with the reviewer's decision if any. */
export interface EditorialSpanRow {
  id: number;
  articleId: number;
  start: number;
  end: number;
  text: string;
  category: string;
  voice: 'writer' | 'quoted';
  status: 'suggested' | 'accepted' | 'dismissed';
}

export type NewEditorialSpan = Omit<EditorialSpanRow, 'id' | 'status'>;

/** Insert a suggestion. */
export function insertEditorialSpan(db: Db, s: NewEditorialSpan): number {
  return Number(
    prepared(db, 'INSERT INTO editorial_spans (article_id, start, end, text, category, voice) VALUES (@articleId, @start, @end, @text, @category, @voice)')
      .run(s).lastInsertRowid,
  );
}

/** Remove an article's suggestions (decisions stay). */
export function deleteEditorialSpansOfArticle(db: Db, articleId: number): void {
  prepared(db, 'DELETE FROM editorial_spans WHERE article_id = ?').run(articleId);
}

/** An article's suggestions with their decisions, in text order. */
export function listEditorialSpans(db: Db, articleId: number): EditorialSpanRow[] {
  return prepared(db, 
      `SELECT e.id, e.article_id AS articleId, e.start, e.end, e.text, e.category, e.voice, coalesce(d.status, 'suggested') AS status
       FROM editorial_spans e
       LEFT JOIN editorial_decisions d ON d.article_id = e.article_id AND d.category = e.category AND d.text = e.text AND d.start = e.start
       WHERE e.article_id = ? ORDER BY e.start, e.end`,
    )
    .all(articleId) as EditorialSpanRow[];
}

/** One suggestion. */
export function getEditorialSpan(db: Db, id: number): EditorialSpanRow | undefined {
  return prepared(db, 
      `SELECT e.id, e.article_id AS articleId, e.start, e.end, e.text, e.category, e.voice, coalesce(d.status, 'suggested') AS status
       FROM editorial_spans e
       LEFT JOIN editorial_decisions d ON d.article_id = e.article_id AND d.category = e.category AND d.text = e.text AND d.start = e.start
       WHERE e.id = ?`,
    )
    .get(id) as EditorialSpanRow | undefined;
}

/** Record a decision on a suggestion (by its words, so it outlives re-analysis). */
export function decideEditorialSpan(db: Db, span: EditorialSpanRow, status: 'accepted' | 'dismissed'): void {
  prepared(db, 
    `INSERT INTO editorial_decisions (article_id, text, category, start, status) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (article_id, category, text, start) DO UPDATE SET status = excluded.status, decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(span.articleId, span.text, span.category, span.start, status);
}

/** Forget the decision on a suggestion, so it is a suggestion again. */
export function deleteEditorialDecision(db: Db, span: Pick<EditorialSpanRow, 'articleId' | 'category' | 'text' | 'start'>): boolean {
  return prepared(db, 'DELETE FROM editorial_decisions WHERE article_id = ? AND category = ? AND text = ? AND start = ?').run(span.articleId, span.category, span.text, span.start).changes > 0;
}
