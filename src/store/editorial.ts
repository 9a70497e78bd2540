/** SQL for editorial-language suggestions and the decisions on them. */
import { prepared, type Db } from '../db.js';
import { DEFAULT_EDITORIAL_THRESHOLD } from '../editorial/trained-model.js';

/** A stored suggestion, with the reviewer's decision if any. */
export interface EditorialSpanRow {
  id: number;
  articleId: number;
  start: number;
  end: number;
  text: string;
  category: string;
  voice: 'writer' | 'quoted';
  /** the model's confidence, 0 … 1; null when stored without the model */
  confidence: number | null;
  /** 1 when only the model found the span (no lexicon or pattern) */
  learnt: 0 | 1;
  status: 'suggested' | 'accepted' | 'dismissed';
}

export type NewEditorialSpan = Omit<EditorialSpanRow, 'id' | 'status' | 'confidence' | 'learnt'> & {
  confidence?: number | null;
  learnt?: boolean;
};

/** A stored sentence bias score. */
export interface EditorialSentenceRow {
  start: number;
  end: number;
  bias: number;
}

/** Insert a suggestion. */
export function insertEditorialSpan(db: Db, s: NewEditorialSpan): number {
  return Number(
    prepared(
      db,
      'INSERT INTO editorial_spans (article_id, start, end, text, category, voice, confidence, learnt) VALUES (@articleId, @start, @end, @text, @category, @voice, @confidence, @learnt)',
    ).run({ ...s, confidence: s.confidence ?? null, learnt: s.learnt ? 1 : 0 }).lastInsertRowid,
  );
}

/** Remove an article's suggestions (decisions stay). */
export function deleteEditorialSpansOfArticle(db: Db, articleId: number): void {
  prepared(db, 'DELETE FROM editorial_spans WHERE article_id = ?').run(articleId);
  prepared(db, 'DELETE FROM editorial_sentences WHERE article_id = ?').run(articleId);
}

/** Store one sentence's bias score. */
export function insertEditorialSentence(db: Db, articleId: number, s: EditorialSentenceRow): void {
  prepared(db, 'INSERT OR REPLACE INTO editorial_sentences (article_id, start, end, bias) VALUES (?, ?, ?, ?)').run(
    articleId,
    s.start,
    s.end,
    s.bias,
  );
}

/** An article's sentence bias scores, in text order. */
export function listEditorialSentences(db: Db, articleId: number): EditorialSentenceRow[] {
  return prepared(db, 'SELECT start, end, bias FROM editorial_sentences WHERE article_id = ? ORDER BY start').all(
    articleId,
  ) as EditorialSentenceRow[];
}

/** The confidence threshold a user chose for the model's suggestions, if any. */
export function getEditorialThreshold(db: Db, userId: number): number | undefined {
  const row = prepared(db, 'SELECT threshold FROM editorial_preferences WHERE user_id = ?').get(userId) as
    { threshold: number } | undefined;
  return row?.threshold;
}

/** Remember a user's confidence threshold. */
export function setEditorialThreshold(db: Db, userId: number, threshold: number): void {
  prepared(
    db,
    'INSERT INTO editorial_preferences (user_id, threshold) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET threshold = excluded.threshold',
  ).run(userId, threshold);
}

/**
 * An article's suggestions with their decisions, in text order: every rule
 * span, and the model's own words whose confidence reaches `threshold`
 * (default: the app's default threshold).
 */
export function listEditorialSpans(
  db: Db,
  articleId: number,
  threshold = DEFAULT_EDITORIAL_THRESHOLD,
): EditorialSpanRow[] {
  return prepared(
    db,
    `SELECT e.id, e.article_id AS articleId, e.start, e.end, e.text, e.category, e.voice, e.confidence, e.learnt, coalesce(d.status, 'suggested') AS status
       FROM editorial_spans e
       LEFT JOIN editorial_decisions d ON d.article_id = e.article_id AND d.category = e.category AND d.text = e.text AND d.start = e.start
       WHERE e.article_id = ? AND (e.learnt = 0 OR e.confidence >= ?) ORDER BY e.start, e.end`,
  ).all(articleId, threshold) as EditorialSpanRow[];
}

/** One suggestion. */
export function getEditorialSpan(db: Db, id: number): EditorialSpanRow | undefined {
  return prepared(
    db,
    `SELECT e.id, e.article_id AS articleId, e.start, e.end, e.text, e.category, e.voice, e.confidence, e.learnt, coalesce(d.status, 'suggested') AS status
       FROM editorial_spans e
       LEFT JOIN editorial_decisions d ON d.article_id = e.article_id AND d.category = e.category AND d.text = e.text AND d.start = e.start
       WHERE e.id = ?`,
  ).get(id) as EditorialSpanRow | undefined;
}

/** Record a decision on a suggestion (by its words, so it outlives re-analysis). */
export function decideEditorialSpan(db: Db, span: EditorialSpanRow, status: 'accepted' | 'dismissed'): void {
  prepared(
    db,
    `INSERT INTO editorial_decisions (article_id, text, category, start, status) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (article_id, category, text, start) DO UPDATE SET status = excluded.status, decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(span.articleId, span.text, span.category, span.start, status);
}

/** Forget the decision on a suggestion, so it is a suggestion again. */
export function deleteEditorialDecision(
  db: Db,
  span: Pick<EditorialSpanRow, 'articleId' | 'category' | 'text' | 'start'>,
): boolean {
  return (
    prepared(
      db,
      'DELETE FROM editorial_decisions WHERE article_id = ? AND category = ? AND text = ? AND start = ?',
    ).run(span.articleId, span.category, span.text, span.start).changes > 0
  );
}
