/** SQL for pairs' fact-check records (verdicts) and their history. */
import { prepared, type Db } from '../db.js';

/** Where a verdict is in the workflow; `open` has no verdict yet. */
export type VerdictState = 'open' | 'verdict-given' | 'second-review-done';

/** One side of a pair as a verdict keeps it: the article and the words. */
export interface VerdictSide {
  articleId: number;
  start: number;
  text: string;
}

/** A pair's fact-check record, with the names of the people in it. */
export interface VerdictRow {
  id: number;
  a: VerdictSide;
  b: VerdictSide;
  state: VerdictState;
  ratingId: string | null;
  ratingLabel: string | null;
  ratingValue: number | null;
  rationale: string | null;
  reviewerId: number | null;
  reviewerName: string | null;
  givenAt: string | null;
  needsSecondReview: boolean;
  secondReviewerId: number | null;
  secondReviewerName: string | null;
  secondReviewedAt: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The fields a change may set. */
export type VerdictFields = Pick<
  VerdictRow,
  | 'state'
  | 'ratingId'
  | 'rationale'
  | 'reviewerId'
  | 'givenAt'
  | 'needsSecondReview'
  | 'secondReviewerId'
  | 'secondReviewedAt'
  | 'assigneeId'
>;

/** An entry of a verdict's history. */
export interface VerdictHistoryRow {
  id: number;
  verdictId: number;
  userId: number | null;
  userName: string | null;
  action: 'confirm' | 'reject' | 'restore' | 'verdict' | 'second-review' | 'assign' | 'request-second-review';
  at: string;
  before: unknown;
  after: unknown;
}

const columns = `v.id, v.article_a AS articleA, v.start_a AS startA, v.text_a AS textA, v.article_b AS articleB, v.start_b AS startB, v.text_b AS textB,
  v.state, v.rating_id AS ratingId, r.label AS ratingLabel, r.value AS ratingValue, v.rationale, v.reviewer_id AS reviewerId, ur.username AS reviewerName,
  v.given_at AS givenAt, v.needs_second_review AS needsSecondReview, v.second_reviewer_id AS secondReviewerId, us.username AS secondReviewerName,
  v.second_reviewed_at AS secondReviewedAt, v.assignee_id AS assigneeId, ua.username AS assigneeName, v.created_at AS createdAt, v.updated_at AS updatedAt`;
const from = `FROM verdicts v LEFT JOIN verdict_ratings r ON r.id = v.rating_id LEFT JOIN users ur ON ur.id = v.reviewer_id
  LEFT JOIN users us ON us.id = v.second_reviewer_id LEFT JOIN users ua ON ua.id = v.assignee_id`;

function toVerdict(r: Record<string, unknown>): VerdictRow {
  const { articleA, startA, textA, articleB, startB, textB, needsSecondReview, ...rest } = r;
  return {
    ...(rest as unknown as VerdictRow),
    a: { articleId: articleA as number, start: startA as number, text: textA as string },
    b: { articleId: articleB as number, start: startB as number, text: textB as string },
    needsSecondReview: needsSecondReview === 1,
  };
}

/**
 * The two sides in stored order: by article id, then by words (the order
 * pair review decisions use), so each pair has one key whichever way it is named.
 */
export function orderSides(x: VerdictSide, y: VerdictSide): [VerdictSide, VerdictSide] {
  return x.articleId < y.articleId || (x.articleId === y.articleId && x.text <= y.text) ? [x, y] : [y, x];
}

/** The record of a pair (either order of sides), if there is one. */
export function findVerdict(db: Db, x: VerdictSide, y: VerdictSide): VerdictRow | undefined {
  const [a, b] = orderSides(x, y);
  const r = prepared(
    db,
    `SELECT ${columns} ${from} WHERE v.article_a = ? AND v.text_a = ? AND v.article_b = ? AND v.text_b = ?`,
  ).get(a.articleId, a.text, b.articleId, b.text);
  return r ? toVerdict(r as Record<string, unknown>) : undefined;
}

/** One record by id. */
export function getVerdict(db: Db, id: number): VerdictRow | undefined {
  const r = prepared(db, `SELECT ${columns} ${from} WHERE v.id = ?`).get(id);
  return r ? toVerdict(r as Record<string, unknown>) : undefined;
}

/** The record of a pair, created in state `open` when missing; the positions are refreshed. Returns its id. */
export function ensureVerdict(db: Db, x: VerdictSide, y: VerdictSide): number {
  const [a, b] = orderSides(x, y);
  prepared(
    db,
    `INSERT INTO verdicts (article_a, start_a, text_a, article_b, start_b, text_b) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (article_a, text_a, article_b, text_b) DO UPDATE SET start_a = excluded.start_a, start_b = excluded.start_b`,
  ).run(a.articleId, a.start, a.text, b.articleId, b.start, b.text);
  return (
    prepared(db, 'SELECT id FROM verdicts WHERE article_a = ? AND text_a = ? AND article_b = ? AND text_b = ?').get(
      a.articleId,
      a.text,
      b.articleId,
      b.text,
    ) as { id: number }
  ).id;
}

/** Write a record's workflow fields. */
export function updateVerdict(db: Db, id: number, f: VerdictFields): void {
  prepared(
    db,
    `UPDATE verdicts SET state = ?, rating_id = ?, rationale = ?, reviewer_id = ?, given_at = ?, needs_second_review = ?, second_reviewer_id = ?,
       second_reviewed_at = ?, assignee_id = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(
    f.state,
    f.ratingId,
    f.rationale,
    f.reviewerId,
    f.givenAt,
    f.needsSecondReview ? 1 : 0,
    f.secondReviewerId,
    f.secondReviewedAt,
    f.assigneeId,
    id,
  );
}

/** What a list of verdicts may be narrowed to. */
export interface VerdictFilter {
  /** only these states */
  states?: VerdictState[];
  assigneeId?: number;
  needsSecondReview?: boolean;
  /** records with a side in this article */
  articleId?: number;
  /** records whose both sides are among these articles */
  betweenArticles?: [number, number];
  /** the reviewer who gave the verdict */
  reviewerName?: string;
  /** verdict given on or after / on or before these days (YYYY-MM-DD) */
  from?: string;
  to?: string;
  limit?: number;
}

/** Records matching a filter, most recently changed first. */
export function listVerdicts(db: Db, f: VerdictFilter = {}): VerdictRow[] {
  // a verdict on a deleted article is hidden with it until the article is restored
  const where: string[] = [
    'NOT EXISTS (SELECT 1 FROM articles d WHERE d.id IN (v.article_a, v.article_b) AND d.deleted_at IS NOT NULL)',
  ];
  const args: unknown[] = [];
  if (f.states?.length)
    (where.push(`v.state IN (SELECT value FROM json_each(?))`), args.push(JSON.stringify(f.states)));
  if (f.assigneeId !== undefined) (where.push('v.assignee_id = ?'), args.push(f.assigneeId));
  if (f.needsSecondReview !== undefined)
    (where.push('v.needs_second_review = ?'), args.push(f.needsSecondReview ? 1 : 0));
  if (f.articleId !== undefined)
    (where.push('(v.article_a = ? OR v.article_b = ?)'), args.push(f.articleId, f.articleId));
  if (f.betweenArticles) {
    const [x, y] = [...f.betweenArticles].sort((p, q) => p - q);
    where.push('v.article_a = ? AND v.article_b = ?');
    args.push(x, y);
  }
  if (f.reviewerName !== undefined) (where.push('ur.username = ?'), args.push(f.reviewerName));
  if (f.from !== undefined) (where.push('substr(v.given_at, 1, 10) >= ?'), args.push(f.from));
  if (f.to !== undefined) (where.push('substr(v.given_at, 1, 10) <= ?'), args.push(f.to));
  const sql = `SELECT ${columns} ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY v.updated_at DESC, v.id DESC LIMIT ?`;
  return (db.prepare(sql).all(...args, f.limit ?? 10_000) as Record<string, unknown>[]).map(toVerdict);
}

/** Add an entry to a record's history. */
export function insertVerdictHistory(
  db: Db,
  h: { verdictId: number; userId: number | null; action: VerdictHistoryRow['action']; before: unknown; after: unknown },
): void {
  prepared(
    db,
    'INSERT INTO verdict_history (verdict_id, user_id, action, at, before, after) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    h.verdictId,
    h.userId,
    h.action,
    new Date().toISOString(),
    h.before === null ? null : JSON.stringify(h.before),
    h.after === null ? null : JSON.stringify(h.after),
  );
}

/** A record's history, oldest first. */
export function listVerdictHistory(db: Db, verdictId: number): VerdictHistoryRow[] {
  const rows = prepared(
    db,
    `SELECT h.id, h.verdict_id AS verdictId, h.user_id AS userId, u.username AS userName, h.action, h.at, h.before, h.after
     FROM verdict_history h LEFT JOIN users u ON u.id = h.user_id WHERE h.verdict_id = ? ORDER BY h.id`,
  ).all(verdictId) as Record<string, unknown>[];
  return rows.map((r) => ({
    ...(r as unknown as VerdictHistoryRow),
    before: r.before === null ? null : JSON.parse(r.before as string),
    after: r.after === null ? null : JSON.parse(r.after as string),
  }));
}
