/** SQL for annotations and their history. */
import type { TextAnchor } from '../annotations/anchor.js';
import type { Db } from '../db.js';

export type AnnotationStatus = 'active' | 'orphaned' | 'deleted';
export type HistoryAction = 'create' | 'update' | 'delete' | 'reanchor' | 'orphan';

/** A span of an article's normalized text, anchored by position and by quote. */
export interface AnchoredSpan extends TextAnchor {
  articleId: number;
}

/** A stored annotation, with the names the pages need. */
export interface AnnotationRow extends AnchoredSpan {
  id: number;
  /** Stable public id (exports use `urn:uuid:<uuid>`). */
  uuid: string;
  tagId: string | null;
  tagLabel: string | null;
  tagFamily: string | null;
  note: string | null;
  /** For a note on a pair as a whole: the span in the other article. */
  other: AnchoredSpan | null;
  creatorId: number;
  creatorName: string;
  status: AnnotationStatus;
  /** ISO 8601 UTC with Z. */
  createdAt: string;
  modifiedAt: string;
  /** For an annotation imported from another instance: who wrote it there and when (provenance only). */
  imported: ImportProvenance | null;
  articleTitle: string;
  articleOutlet: string | null;
}

/** Who wrote an imported annotation in the instance it came from, and when (as the file says). */
export interface ImportProvenance {
  author: string | null;
  createdAt: string | null;
}

/** What is stored for a new annotation. */
export interface NewAnnotation extends AnchoredSpan {
  uuid: string;
  tagId: string | null;
  note: string | null;
  other: AnchoredSpan | null;
  creatorId: number;
  status: AnnotationStatus;
  createdAt: string;
  imported?: ImportProvenance | null;
}

/** The fields a change may set. */
export interface AnnotationChange extends TextAnchor {
  tagId: string | null;
  note: string | null;
  other: AnchoredSpan | null;
  status: AnnotationStatus;
  modifiedAt: string;
}

/** Filters of the annotation list; all optional. */
export interface AnnotationFilters {
  articleId?: number;
  /** Annotations on this article as the main or the other span. */
  involvingArticleId?: number;
  tagId?: string;
  creatorId?: number;
  /** Creator's user name (case-insensitive). */
  creatorName?: string;
  /** Created on or after (ISO date or date-time). */
  from?: string;
  /** Created on or before (ISO date: the whole day counts). */
  to?: string;
  /** One status, or 'all'; by default everything but deleted. */
  status?: AnnotationStatus | 'all';
  limit?: number;
}

/** One entry of an annotation's history. */
export interface HistoryRow {
  id: number;
  annotationId: number;
  userId: number | null;
  username: string | null;
  action: HistoryAction;
  at: string;
  before: unknown;
  after: unknown;
}

const select = `SELECT a.id, a.uuid, a.article_id AS articleId, a.start, a.end, a.exact, a.prefix, a.suffix,
  a.tag_id AS tagId, t.label AS tagLabel, t.family AS tagFamily, a.note,
  a.other_article_id AS otherArticleId, a.other_start AS otherStart, a.other_end AS otherEnd,
  a.other_exact AS otherExact, a.other_prefix AS otherPrefix, a.other_suffix AS otherSuffix,
  a.creator_id AS creatorId, u.username AS creatorName, a.status, a.created_at AS createdAt, a.modified_at AS modifiedAt,
  a.imported_author AS importedAuthor, a.imported_created_at AS importedCreatedAt,
  ar.title AS articleTitle, ar.outlet AS articleOutlet
  FROM annotations a
  JOIN users u ON u.id = a.creator_id
  JOIN articles ar ON ar.id = a.article_id
  LEFT JOIN tags t ON t.id = a.tag_id`;

function toAnnotation(r: Record<string, unknown> | undefined): AnnotationRow | undefined {
  if (!r) return undefined;
  const {
    otherArticleId,
    otherStart,
    otherEnd,
    otherExact,
    otherPrefix,
    otherSuffix,
    importedAuthor,
    importedCreatedAt,
    ...rest
  } = r;
  const imported =
    importedAuthor == null && importedCreatedAt == null
      ? null
      : { author: (importedAuthor as string | null) ?? null, createdAt: (importedCreatedAt as string | null) ?? null };
  const other =
    otherArticleId == null
      ? null
      : {
          articleId: otherArticleId as number,
          start: otherStart as number,
          end: otherEnd as number,
          exact: otherExact as string,
          prefix: (otherPrefix as string | null) ?? '',
          suffix: (otherSuffix as string | null) ?? '',
        };
  return { ...(rest as unknown as Omit<AnnotationRow, 'other' | 'imported'>), other, imported };
}

function otherParams(o: AnchoredSpan | null) {
  return {
    otherArticleId: o?.articleId ?? null,
    otherStart: o?.start ?? null,
    otherEnd: o?.end ?? null,
    otherExact: o?.exact ?? null,
    otherPrefix: o?.prefix ?? null,
    otherSuffix: o?.suffix ?? null,
  };
}

