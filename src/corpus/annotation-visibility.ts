/**
 * What each reader may see of annotations. Reads are open, but a deleted
 * annotation, its note, and notes that its author has since removed or
 * replaced are for reviewers and admins only: a reviewer who deletes a note
 * (say, one that names a source) must be able to rely on the public no
 * longer reading it.
 */
import type { Db } from '../db.js';
import {
  selectAnnotations,
  getAnnotation,
  selectHistory,
  type AnnotationFilters,
  type AnnotationRow,
  type HistoryRow,
} from '../store/annotations.js';
import type { Role } from '../store/users.js';
import { getArticle } from '../store/articles.js';

/** Who is reading: a signed-in user's role, or null for anonymous. */
export type Reader = { role: Role } | null;

/** True when this reader may see deleted annotations and removed notes. */
export function seesDeleted(reader: Reader): boolean {
  return reader?.role === 'reviewer' || reader?.role === 'admin';
}

/**
 * Annotations matching the filters as this reader may see them: asking for
 * deleted ones without the right gives 'forbidden'; `all` leaves them out.
 */
export function listVisibleAnnotations(
  db: Db,
  reader: Reader,
  filters: AnnotationFilters,
): AnnotationRow[] | 'forbidden' {
  if (seesDeleted(reader)) return selectAnnotations(db, filters);
  if (filters.status === 'deleted') return 'forbidden';
  return selectAnnotations(db, { ...filters, status: filters.status === 'all' ? undefined : filters.status });
}

/**
 * One annotation if this reader may see it: a deleted one is not found for
 * readers who may not see it, and one on a deleted article is found by admins
 * only (the article is hidden with everything on it until it is restored).
 */
export function findVisibleAnnotation(db: Db, reader: Reader, id: number): AnnotationRow | undefined {
  const a = getAnnotation(db, id);
  if (!a || (a.status === 'deleted' && !seesDeleted(reader))) return undefined;
  const onDeletedArticle = !getArticle(db, a.articleId) || (a.other !== null && !getArticle(db, a.other.articleId));
  return onDeletedArticle && reader?.role !== 'admin' ? undefined : a;
}

/**
 * An annotation's history as this reader may see it: for readers who may not
 * see deleted notes, a note in an entry that is not the annotation's current
 * note is replaced by null with `noteHidden: true`.
 */
export function visibleHistory(db: Db, reader: Reader, annotation: AnnotationRow): HistoryRow[] {
  const history = selectHistory(db, annotation.id);
  if (seesDeleted(reader)) return history;
  const redact = (state: unknown): unknown => {
    if (!state || typeof state !== 'object') return state;
    const s = state as { note?: unknown };
    return s.note == null || s.note === annotation.note ? state : { ...s, note: null, noteHidden: true };
  };
  return history.map((h) => ({ ...h, before: redact(h.before), after: redact(h.after) }));
}
