/**
 * Which pairs a report holds. The report builder offers every pair of the
 * report's scope (candidates, each in reference order with its workflow
 * state); a report holds the reviewed ones by default (confirmed, or with a
 * verdict), every pair not rejected with `pairs: 'all'`, or the ones a user
 * chose (by id, or — for a stored report — by the words of both versions, so
 * the choice survives re-analysis).
 */
import type { Db } from '../db.js';
import { getArticle } from '../store/articles.js';
import { listPairsBetween, listRelatedArticles } from '../store/pairs.js';
import { getQuotesWithArticles } from '../store/quotes.js';
import { listArticleIdsOfOutlet, listPairedArticlePairs } from '../store/reports.js';
import type { ReportFilters, ReportScope } from '../reports/model.js';
import { orderArticlePair } from './references.js';
import { getPairVerdict, type WorkflowState } from './verdicts.js';

/** One version of a candidate pair. */
export interface CandidateSide {
  articleId: number;
  title: string;
  outlet: string | null;
  published: string | null;
  text: string;
  kind: string;
}

/** A pair the report builder offers, its reference version first. */
export interface CandidatePair {
  id: number;
  state: WorkflowState;
  relation: string;
  score: number;
  verdictLabel: string | null;
  earlier: CandidateSide;
  later: CandidateSide;
  /** the later side is undated and nothing places it */
  orderUnknown: boolean;
}

/** A pair named by its two versions' articles and words, as stored reports keep it. */
export interface PairWords {
  a: { articleId: number; text: string };
  b: { articleId: number; text: string };
}

/** The same key for a pair's words whichever side comes first. */
export function pairWordsKey(p: PairWords): string {
  const sides = [p.a, p.b].map((s) => `${s.articleId}\u0000${s.text}`).sort();
  return sides.join('\u0001');
}

/** The words of a candidate pair. */
export function wordsOf(c: CandidatePair): PairWords {
  return {
    a: { articleId: c.earlier.articleId, text: c.earlier.text },
    b: { articleId: c.later.articleId, text: c.later.text },
  };
}

/** The article pairs a scope covers (each once, smaller id first). */
function scopeArticlePairs(db: Db, scope: ReportScope, outletFilter?: string): [number, number][] {
  const sorted = (x: number, y: number): [number, number] => (x < y ? [x, y] : [y, x]);
  if (scope.kind === 'compare') return [sorted(...scope.articleIds)];
  if (scope.kind === 'article')
    return listRelatedArticles(db, scope.articleId).map((r) => sorted(scope.articleId, r.articleId));
  const all = listPairedArticlePairs(db).map((p) => [p.articleA, p.articleB] as [number, number]);
  const outlet = scope.kind === 'outlet' ? scope.outlet : outletFilter;
  if (!outlet) return all;
  const ofOutlet = new Set(listArticleIdsOfOutlet(db, outlet));
  return all.filter(([x, y]) => ofOutlet.has(x) || ofOutlet.has(y));
}

/** Every pair (not rejected) of a scope, by article pair, each pair's versions in reference order. */
export function listCandidatePairs(db: Db, scope: ReportScope, outletFilter?: string): CandidatePair[] {
  const out: CandidatePair[] = [];
  for (const [x, y] of scopeArticlePairs(db, scope, outletFilter)) {
    const ax = getArticle(db, x);
    const ay = getArticle(db, y);
    if (!ax || !ay) continue;
    const pairs = listPairsBetween(db, x, y);
    if (!pairs.length) continue;
    const order = orderArticlePair(db, ax, ay, pairs);
    const quotes = new Map(
      getQuotesWithArticles(
        db,
        pairs.flatMap((p) => [p.quoteA, p.quoteB]),
      ).map((q) => [q.id, q]),
    );
    for (const p of pairs) {
      const qa = quotes.get(p.quoteA);
      const qb = quotes.get(p.quoteB);
      if (!qa || !qb) continue;
      const [qe, ql] = qa.articleId === order.earlier.id ? [qa, qb] : [qb, qa];
      const side = (q: typeof qa): CandidateSide => ({
        articleId: q.articleId,
        title: q.articleTitle,
        outlet: q.articleOutlet,
        published: q.articlePublished,
        text: q.text,
        kind: q.kind,
      });
      const pv = getPairVerdict(db, p.id)!;
      out.push({
        id: p.id,
        state: pv.state,
        relation: p.relation,
        score: p.score,
        verdictLabel: pv.verdict && pv.verdict.state !== 'open' ? pv.verdict.ratingLabel : null,
        earlier: side(qe),
        later: side(ql),
        orderUnknown: order.orderUnknown,
      });
    }
  }
  return out;
}

/** A pair counts as reviewed once confirmed or given a verdict. */
export function isReviewed(state: WorkflowState): boolean {
  return state !== 'suggested' && state !== 'rejected';
}

/** The pairs a report holds, or an error naming chosen pairs outside the scope. */
export function selectPairs(
  candidates: CandidatePair[],
  filters: Pick<ReportFilters, 'pairs' | 'pairIds'>,
): { ok: true; selected: CandidatePair[] } | { ok: false; error: string } {
  if (filters.pairIds) {
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const outside = filters.pairIds.filter((id) => !byId.has(id));
    if (outside.length)
      return {
        ok: false,
        error: `pairs: ${outside.join(', ')} ${outside.length === 1 ? 'is not a pair' : 'are not pairs'} of this report's articles (or rejected)`,
      };
    const chosen = new Set(filters.pairIds);
    return { ok: true, selected: candidates.filter((c) => chosen.has(c.id)) };
  }
  if (filters.pairs === 'all') return { ok: true, selected: candidates };
  return { ok: true, selected: candidates.filter((c) => isReviewed(c.state)) };
}

/** The ids of the candidates whose words a stored report chose; the words no longer paired are counted apart. */
export function resolvePairWords(
  candidates: CandidatePair[],
  chosen: PairWords[],
): { pairIds: number[]; missing: number } {
  const byKey = new Map(candidates.map((c) => [pairWordsKey(wordsOf(c)), c.id]));
  const pairIds: number[] = [];
  let missing = 0;
  for (const w of chosen) {
    const id = byKey.get(pairWordsKey(w));
    if (id === undefined) missing += 1;
    else pairIds.push(id);
  }
  return { pairIds, missing };
}

/** Why chosen pairs cannot make this report (one is not in its scope); undefined when they can. */
export function checkChosenPairs(db: Db, scope: ReportScope, filters: ReportFilters): string | undefined {
  if (!filters.pairIds) return undefined;
  const sel = selectPairs(listCandidatePairs(db, scope, filters.outlet), filters);
  return sel.ok ? undefined : sel.error;
}
