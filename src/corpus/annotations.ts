/**
 * Annotation orchestration shared by the pages, the API and the CLI: create,
 * change and (soft) delete with ownership checks, every change kept in the
 * history, and re-anchoring when an article's text changes.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import { describeSpan, reanchor, type TextAnchor } from '../annotations/anchor.js';
import { cleanMultiline } from '../ingest/fields.js';
import { getArticle } from '../store/articles.js';
import { getTag } from '../store/tags.js';
import type { Role } from '../store/users.js';
import {
  getAnnotation,
  insertAnnotation,
  insertHistory,
  selectAnnotations,
  selectHistory,
  updateAnnotationRow,
  type AnchoredSpan,
  type AnnotationChange,
  type AnnotationFilters,
  type AnnotationRow,
  type HistoryRow,
} from '../store/annotations.js';
import { ensureTags } from './tags.js';

/** A span as a client sends it: positions in the article's normalized text, and the words seen there. */
export interface SpanInput {
  articleId: number;
  start: number;
  /** End exclusive. */
  end: number;
  /** The words the client saw; when they are not at start–end the span is looked for nearby. */
  exact?: string;
}

/** A new annotation: a tag, a note or both, on a span (and, for a pair note, a span in the other article). */
export interface AnnotationInput extends SpanInput {
  tagId?: string | null;
  note?: string | null;
  other?: SpanInput | null;
}

/** A change to an annotation; fields left out stay as they are. */
export interface AnnotationEdit {
  tagId?: string | null;
  note?: string | null;
  start?: number;
  end?: number;
  exact?: string;
}

/** Who is acting. */
export interface Actor {
  id: number;
  role: Role;
}

/** The outcome of a write. */
export type AnnotationResult =
  | { status: 'ok'; annotation: AnnotationRow }
  | { status: 'invalid'; errors: Record<string, string> }
  | { status: 'not-found'; what?: string }
  | { status: 'forbidden' };

/** Longest note kept (characters). */
export const maxNoteLength = 10_000;

const now = (): string => new Date().toISOString();

/** The fields of an annotation that its history records. */
export function snapshotAnnotation(a: AnnotationRow): Record<string, unknown> {
  return {
    start: a.start,
    end: a.end,
    exact: a.exact,
    prefix: a.prefix,
    suffix: a.suffix,
    tagId: a.tagId,
    note: a.note,
    other: a.other,
    status: a.status,
  };
}

/**
 * Check a span against the article's text. Leading and trailing white space
 * is left out; when `exact` is given but is not the text at start–end (the
 * page was stale), the span is re-anchored by its words; if they are not
 * found the span is refused.
 */
export function resolveSpan(db: Db, span: SpanInput): { ok: true; span: AnchoredSpan } | { ok: false; error: string } {
  const article = getArticle(db, span.articleId);
  if (!article) return { ok: false, error: `No article ${span.articleId}.` };
  const text = article.text;
  let { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    if (span.exact === undefined)
      return {
        ok: false,
        error: `The span ${start}–${end} is not inside the article's text (${text.length} characters).`,
      };
    start = Math.min(Math.max(0, Math.trunc(start) || 0), text.length);
    end = start;
  }
  if (span.exact !== undefined && text.slice(start, end) !== span.exact) {
    const exact = span.exact.trim();
    if (!exact) return { ok: false, error: 'The selected words are empty.' };
    const found = reanchor({ start, end: start + exact.length, exact, prefix: '', suffix: '' }, text);
    if (found.status !== 'unchanged' && found.status !== 'moved')
      return { ok: false, error: 'The selected words are not in the article’s text.' };
    ({ start, end } = found);
  }
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return { ok: false, error: 'The selection holds only white space.' };
  return { ok: true, span: { articleId: article.id, ...describeSpan(text, start, end) } };
}

function checkTag(db: Db, tagId: string | null | undefined, keep: string | null): string | undefined {
  if (tagId === null || tagId === undefined || tagId === keep) return undefined;
  const tag = getTag(db, tagId);
  if (!tag) return `No tag "${tagId}".`;
  // a retired tag stays on old annotations but is not given to new ones
  if (tag.retiredAt) return `The tag "${tag.label}" is retired.`;
  return undefined;
}

/** A note as stored: line ends unified, control characters but \n and \t removed, trimmed; empty → null. */
export function cleanNote(note: string | null | undefined): string | null {
  if (note === null || note === undefined) return null;
  const t = cleanMultiline(note);
  return t ? t : null;
}

