/**
 * corpus: finding an article's annotations again after its text changed —
 * the exact words first, then a close match, else orphaned (annotations/anchor.ts
 * holds the pure matching; this step stores the outcome and its history).
 */
import type { Db } from '../db.js';
import { pickAnchor, reanchor } from '../annotations/anchor.js';
import { getArticle } from '../store/articles.js';
import {
  getAnnotation,
  insertHistory,
  selectAnnotations,
  updateAnnotationRow,
  type AnchoredSpan,
} from '../store/annotations.js';
import { snapshotAnnotation } from './annotations.js';

/** What re-anchoring did to an article's annotations. */
export interface ReanchorSummary {
  unchanged: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

/**
 * Find every live annotation on an article again in its new text (as the main
 * span or as the other span of a pair note). Moves are recorded in the
 * history; an annotation whose words are gone is marked orphaned, keeping its
 * old position and words, never silently moved or dropped. Run inside the
 * transaction that changes the text.
 */
export function reanchorArticleAnnotations(db: Db, articleId: number, newText: string): ReanchorSummary {
  const summary: ReanchorSummary = { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const at = new Date().toISOString();
  // orphaned ones are tried again too: a corrected text may bring their words back
  const texts = new Map<number, string>([[articleId, newText]]);
  const textOf = (id: number): string => {
    if (!texts.has(id)) texts.set(id, getArticle(db, id)?.text ?? '');
    return texts.get(id)!;
  };
  for (const before of selectAnnotations(db, { involvingArticleId: articleId, limit: 10_000 })) {
    let orphaned = false;
    let moved = false;
    // both sides are placed again, each in its article's current text, so
    // the status says whether the whole annotation is anchored
    const place = (anchor: AnchoredSpan): AnchoredSpan => {
      const r = reanchor(anchor, textOf(anchor.articleId));
      if (anchor.articleId === articleId) summary[r.status] += 1;
      if (r.status === 'orphaned') orphaned = true;
      else if (r.status !== 'unchanged') moved = true;
      return { articleId: anchor.articleId, ...pickAnchor(r) };
    };
    const { start, end, exact, prefix, suffix } = place(before);
    const other = before.other && place(before.other);
    const status = orphaned ? 'orphaned' : 'active';
    if (!moved && status === before.status) continue;
    // the annotation keeps its own time: moving it is recorded in its history, it is not a reviewer's change
    updateAnnotationRow(db, before.id, {
      start,
      end,
      exact,
      prefix,
      suffix,
      tagId: before.tagId,
      note: before.note,
      other,
      status,
      modifiedAt: before.modifiedAt,
    });
    const after = getAnnotation(db, before.id)!;
    insertHistory(db, {
      annotationId: before.id,
      userId: null,
      action: status === 'orphaned' ? 'orphan' : 'reanchor',
      at,
      before: snapshotAnnotation(before),
      after: snapshotAnnotation(after),
    });
  }
  return summary;
}
