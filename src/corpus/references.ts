/**
 * Reference versions: the version of a statement the others are compared
 * against. In order of precedence: a version a reviewer marked as the
 * statement's reference; a version in a primary-source article (an original
 * interview or transcript); else the earliest dated version. Without a marked
 * or primary reference, an undated version cannot be placed: it is flagged
 * "order unknown" wherever order matters (comparison, statement timeline), and
 * outlet profiles leave its pairs out of fidelity.
 */
import type { Db } from '../db.js';
import { compareMisquotesFirst, type Relation } from '../pairing/index.js';
import type { ArticleRow } from '../store/articles.js';
import { listPairsBetween, type PairRow } from '../store/pairs.js';
import { getQuote } from '../store/quotes.js';
import {
  deleteReferenceMark,
  insertReferenceMark,
  listPrimarySources,
  listReferenceMarks,
  setArticleKind,
  type ArticleKind,
} from '../store/references.js';
import { getArticle } from '../store/articles.js';
import { getStatement, listStatements, type StatementVersionView, type StatementView } from './statements.js';

/** Why a version is the reference. */
export type ReferenceReason = 'marked' | 'primary-source' | 'earliest-dated';

/** A candidate version for ordering (pure input). */
export interface OrderableVersion {
  articleId: number;
  published: string | null;
  marked: boolean;
  primarySource: boolean;
}

/** The order of a set of versions: reference first, then dated by date, then undated; and which ones cannot be placed. */
export interface VersionOrder {
  /** indexes into the input, reference first */
  order: number[];
  reason: ReferenceReason | null;
  /** per input index: undated with no marked or primary reference to compare against */
  orderUnknown: boolean[];
}

const dateKey = (v: OrderableVersion) => `${v.published ?? '9999-99-99'}#${String(v.articleId).padStart(12, '0')}`;

/** Order versions around their reference (pure). */
export function orderVersions(versions: OrderableVersion[]): VersionOrder {
  const byDate = versions
    .map((_, i) => i)
    .sort((x, y) =>
      dateKey(versions[x]) < dateKey(versions[y]) ? -1 : dateKey(versions[x]) > dateKey(versions[y]) ? 1 : x - y,
    );
  const marked = byDate.find((i) => versions[i].marked);
  const primary = byDate.find((i) => versions[i].primarySource);
  const dated = byDate.find((i) => versions[i].published !== null);
  const ref = marked ?? primary ?? dated;
  const reason: ReferenceReason | null =
    marked !== undefined
      ? 'marked'
      : primary !== undefined
        ? 'primary-source'
        : dated !== undefined
          ? 'earliest-dated'
          : null;
  const order = ref === undefined ? byDate : [ref, ...byDate.filter((i) => i !== ref)];
  const placed = reason === 'marked' || reason === 'primary-source';
  return { order, reason, orderUnknown: versions.map((v, i) => i !== ref && v.published === null && !placed) };
}

/** Two articles in reference order, for a comparison. */
export interface ArticleOrder {
  earlier: ArticleRow;
  later: ArticleRow;
  reason: ReferenceReason | null;
  /** true when the later one is undated and nothing else says which came first */
  orderUnknown: boolean;
}

function markedKeys(db: Db, articleIds: number[]): Set<string> {
  return new Set(listReferenceMarks(db, articleIds).map((m) => `${m.articleId}\u0000${m.text}`));
}

/** Which of two articles is the reference for their comparison (see the module comment). */
export function orderArticlePair(
  db: Db,
  x: ArticleRow,
  y: ArticleRow,
  pairs: PairRow[] = listPairsBetween(db, x.id, y.id),
): ArticleOrder {
  const primary = listPrimarySources(db, [x.id, y.id]);
  const marks = markedKeys(db, [x.id, y.id]);
  // an article counts as marked when one of its versions paired with the other article is a statement's reference
  const markedArticles = new Set<number>();
  if (marks.size) {
    for (const p of pairs) {
      for (const qid of [p.quoteA, p.quoteB]) {
        const q = getQuote(db, qid);
        if (q && marks.has(`${q.articleId}\u0000${q.text}`)) markedArticles.add(q.articleId);
      }
    }
  }
  const input = [x, y].map((a) => ({
    articleId: a.id,
    published: a.published,
    marked: markedArticles.size === 1 && markedArticles.has(a.id),
    primarySource: primary.size === 1 && primary.has(a.id),
  }));
  const o = orderVersions(input);
  const [first, second] = o.order.map((i) => [x, y][i]);
  return {
    earlier: first,
    later: second,
    reason: o.reason,
    orderUnknown: o.orderUnknown[o.order[1]] || o.reason === null,
  };
}

/** A statement version placed against the reference. */
export interface ReferencedVersion extends StatementVersionView {
  isReference: boolean;
  orderUnknown: boolean;
  primarySource: boolean;
}

