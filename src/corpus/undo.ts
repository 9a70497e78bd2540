/**
 * Undo: pairs rejected as "not the same statement" and editorial suggestions
 * dismissed, listed per article or per comparison, and restored. Both kinds of
 * decision are kept by words (they outlive re-analysis), so a restore forgets
 * the decision and makes the pair or the span a suggestion again.
 */
import type { Db } from '../db.js';
import type { WordVectors } from '../pairing/index.js';
import { decideStored } from './pairs.js';
import { getArticle } from '../store/articles.js';
import {
  deleteEditorialDecision,
  getEditorialSpan,
  listEditorialSpans,
  type EditorialSpanRow,
} from '../store/editorial.js';
import {
  deletePairReview,
  listPairReviewsOfArticle,
  listPairsBetween,
  setPairStatus,
  upsertPair,
  type PairReview,
} from '../store/pairs.js';
import type { QuoteRow } from '../store/quotes.js';
import { findQuoteOfSide, recordPairDecision } from './verdicts.js';

/** A rejected pair as its decision keeps it, with the pair's id while the pair row is still there. */
export interface RejectedPair {
  a: { articleId: number; start: number; text: string };
  b: { articleId: number; start: number; text: string };
  pairId: number | null;
}

/** What can be restored around an article or a comparison. */
export interface UndoList {
  rejectedPairs: RejectedPair[];
  dismissedSuggestions: EditorialSpanRow[];
}

function pairRowOf(db: Db, qa: QuoteRow | undefined, qb: QuoteRow | undefined): number | null {
  if (!qa || !qb) return null;
  const row = listPairsBetween(db, qa.articleId, qb.articleId, true).find(
    (p) => (p.quoteA === qa.id && p.quoteB === qb.id) || (p.quoteA === qb.id && p.quoteB === qa.id),
  );
  return row?.id ?? null;
}

function toRejected(db: Db, r: PairReview): RejectedPair {
  const a = { articleId: r.articleA, start: r.startA, text: r.textA };
  const b = { articleId: r.articleB, start: r.startB, text: r.textB };
  return { a, b, pairId: pairRowOf(db, findQuoteOfSide(db, a), findQuoteOfSide(db, b)) };
}

/** Rejected pairs and dismissed suggestions of an article, or of the two articles of a comparison; undefined when an article does not exist. */
export function listUndoable(db: Db, articleIds: number[]): UndoList | undefined {
  if (articleIds.some((id) => !getArticle(db, id))) return undefined;
  const seen = new Set<string>();
  const rejected: RejectedPair[] = [];
  for (const id of articleIds) {
    for (const r of listPairReviewsOfArticle(db, id)) {
      // a comparison lists only the pairs between its two articles
      if (
        r.status !== 'rejected' ||
        (articleIds.length === 2 && !(articleIds.includes(r.articleA) && articleIds.includes(r.articleB)))
      )
        continue;
      const key = JSON.stringify([r.articleA, r.textA, r.articleB, r.textB]);
      if (seen.has(key)) continue;
      seen.add(key);
      rejected.push(toRejected(db, r));
    }
  }
  const dismissed = articleIds.flatMap((id) => listEditorialSpans(db, id).filter((s) => s.status === 'dismissed'));
  return { rejectedPairs: rejected, dismissedSuggestions: dismissed };
}

/** The sides of a rejected pair to restore. */
export interface PairSides {
  a: { articleId: number; text: string };
  b: { articleId: number; text: string };
}

/**
 * Restore a rejected pair: forget the rejection and make the pair a
 * suggestion again (scored afresh when re-analysis dropped it). Returns the
 * pair id, or undefined when no such rejection exists or its words are gone.
 */
export function restoreRejectedPair(
  db: Db,
  sides: PairSides,
  actor: { id: number },
  vectors: WordVectors | undefined,
): number | undefined {
  return db.transaction(() => {
    const rejection = listPairReviewsOfArticle(db, sides.a.articleId).find(
      (r) =>
        r.status === 'rejected' &&
        ((r.articleA === sides.a.articleId &&
          r.textA === sides.a.text &&
          r.articleB === sides.b.articleId &&
          r.textB === sides.b.text) ||
          (r.articleA === sides.b.articleId &&
            r.textA === sides.b.text &&
            r.articleB === sides.a.articleId &&
            r.textB === sides.a.text)),
    );
    if (!rejection) return undefined;
    const { a, b } = toRejected(db, rejection);
    const qa = findQuoteOfSide(db, a);
    const qb = findQuoteOfSide(db, b);
    if (!qa || !qb) return undefined;
    deletePairReview(db, a, b);
    let id = pairRowOf(db, qa, qb);
    if (id !== null) setPairStatus(db, id, 'suggested');
    else {
      const s = decideStored(db, qa, qb, vectors);
      id = upsertPair(db, {
        quoteA: qa.id,
        quoteB: qb.id,
        score: s.score,
        relation: s.relation,
        reasons: ['restored by a reviewer', ...s.reasons],
        alterations: s.alterations,
      });
    }
    recordPairDecision(db, id, actor, 'restore');
    return id;
  })();
}

/** Restore a dismissed suggestion; undefined when it is not a dismissed suggestion. */
export function restoreSuggestion(db: Db, spanId: number): EditorialSpanRow | undefined {
  const span = getEditorialSpan(db, spanId);
  if (!span || span.status !== 'dismissed') return undefined;
  deleteEditorialDecision(db, span);
  return getEditorialSpan(db, spanId);
}
