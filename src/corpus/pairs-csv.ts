/**
 * Gathering pairs for the pairs CSV, with the scopes and filters of the other
 * exports: an article (its pairs), a comparison (the pairs between the two),
 * an outlet (pairs whose retold version the outlet printed) or the corpus.
 * By default only reviewed pairs go in (confirmed, or with a verdict);
 * `pairs: 'all'` takes every pair not rejected, `pairIds` the pairs a user chose. The verdict's reviewer and
 * day filter (reviewer, from, to) apply when given.
 */
import type { Db } from '../db.js';
import { nameKey } from '../ingest/fields.js';
import { listRelatedArticles } from '../store/pairs.js';
import { listArticleIdsOfOutlet, listPairedArticlePairs } from '../store/reports.js';
import { getArticle } from '../store/articles.js';
import type { ReportFilters, ReportScope } from '../reports/model.js';
import { renderPairsCsv, type PairCsvRow } from '../reports/pairs-csv.js';
import { compareArticles } from './comparison.js';
import { getPairVerdict } from './verdicts.js';
import { compareMisquotesFirst, describeAlteration } from '../pairing/index.js';

function articlePairs(db: Db, scope: ReportScope): [number, number][] {
  if (scope.kind === 'compare') return [scope.articleIds];
  if (scope.kind === 'article')
    return listRelatedArticles(db, scope.articleId).map((r) => [scope.articleId, r.articleId]);
  return listPairedArticlePairs(db).map((p) => [p.articleA, p.articleB]);
}

/** The rows of the pairs CSV; undefined when the scope names an article that does not exist. */
export function gatherPairRows(db: Db, scope: ReportScope, filters: ReportFilters = {}): PairCsvRow[] | undefined {
  if (scope.kind === 'article' && !getArticle(db, scope.articleId)) return undefined;
  if (scope.kind === 'compare' && scope.articleIds.some((id) => !getArticle(db, id))) return undefined;
  if (scope.kind === 'outlet' && listArticleIdsOfOutlet(db, scope.outlet).length === 0) return undefined;
  const outlet = scope.kind === 'outlet' ? scope.outlet : filters.outlet;
  const rows: PairCsvRow[] = [];
  for (const [x, y] of articlePairs(db, scope)) {
    const c = compareArticles(db, x, y);
    if (!c) continue;
    if (outlet && nameKey(c.later.outlet ?? '') !== nameKey(outlet)) continue;
    for (const p of c.pairs) {
      const pv = getPairVerdict(db, p.pair.id)!;
      const v = pv.verdict && pv.verdict.state !== 'open' ? pv.verdict : null;
      // pairs a user chose, else reviewed ones (or all not rejected)
      if (filters.pairIds ? !filters.pairIds.includes(p.pair.id) : filters.pairs !== 'all' && pv.state === 'suggested')
        continue;
      if (filters.reviewer !== undefined && v?.reviewerName !== filters.reviewer) continue;
      if (filters.from !== undefined && !(v?.givenAt && v.givenAt.slice(0, 10) >= filters.from)) continue;
      if (filters.to !== undefined && !(v?.givenAt && v.givenAt.slice(0, 10) <= filters.to)) continue;
      const version = (a: typeof c.earlier, text: string) => ({
        articleId: a.id,
        title: a.title,
        outlet: a.outlet,
        published: a.published,
        text,
      });
      rows.push({
        pairId: p.pair.id,
        relation: p.pair.relation,
        score: p.pair.score,
        state: pv.state,
        earlier: version(c.earlier, p.earlier.quote.text),
        later: version(c.later, p.later.quote.text),
        speaker:
          p.later.quote.speaker ?? p.later.quote.speakerName ?? p.earlier.quote.speaker ?? p.earlier.quote.speakerName,
        alterations: p.alterations.map(describeAlteration),
        changes: p.changes.map((ch) => ch.message),
        fidelity: p.fidelity,
        verdict: v && {
          rating: v.ratingId!,
          label: v.ratingLabel!,
          rationale: v.rationale ?? '',
          reviewer: v.reviewerName,
          givenAt: v.givenAt,
          secondReviewer: v.secondReviewerName,
        },
      });
    }
  }
  // possible misquotes first, as on every page
  return rows.sort((a, b) => compareMisquotesFirst(a.alterations.length > 0, b.alterations.length > 0));
}

/** The pairs CSV body; undefined when the scope names nothing that exists. */
export function exportPairsCsv(db: Db, scope: ReportScope, filters: ReportFilters = {}): string | undefined {
  const rows = gatherPairRows(db, scope, filters);
  return rows && renderPairsCsv(rows);
}
