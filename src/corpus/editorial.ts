/**
 * Editorial-language suggestions of stored articles: reading them with their
 * density, and the reviewer's accept / dismiss decisions (accept also
 * annotates the words with the category's tag). Decisions are kept by
 * the span's words, category and start (editorial_decisions), so they outlive
 * re-analysis of the article.
 */
import type { Db } from '../db.js';
import { createAnnotation, listAnnotations } from './annotations.js';
import { measureDensity, type EditorialDensity } from '../editorial/index.js';
import type { AnnotationRow } from '../store/annotations.js';
import { getArticle, type ArticleRow } from '../store/articles.js';
import { decideEditorialSpan, getEditorialSpan, listEditorialSpans, type EditorialSpanRow } from '../store/editorial.js';

/** An article's suggestions (every status) and the density of those not dismissed. */
export interface ArticleEditorial {
  article: ArticleRow;
  spans: EditorialSpanRow[];
  density: EditorialDensity;
}

/** What a decision did: the span as it now stands, and for an accept the annotation that carries its tag. */
export interface EditorialDecision {
  span: EditorialSpanRow;
  /** the reviewer's annotation with the category's tag on the span (accept only; null when none could be made) */
  annotation?: AnnotationRow | null;
  /** why no annotation was made, when the tag is refused (retired by an admin, say) */
  annotationError?: string;
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

/**
 * Accept a suggestion in one step: mark it accepted and annotate its words,
 * as this user, with the tag of its category (the taxonomy's editorial tags
 * share the category ids). Accepting again reuses the active annotation with
 * that tag on those words instead of adding a second one. When the tag is
 * refused (retired) the suggestion is still accepted and the reason returned.
 * Undefined when there is no such suggestion.
 */
export function acceptEditorialSuggestion(db: Db, spanId: number, userId: number): EditorialDecision | undefined {
  return db.transaction((): EditorialDecision | undefined => {
    const span = getEditorialSpan(db, spanId);
    if (!span) return undefined;
    decideEditorialSpan(db, span, 'accepted');
    const accepted = getEditorialSpan(db, spanId)!;
    const existing = listAnnotations(db, { articleId: span.articleId, tagId: span.category, status: 'active' }).find((a) => a.start === span.start && a.end === span.end);
    if (existing) return { span: accepted, annotation: existing };
    const made = createAnnotation(db, userId, { articleId: span.articleId, start: span.start, end: span.end, exact: span.text, tagId: span.category });
    if (made.status === 'ok') return { span: accepted, annotation: made.annotation };
    const why = made.status === 'invalid' ? Object.values(made.errors).join(' ') : made.status;
    return { span: accepted, annotation: null, annotationError: why };
  }).immediate();
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