/** Insert an annotation; returns its id. */
export function insertAnnotation(db: Db, a: NewAnnotation): number {
  const info = db
    .prepare(
      `INSERT INTO annotations (uuid, article_id, start, end, exact, prefix, suffix, tag_id, note,
         other_article_id, other_start, other_end, other_exact, other_prefix, other_suffix, creator_id, status, created_at, modified_at,
         imported_author, imported_created_at)
       VALUES (@uuid, @articleId, @start, @end, @exact, @prefix, @suffix, @tagId, @note,
         @otherArticleId, @otherStart, @otherEnd, @otherExact, @otherPrefix, @otherSuffix, @creatorId, @status, @createdAt, @createdAt,
         @importedAuthor, @importedCreatedAt)`,
    )
    .run({
      ...a,
      other: undefined,
      imported: undefined,
      ...otherParams(a.other),
      importedAuthor: a.imported?.author ?? null,
      importedCreatedAt: a.imported?.createdAt ?? null,
    });
  return Number(info.lastInsertRowid);
}

/** One annotation by id (any status). */
export function getAnnotation(db: Db, id: number): AnnotationRow | undefined {
  return toAnnotation(db.prepare(`${select} WHERE a.id = ?`).get(id) as Record<string, unknown> | undefined);
}

/** One annotation by uuid (any status). */
export function getAnnotationByUuid(db: Db, uuid: string): AnnotationRow | undefined {
  return toAnnotation(db.prepare(`${select} WHERE a.uuid = ?`).get(uuid) as Record<string, unknown> | undefined);
}

/** Overwrite an annotation's changeable fields. */
export function updateAnnotationRow(db: Db, id: number, c: AnnotationChange): boolean {
  return (
    db
      .prepare(
        `UPDATE annotations SET start = @start, end = @end, exact = @exact, prefix = @prefix, suffix = @suffix,
           tag_id = @tagId, note = @note, other_article_id = @otherArticleId, other_start = @otherStart, other_end = @otherEnd,
           other_exact = @otherExact, other_prefix = @otherPrefix, other_suffix = @otherSuffix, status = @status, modified_at = @modifiedAt
         WHERE id = @id`,
      )
      .run({ ...c, other: undefined, ...otherParams(c.other), id }).changes > 0
  );
}

/** Annotations matching the filters, newest first within an article's text order. */
export function selectAnnotations(db: Db, f: AnnotationFilters = {}): AnnotationRow[] {
  // annotations on a deleted article (either side of a pair note) are hidden with it until it is restored
  const where: string[] = [
    'ar.deleted_at IS NULL',
    'NOT EXISTS (SELECT 1 FROM articles o WHERE o.id = a.other_article_id AND o.deleted_at IS NOT NULL)',
  ];
  const params: Record<string, unknown> = {};
  if (f.articleId !== undefined) {
    where.push('a.article_id = @articleId');
    params.articleId = f.articleId;
  }
  if (f.involvingArticleId !== undefined) {
    where.push('(a.article_id = @involving OR a.other_article_id = @involving)');
    params.involving = f.involvingArticleId;
  }
  if (f.tagId !== undefined) {
    where.push('a.tag_id = @tagId');
    params.tagId = f.tagId;
  }
  if (f.creatorId !== undefined) {
    where.push('a.creator_id = @creatorId');
    params.creatorId = f.creatorId;
  }
  if (f.creatorName !== undefined) {
    where.push('u.username = @creatorName COLLATE NOCASE');
    params.creatorName = f.creatorName;
  }
  if (f.from !== undefined) {
    where.push('a.created_at >= @from');
    params.from = f.from;
  }
  if (f.to !== undefined) {
    // a bare date includes the whole day
    where.push(
      /^\d{4}-\d{2}-\d{2}$/.test(f.to) ? "a.created_at < strftime('%Y-%m-%d', @to, '+1 day')" : 'a.created_at <= @to',
    );
    params.to = f.to;
  }
  if (f.status === undefined) where.push("a.status <> 'deleted'");
  else if (f.status !== 'all') {
    where.push('a.status = @status');
    params.status = f.status;
  }
  const sql = `${select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.article_id, a.start, a.id LIMIT ${Math.max(1, Math.min(f.limit ?? 1000, 10_000))}`;
  return (db.prepare(sql).all(params) as Record<string, unknown>[]).map((r) => toAnnotation(r)!);
}

/** Record one change in an annotation's history. */
export function insertHistory(
  db: Db,
  h: {
    annotationId: number;
    userId: number | null;
    action: HistoryAction;
    at: string;
    before: unknown;
    after: unknown;
  },
): void {
  db.prepare(
    'INSERT INTO annotation_history (annotation_id, user_id, action, at, before, after) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    h.annotationId,
    h.userId,
    h.action,
    h.at,
    h.before === null ? null : JSON.stringify(h.before),
    h.after === null ? null : JSON.stringify(h.after),
  );
}

/** An annotation's history, oldest first. */
export function selectHistory(db: Db, annotationId: number): HistoryRow[] {
  const rows = db
    .prepare(
      `SELECT h.id, h.annotation_id AS annotationId, h.user_id AS userId, u.username, h.action, h.at, h.before, h.after
       FROM annotation_history h LEFT JOIN users u ON u.id = h.user_id WHERE h.annotation_id = ? ORDER BY h.id`,
    )
    .all(annotationId) as Record<string, unknown>[];
  return rows.map((r) => ({
    ...(r as unknown as HistoryRow),
    before: r.before == null ? null : (JSON.parse(r.before as string) as unknown),
    after: r.after == null ? null : (JSON.parse(r.after as string) as unknown),
  }));
}

/** Non-deleted annotations involving an article (as main or other span) by users other than this one. */
export function countOthersAnnotations(db: Db, articleId: number, userId: number): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM annotations WHERE (article_id = ? OR other_article_id = ?) AND status <> 'deleted' AND creator_id <> ?`,
      )
      .get(articleId, articleId, userId) as { n: number }
  ).n;
}
