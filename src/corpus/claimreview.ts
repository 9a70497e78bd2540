/**
 * Gathering verdicts for the ClaimReview export, with the same scopes and
 * filters as the other exports: an article (verdicts on its pairs), a
 * comparison (verdicts between the two), an outlet (verdicts on versions it
 * printed), or the corpus; narrowed by the verdict's reviewer and the day it
 * was given (from/to). Only pairs with a verdict are exported.
 */
import type { Db } from '../db.js';
import type { Config } from '../config.js';
import { getArticle, type ArticleRow } from '../store/articles.js';
import { listVerdicts, type VerdictRow, type VerdictSide } from '../store/verdicts.js';
import { listArticleIdsOfOutlet } from '../store/reports.js';
import { articleSource } from '../reports/jsonld.js';
import { renderClaimReviews, type ClaimReviewItem, type ClaimReviewPublisher } from '../reports/claimreview.js';
import type { ReportFilters, ReportScope } from '../reports/model.js';
import { findQuoteOfSide } from './verdicts.js';
import { scaleBounds } from './verdict-scale.js';
import { orderArticlePair } from './references.js';

/** The publisher settings from the configuration. */
export function claimReviewPublisher(
  config: Pick<Config, 'publicUrl' | 'claimReviewAuthor' | 'claimReviewAuthorUrl'>,
): ClaimReviewPublisher {
  return {
    name: config.claimReviewAuthor,
    url: config.claimReviewAuthorUrl,
    baseUrl: config.publicUrl.replace(/\/+$/, ''),
  };
}

/** The retold version of a pair: the side that is not the reference (see ./references.ts). */
function retoldSide(db: Db, v: VerdictRow, article: (id: number) => ArticleRow | undefined): VerdictSide | undefined {
  const a = article(v.a.articleId);
  const b = article(v.b.articleId);
  if (!a || !b) return undefined;
  return orderArticlePair(db, a, b).later.id === a.id ? v.a : v.b;
}

/** The verdicts a scope and filters select, as export items; undefined when the scope names nothing that exists. */
export function gatherClaimReviews(
  db: Db,
  scope: ReportScope,
  filters: ReportFilters = {},
): ClaimReviewItem[] | undefined {
  const cache = new Map<number, ArticleRow | undefined>();
  const article = (id: number) => (cache.has(id) ? cache.get(id) : cache.set(id, getArticle(db, id)).get(id));
  if (scope.kind === 'article' && !article(scope.articleId)) return undefined;
  if (scope.kind === 'compare' && scope.articleIds.some((id) => !article(id))) return undefined;
  const outlet = scope.kind === 'outlet' ? scope.outlet : filters.outlet;
  if (scope.kind === 'outlet' && listArticleIdsOfOutlet(db, scope.outlet).length === 0) return undefined;
  const rows = listVerdicts(db, {
    states: ['verdict-given', 'second-review-done'],
    articleId: scope.kind === 'article' ? scope.articleId : undefined,
    betweenArticles: scope.kind === 'compare' ? scope.articleIds : undefined,
    reviewerName: filters.reviewer,
    from: filters.from,
    to: filters.to,
  });
  const bounds = scaleBounds(db);
  const items: ClaimReviewItem[] = [];
  for (const v of rows.sort((x, y) => x.id - y.id)) {
    const side = retoldSide(db, v, article);
    const a = side && article(side.articleId);
    if (!side || !a) continue;
    if (outlet && (a.outlet ?? '').toLowerCase() !== outlet.toLowerCase()) continue;
    const quote = findQuoteOfSide(db, side);
    items.push({
      verdictId: v.id,
      claim: side.text,
      speaker: quote ? (quote.speaker ?? quote.speakerName) : null,
      appearance: {
        title: a.title,
        outlet: a.outlet,
        url: a.url,
        published: a.published,
        source: articleSource(a.textHash),
      },
      // a retired rating may lie outside the offered scale: widen the bounds to hold it
      rating: {
        value: v.ratingValue!,
        label: v.ratingLabel!,
        best: Math.max(bounds.best, v.ratingValue!),
        worst: Math.min(bounds.worst, v.ratingValue!),
      },
      rationale: v.rationale ?? '',
      givenAt: v.givenAt!,
    });
  }
  return items;
}

/** The ClaimReview export body; undefined when the scope names nothing that exists. */
export function exportClaimReviews(
  db: Db,
  scope: ReportScope,
  filters: ReportFilters,
  publisher: ClaimReviewPublisher,
): string | undefined {
  const items = gatherClaimReviews(db, scope, filters);
  return items && renderClaimReviews(items, publisher);
}
