/** Agreement between the reviewers who tagged spans of one article. */
import type { Db } from '../db.js';
import { measureAgreement, type TagAgreement } from '../annotations/agreement.js';
import type { ArticleRow } from '../store/articles.js';
import { selectAnnotations } from '../store/annotations.js';

/** The agreement figures of an article. */
export interface ArticleAgreement {
  /** Reviewers with at least one live tagged span on the article. */
  reviewers: string[];
  tags: TagAgreement[];
}

/**
 * Per-tag token agreement between everyone who tagged spans of this article.
 * Orphaned and deleted annotations and notes without a tag do not count; a
 * reviewer who tagged something on the article but never used a tag counts
 * as having marked no token with it.
 */
export function measureArticleAgreement(db: Db, article: ArticleRow): ArticleAgreement {
  const spans = selectAnnotations(db, { articleId: article.id, status: 'active', limit: 10_000 })
    .filter((a) => a.tagId !== null)
    .map((a) => ({ reviewer: a.creatorName, tagId: a.tagId!, start: a.start, end: a.end }));
  const reviewers = [...new Set(spans.map((s) => s.reviewer))].sort();
  return { reviewers, tags: measureAgreement(article.text, reviewers, spans) };
}
