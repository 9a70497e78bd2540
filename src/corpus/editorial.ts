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
import {
  decideEditorialSpan,
  getEditorialSpan,
  getEditorialThreshold,
  listEditorialSentences,
  listEditorialSpans,
  setEditorialThreshold,
  type EditorialSentenceRow,
  type EditorialSpanRow,
} from '../store/editorial.js';
import { DEFAULT_EDITORIAL_THRESHOLD, MIN_EDITORIAL_THRESHOLD } from '../editorial/trained-model.js';

/** An article's suggestions (every status) and the density of those not dismissed. */
export interface ArticleEditorial {
  article: ArticleRow;
  /** the suggestions at the threshold */
  spans: EditorialSpanRow[];
  density: EditorialDensity;
  /** each sentence's bias score */
  sentences: EditorialSentenceRow[];
  /** the confidence from which the model's own words are shown */
  threshold: number;
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

/**
 * The threshold a user sees the model's words from: the one they chose, else
 * the default (also for visitors who are not logged in).
 */
export function readEditorialThreshold(db: Db, userId: number | undefined): number {
  return (userId === undefined ? undefined : getEditorialThreshold(db, userId)) ?? DEFAULT_EDITORIAL_THRESHOLD;
}

/** Remember the threshold a user chose; refused (false) outside [MIN_EDITORIAL_THRESHOLD, 1]. */
export function chooseEditorialThreshold(db: Db, userId: number, threshold: number): boolean {
  if (!Number.isFinite(threshold) || threshold < MIN_EDITORIAL_THRESHOLD || threshold > 1) return false;
  setEditorialThreshold(db, userId, threshold);
  return true;
}

/**
 * An article's suggestions at a threshold: every lexicon and pattern span,
 * and the model's own words whose confidence reaches the threshold.
 */
export function listVisibleEditorialSpans(db: Db, articleId: number, threshold: number): EditorialSpanRow[] {
  return listEditorialSpans(db, articleId, threshold);
}

/** An article's suggestions at a threshold with status, density and sentence scores, or undefined when there is no such article. */
export function getArticleEditorial(
  db: Db,
  articleId: number,
  threshold = DEFAULT_EDITORIAL_THRESHOLD,
): ArticleEditorial | undefined {
  const article = getArticle(db, articleId);
  if (!article) return undefined;
  const spans = listVisibleEditorialSpans(db, articleId, threshold);
  return {
    article,
    spans,
    density: measureArticleDensity(spans, article.wordCount),
    sentences: listEditorialSentences(db, articleId),
    threshold,
  };
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
  return db
    .transaction((): EditorialDecision | undefined => {
      const span = getEditorialSpan(db, spanId);
      if (!span) return undefined;
      decideEditorialSpan(db, span, 'accepted');
      const accepted = getEditorialSpan(db, spanId)!;
      const existing = listAnnotations(db, { articleId: span.articleId, tagId: span.category, status: 'active' }).find(
        (a) => a.start === span.start && a.end === span.end,
      );
      if (existing) return { span: accepted, annotation: existing };
      const made = createAnnotation(db, userId, {
        articleId: span.articleId,
        start: span.start,
        end: span.end,
        exact: span.text,
        tagId: span.category,
      });
      if (made.status === 'ok') return { span: accepted, annotation: made.annotation };
      const why = made.status === 'invalid' ? Object.values(made.errors).join(' ') : made.status;
      return { span: accepted, annotation: null, annotationError: why };
    })
    .immediate();
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
