/**
 * Editorial-language suggestions of stored articles: reading them with their
 * density, and the reviewer's accept / dismiss decisions. Decisions are kept by
 * the span's words, category and start (editorial_decisions), so they outlive
 * re-analysis of the article.
 */
import type { Db } from '../db.js';
import { measureDensity, type EditorialDensity } from '../editorial/index.js';
import { getArticle, type ArticleRow } from '../store/articles.js';
import { decideEditorialSpan, getEditorialSpan, listEditorialSpans, type EditorialSpanRow } from '../store/editorial.js';

/** An article's suggestions (every status) and the density of those not dismissed. */
export interface ArticleEditorial {
  article: ArticleRow;
  spans: EditorialSpanRow[];
  density: EditorialDensity;
}

/** What a decision did: the span as it now stands. */
export interface EditorialDecision {
  span: EditorialSpanRow;
}

/**
 * Density of the suggestions a reviewer has not dismissed: a dismissed span
 * was judged not editorial, so it no longer counts.
 */
export function measureArticleDensity(spans: readonly EditorialSpanRow[], wordCount: number): EditorialDensity {
  return measureDensity(
    spans.filter((s) => s.status !== 'dismissed'),
    wordCount,
  );
}

/** An article's suggestions with status and density, or undefined when there is no such article. */
export function getArticleEditorial(db: Db, articleId: number): ArticleEditorial | undefined {
  const article = getArticle(db, articleId);
  if (!article) return undefined;
  const spans = listEditorialSpans(db, articleId);
  return { article, spans, density: measureArticleDensity(spans, article.wordCount) };
}

/** Mark a suggestion accepted. Undefined when there is no such suggestion. */
export function acceptEditorialSuggestion(db: Db, spanId: number): EditorialDecision | undefined {
  const span = getEditorialSpan(db, spanId);
  if (!span) return undefined;
  decideEditorialSpan(db, span, 'accepted');
  return { span: getEditorialSpan(db, spanId)! };
}

/**
 * Dismiss a suggestion: it is no longer highlighted or counted, and stays
 * dismissed when the article is analysed again. Undefined when there is no
 * such suggestion.
 */
export function dismissEditorialSuggestion(db: Db, spanId: number): EditorialDecision | undefined {
  const span = getEditorialSpan(db, spanId);
  if (!span) return undefined;
  decideEditorialSpan(db, span, 'dismissed');
  return { span: getEditorialSpan(db, spanId)! };
}