/** A statement with its versions in reference order. */
export interface ReferencedStatement extends Omit<StatementView, 'versions'> {
  versions: ReferencedVersion[];
  reason: ReferenceReason | null;
}

const LOOSENESS: Relation[] = ['verbatim', 'near-verbatim', 'trimmed', 'paraphrase', 'gist'];

/** Relation and score of every version to the reference: breadth-first, the loosest relation and weakest score on the way. */
function relateTo(
  reference: number,
  pairs: PairRow[],
): Map<number, { relation: Relation | null; score: number | null }> {
  const reach = new Map<number, { relation: Relation | null; score: number | null }>([
    [reference, { relation: null, score: null }],
  ]);
  const queue = [reference];
  while (queue.length) {
    const id = queue.shift()!;
    const here = reach.get(id)!;
    for (const p of pairs) {
      const to = p.quoteA === id ? p.quoteB : p.quoteB === id ? p.quoteA : undefined;
      if (to === undefined || reach.has(to)) continue;
      const relation =
        here.relation && LOOSENESS.indexOf(here.relation) > LOOSENESS.indexOf(p.relation) ? here.relation : p.relation;
      reach.set(to, { relation, score: here.score === null ? p.score : Math.min(here.score, p.score) });
      queue.push(to);
    }
  }
  return reach;
}

/** Put a statement's versions in reference order, each related to the reference. */
export function applyReference(db: Db, s: StatementView): ReferencedStatement {
  const articleIds = [...new Set(s.versions.map((v) => v.quote.articleId))];
  const primary = listPrimarySources(db, articleIds);
  const marks = markedKeys(db, articleIds);
  const o = orderVersions(
    s.versions.map((v) => ({
      articleId: v.quote.articleId,
      published: v.quote.articlePublished,
      marked: marks.has(`${v.quote.articleId}\u0000${v.quote.text}`),
      primarySource: primary.has(v.quote.articleId),
    })),
  );
  const ref = s.versions[o.order[0]].quote.id;
  const reach = relateTo(ref, s.pairs);
  const versions = o.order.map((i) => {
    const v = s.versions[i];
    const r = reach.get(v.quote.id) ?? { relation: v.relation, score: v.score };
    return {
      ...v,
      ...r,
      isReference: v.quote.id === ref,
      orderUnknown: o.orderUnknown[i],
      primarySource: primary.has(v.quote.articleId),
    };
  });
  return { ...s, versions, reason: o.reason };
}

/** A listed statement in reference order, flagged when some version's date cannot place it. */
export interface ListedStatement extends ReferencedStatement {
  /** a version is undated and nothing (a mark, a primary source) places it */
  orderUnknown: boolean;
}

/** Every statement (most versions first), each in reference order and flagged when its order is unknown. */
export function listReferencedStatements(db: Db): ListedStatement[] {
  const altered = (s: ListedStatement) => s.pairs.some((p) => p.alterations.length > 0);
  return (
    listStatements(db)
      .map((s) => {
        const r = applyReference(db, s);
        return { ...r, orderUnknown: r.versions.some((v) => v.orderUnknown) };
      })
      // statements holding a possible misquote first
      .sort((x, y) => compareMisquotesFirst(altered(x), altered(y)))
  );
}

/** Every statement with its versions in date order, with its reference reason and whether its order is unknown. */
export function listDatedStatements(
  db: Db,
): (StatementView & { reason: ReferenceReason | null; orderUnknown: boolean })[] {
  return listStatements(db).map((s) => {
    const r = applyReference(db, s);
    return { ...s, reason: r.reason, orderUnknown: r.versions.some((v) => v.orderUnknown) };
  });
}

/** The statement of a quote in reference order, or undefined. */
export function getReferencedStatement(db: Db, quoteId: number): ReferencedStatement | undefined {
  const s = getStatement(db, quoteId);
  return s && applyReference(db, s);
}

/**
 * Mark a version as its statement's reference (quoteId), or clear the
 * statement's mark (clear). Marks of the statement's other versions are removed.
 */
export function setStatementReference(
  db: Db,
  quoteId: number,
  userId: number,
  clear = false,
): ReferencedStatement | undefined {
  return db.transaction(() => {
    const s = getStatement(db, quoteId);
    if (!s) return undefined;
    for (const v of s.versions) deleteReferenceMark(db, v.quote.articleId, v.quote.text);
    if (!clear) {
      const q = s.versions.find((v) => v.quote.id === quoteId)!.quote;
      insertReferenceMark(db, { articleId: q.articleId, start: q.start, text: q.text }, userId);
    }
    return applyReference(db, s);
  })();
}

/** Mark an article as a primary source (or a retelling again); false when there is no such article. */
export function markArticleKind(db: Db, articleId: number, kind: ArticleKind, userId: number): boolean {
  if (!getArticle(db, articleId)) return false;
  setArticleKind(db, articleId, kind, userId);
  return true;
}
