/**
 * The home page's featured comparisons: the article pairs sharing the most
 * statements, those holding a possible misquote first, each with the first
 * misquote's alterations in words, from the reference version to the later.
 */
import type { Db } from '../db.js';
import { getArticle, type ArticleRow } from '../store/articles.js';
import { listPairsBetween, listTopArticlePairs } from '../store/pairs.js';
import { describeAlteration, orientAlterations } from '../pairing/index.js';
import { orderArticlePair } from './references.js';

/** One featured comparison. */
export interface FeaturedComparison {
  articleA: number;
  articleB: number;
  a: ArticleRow;
  b: ArticleRow;
  pairs: number;
  misquotes: number;
  /** the alterations of the first possible misquote ("figure changed: 40 → 14"), when there is one */
  misquote: string | undefined;
}

/** The `limit` featured comparisons. */
export function listFeaturedComparisons(db: Db, limit: number): FeaturedComparison[] {
  return listTopArticlePairs(db, limit).flatMap((t) => {
    const a = getArticle(db, t.articleA);
    const b = getArticle(db, t.articleB);
    if (!a || !b) return [];
    let misquote: string | undefined;
    if (t.misquotes > 0) {
      const pairs = listPairsBetween(db, a.id, b.id);
      const altered = pairs.find((p) => p.alterations.length > 0);
      if (altered) {
        const { earlier } = orderArticlePair(db, a, b, pairs);
        misquote = orientAlterations(altered.alterations, altered.articleA === earlier.id)
          .map(describeAlteration)
          .join('; ');
      }
    }
    return [{ ...t, a, b, misquote }];
  });
}
