/**
 * Annotations of the two articles of a comparison, shown on the comparison
 * page: highlighted in the whole texts and listed under the statements whose
 * words they touch, so an annotation made there is seen there after saving.
 */
import type { Db } from '../db.js';
import { listAnnotations } from '../corpus/annotations.js';
import type { AnnotationRow } from '../store/annotations.js';
import { annotationHighlights, spansOverlap } from './annotation-views.js';
import type { Highlight } from './render-text.js';

interface Span {
  articleId: number;
  start: number;
  end: number;
}

/** What the comparison page needs about the annotations of its two articles (pair notes are separate). */
export function viewCompareAnnotations(db: Db, leftId: number, rightId: number) {
  const onText = [leftId, rightId].flatMap((id) =>
    listAnnotations(db, { articleId: id, status: 'active' }).filter((a) => !a.other),
  );
  return {
    /** Highlights of one article's annotations, for its whole text. */
    annotationHighlightsOf(articleId: number): Highlight[] {
      return annotationHighlights(onText, articleId);
    },
    /** Annotations on the words of either version of a statement. */
    annotationsOn(...versions: Span[]): AnnotationRow[] {
      return onText.filter((a) => versions.some((v) => v.articleId === a.articleId && spansOverlap(a, v)));
    },
  };
}