/** Create an annotation by this user. */
export function createAnnotation(db: Db, userId: number, input: AnnotationInput): AnnotationResult {
  ensureTags(db);
  // an unknown article is a missing resource (404), not bad input
  for (const articleId of [input.articleId, input.other?.articleId]) {
    if (articleId !== undefined && !getArticle(db, articleId))
      return { status: 'not-found', what: `no article ${articleId}` };
  }
  return db
    .transaction((): AnnotationResult => {
      const errors: Record<string, string> = {};
      const main = resolveSpan(db, input);
      if (!main.ok) errors.span = main.error;
      let other: AnchoredSpan | null = null;
      if (input.other) {
        const o = resolveSpan(db, input.other);
        if (!o.ok) errors.other = o.error;
        else if (o.span.articleId === input.articleId) errors.other = 'The other span must be in another article.';
        else other = o.span;
      }
      const note = cleanNote(input.note);
      const tagId = input.tagId || null;
      const tagError = checkTag(db, tagId, null);
      if (tagError) errors.tagId = tagError;
      if (!tagId && !note) errors.note = 'Choose a tag or write a note (or both).';
      if (note && note.length > maxNoteLength) errors.note = `A note holds at most ${maxNoteLength} characters.`;
      if (Object.keys(errors).length || !main.ok) return { status: 'invalid', errors };
      const at = now();
      const id = insertAnnotation(db, {
        uuid: randomUUID(),
        ...main.span,
        tagId,
        note,
        other,
        creatorId: userId,
        status: 'active',
        createdAt: at,
      });
      const annotation = getAnnotation(db, id)!;
      insertHistory(db, {
        annotationId: id,
        userId,
        action: 'create',
        at,
        before: null,
        after: snapshotAnnotation(annotation),
      });
      return { status: 'ok', annotation };
    })
    .immediate();
}

/** Reviewers change their own annotations; admins any; viewers none. */
export function canChange(actor: Actor, annotation: Pick<AnnotationRow, 'creatorId'>): boolean {
  return actor.role === 'admin' || (actor.role === 'reviewer' && annotation.creatorId === actor.id);
}

/** Change an annotation's tag, note or span. Ownership is checked here. */
export function updateAnnotation(db: Db, actor: Actor, id: number, edit: AnnotationEdit): AnnotationResult {
  return db
    .transaction((): AnnotationResult => {
      const before = getAnnotation(db, id);
      if (!before || before.status === 'deleted') return { status: 'not-found' };
      if (!canChange(actor, before)) return { status: 'forbidden' };
      const errors: Record<string, string> = {};
      let span: TextAnchor = before;
      let status = before.status;
      if (edit.start !== undefined || edit.end !== undefined || edit.exact !== undefined) {
        const r = resolveSpan(db, {
          articleId: before.articleId,
          start: edit.start ?? before.start,
          end: edit.end ?? before.end,
          exact: edit.exact,
        });
        if (!r.ok) errors.span = r.error;
        else {
          span = r.span;
          // a reviewer placing an orphaned annotation again makes it active
          status = 'active';
        }
      }
      const tagId = edit.tagId === undefined ? before.tagId : edit.tagId || null;
      const tagError = checkTag(db, tagId, before.tagId);
      if (tagError) errors.tagId = tagError;
      const note = edit.note === undefined ? before.note : cleanNote(edit.note);
      if (!tagId && !note) errors.note = 'Keep a tag or a note (or both).';
      if (note && note.length > maxNoteLength) errors.note = `A note holds at most ${maxNoteLength} characters.`;
      if (Object.keys(errors).length) return { status: 'invalid', errors };
      // an edit that changes nothing is not a change: no new time, no history entry
      const same =
        span.start === before.start &&
        span.end === before.end &&
        tagId === before.tagId &&
        note === before.note &&
        status === before.status;
      if (same) return { status: 'ok', annotation: before };
      const at = now();
      const change: AnnotationChange = {
        start: span.start,
        end: span.end,
        exact: span.exact,
        prefix: span.prefix,
        suffix: span.suffix,
        tagId,
        note,
        other: before.other,
        status,
        modifiedAt: at,
      };
      updateAnnotationRow(db, id, change);
      const after = getAnnotation(db, id)!;
      insertHistory(db, {
        annotationId: id,
        userId: actor.id,
        action: 'update',
        at,
        before: snapshotAnnotation(before),
        after: snapshotAnnotation(after),
      });
      return { status: 'ok', annotation: after };
    })
    .immediate();
}

/** Soft-delete an annotation: it keeps its row and history, with status `deleted`. */
export function deleteAnnotation(db: Db, actor: Actor, id: number): AnnotationResult {
  return db
    .transaction((): AnnotationResult => {
      const before = getAnnotation(db, id);
      if (!before || before.status === 'deleted') return { status: 'not-found' };
      if (!canChange(actor, before)) return { status: 'forbidden' };
      const at = now();
      updateAnnotationRow(db, id, { ...before, status: 'deleted', modifiedAt: at });
      const after = getAnnotation(db, id)!;
      insertHistory(db, {
        annotationId: id,
        userId: actor.id,
        action: 'delete',
        at,
        before: snapshotAnnotation(before),
        after: snapshotAnnotation(after),
      });
      return { status: 'ok', annotation: after };
    })
    .immediate();
}

/** Annotations matching the filters (by default all but deleted ones). */
export function listAnnotations(db: Db, filters: AnnotationFilters = {}): AnnotationRow[] {
  return selectAnnotations(db, filters);
}

/** One annotation by id, or undefined. */
export function findAnnotation(db: Db, id: number): AnnotationRow | undefined {
  return getAnnotation(db, id);
}

/** An annotation's history, oldest first. */
export function annotationHistory(db: Db, id: number): HistoryRow[] {
  return selectHistory(db, id);
}
