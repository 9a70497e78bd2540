/**
 * Annotation pages and JSON API. The form and the API share one schema and
 * call the same domain functions; ownership is checked in the domain layer.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../db.js';
import { findVisibleAnnotation, listVisibleAnnotations, visibleHistory } from '../corpus/annotation-visibility.js';
import { createAnnotation, deleteAnnotation, updateAnnotation, type AnnotationResult } from '../corpus/annotations.js';
import { listAllTags } from '../corpus/tags.js';
import { listUsers, type UserRow } from '../store/users.js';
import type { AnnotationFilters, AnnotationRow } from '../store/annotations.js';
import { sendError } from './errors.js';
import { parseId, blank } from './params.js';
import { renderNote } from '../reports/note.js';
import { isApiRequest, safeRedirectPath, type Handler } from './request.js';
import { viewArticlePage } from './article-views.js';
import { viewAnnotationPage } from './annotation-views.js';
import { getArticle, listArticles } from '../store/articles.js';

/** An empty form field is "not given". */
const offset = z.preprocess(blank, z.coerce.number().int().min(0).max(100_000_000));
const optionalText = (max: number) => z.preprocess(blank, z.string().max(max).optional());

/** A new annotation, from a form (flat fields) or JSON (an `other` object). */
export const annotationSchema = z
  .object({
    articleId: z.preprocess(blank, z.coerce.number().int().positive()),
    start: offset,
    end: offset,
    exact: optionalText(20_000),
    tagId: z.preprocess(blank, z.string().max(60).nullable().optional()),
    note: z.preprocess(blank, z.string().max(10_000).nullable().optional()),
    other: z
      .object({
        articleId: z.coerce.number().int().positive(),
        start: offset,
        end: offset,
        exact: optionalText(20_000),
      })
      .nullable()
      .optional(),
    otherArticleId: z.preprocess(blank, z.coerce.number().int().positive().optional()),
    otherStart: z.preprocess(blank, offset.optional()),
    otherEnd: z.preprocess(blank, offset.optional()),
    otherExact: optionalText(20_000),
  })
  .refine((a) => a.end > a.start, { message: 'The span must end after it starts.', path: ['end'] })
  .transform(({ otherArticleId, otherStart, otherEnd, otherExact, ...a }) => ({
    ...a,
    other:
      a.other ??
      (otherArticleId !== undefined && otherStart !== undefined && otherEnd !== undefined
        ? { articleId: otherArticleId, start: otherStart, end: otherEnd, exact: otherExact }
        : null),
  }));

/** A change to an annotation. */
export const annotationEditSchema = z.object({
  tagId: z.preprocess(blank, z.string().max(60).nullable().optional()),
  note: z.string().max(10_000).nullable().optional(),
  start: z.preprocess(blank, offset.optional()),
  end: z.preprocess(blank, offset.optional()),
  exact: optionalText(20_000),
});

const isoDay = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'Use a date like 2024-05-31.')
    .optional(),
);

/** The list filters, from the query string. */
export const filterSchema = z.object({
  article: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  tag: z.preprocess(blank, z.string().max(60).optional()),
  reviewer: z.preprocess(blank, z.string().max(100).optional()),
  from: isoDay,
  to: isoDay,
  status: z.preprocess(blank, z.enum(['active', 'orphaned', 'deleted', 'all']).optional()),
});

const toFilters = (q: z.infer<typeof filterSchema>): AnnotationFilters => ({
  articleId: q.article,
  tagId: q.tag,
  creatorName: q.reviewer,
  from: q.from,
  to: q.to,
  status: q.status,
});

/** An annotation as the API shows it. */
export function presentAnnotation(a: AnnotationRow) {
  return {
    id: a.id,
    uuid: a.uuid,
    articleId: a.articleId,
    articleTitle: a.articleTitle,
    start: a.start,
    end: a.end,
    exact: a.exact,
    prefix: a.prefix,
    suffix: a.suffix,
    tagId: a.tagId,
    tagLabel: a.tagLabel,
    note: a.note,
    other: a.other,
    creator: { id: a.creatorId, username: a.creatorName },
    // provenance of an annotation imported from another instance: shown, never an account
    imported: a.imported,
    status: a.status,
    createdAt: a.createdAt,
    modifiedAt: a.modifiedAt,
  };
}

function issues(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[String(i.path[0] ?? 'form')] ??= i.message;
  return out;
}

const user = (res: Response): UserRow => res.locals.user as UserRow;

/** A form's failure, for the page that shows the form again. */
type RenderForm = (errors: Record<string, string>) => void;

function sendResult(
  req: Request,
  res: Response,
  r: AnnotationResult,
  okStatus: number,
  back: (a: AnnotationRow) => string,
  renderForm?: RenderForm,
): void {
  if (r.status === 'not-found') return sendError(req, res, 404, `annotations: ${r.what ?? 'no such annotation'}`);
  if (r.status === 'forbidden')
    return sendError(req, res, 403, 'annotations: only its author or an admin may change this annotation');
  if (r.status === 'invalid') {
    if (isApiRequest(req))
      return void res
        .status(400)
        .json({ error: `annotations: ${Object.values(r.errors).join(' ')}`, errors: r.errors });
    if (renderForm) return renderForm(r.errors);
    return sendError(req, res, 400, `The annotation was not saved: ${Object.values(r.errors).join(' ')}`);
  }
  if (isApiRequest(req)) return void res.status(okStatus).json({ annotation: presentAnnotation(r.annotation) });
  res.redirect(303, back(r.annotation));
}

/** The article page again, with status 400 and the annotation form holding the user's input and what was wrong. */
function renderAnnotateForm(db: Db, req: Request, res: Response): RenderForm {
  return (errors) => {
    const articleId = parseId(req.body?.articleId);
    const article = articleId === undefined ? undefined : getArticle(db, articleId);
    if (!article) return sendError(req, res, 400, `The annotation was not saved: ${Object.values(errors).join(' ')}`);
    const view = viewArticlePage(db, article, user(res).id);
    res.status(400).render('articles/show', { ...view, annotationForm: { values: req.body ?? {}, errors } });
  };
}

/** The annotation's page again, with status 400 and the edit form holding the user's input and what was wrong. */
function renderEditForm(db: Db, req: Request, res: Response, id: number): RenderForm {
  return (errors) => {
    const annotation = findVisibleAnnotation(db, res.locals.user, id);
    if (!annotation) return sendError(req, res, 404, 'annotations: no such annotation');
    res.status(400).render('annotations/show', {
      ...viewAnnotationPage(db, res.locals.user, annotation),
      editForm: { values: req.body ?? {}, errors },
    });
  };
}

/** POST /annotations (form) and POST /api/annotations (JSON). */
export const create: Handler = ({ db }, req, res) => {
  const parsed = annotationSchema.safeParse(req.body ?? {});
  const back = (a: AnnotationRow) => safeRedirectPath(req.body?.back, `/articles/${a.articleId}#annotation-${a.id}`);
  if (!parsed.success)
    return sendResult(
      req,
      res,
      { status: 'invalid', errors: issues(parsed.error) },
      201,
      back,
      renderAnnotateForm(db, req, res),
    );
  sendResult(req, res, createAnnotation(db, user(res).id, parsed.data), 201, back, renderAnnotateForm(db, req, res));
};

/** POST /annotations/:id/edit (form) and PATCH /api/annotations/:id (JSON). */
export const update: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  if (id === undefined) return sendError(req, res, 404, 'annotations: no such annotation');
  const parsed = annotationEditSchema.safeParse(req.body ?? {});
  const back = (a: AnnotationRow) => `/annotations/${a.id}`;
  if (!parsed.success)
    return sendResult(
      req,
      res,
      { status: 'invalid', errors: issues(parsed.error) },
      200,
      back,
      renderEditForm(db, req, res, id),
    );
  sendResult(req, res, updateAnnotation(db, user(res), id, parsed.data), 200, back, renderEditForm(db, req, res, id));
};

/** POST /annotations/:id/delete (form) and DELETE /api/annotations/:id. */
export const destroy: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  if (id === undefined) return sendError(req, res, 404, 'annotations: no such annotation');
  const r = deleteAnnotation(db, user(res), id);
  sendResult(req, res, r, 200, (a) => safeRedirectPath(req.body?.back, `/annotations/${a.id}`));
};

const deletedForbidden = 'annotations: deleted annotations are shown to reviewers and admins only';

/** GET /annotations */
export const listPage: Handler = ({ db }, req, res) => {
  const parsed = filterSchema.safeParse(req.query);
  const filters = parsed.success ? parsed.data : {};
  const found = parsed.success ? listVisibleAnnotations(db, res.locals.user, toFilters(parsed.data)) : [];
  if (found === 'forbidden') return sendError(req, res, 403, deletedForbidden);
  res.status(parsed.success ? 200 : 400).render('annotations/list', {
    title: 'Annotations',
    annotations: found,
    filters,
    errors: parsed.success ? {} : issues(parsed.error),
    tags: listAllTags(db),
    articles: listArticles(db, 'published', 'asc'),
    reviewers: listUsers(db).filter((u) => u.role !== 'viewer'),
    renderNote,
  });
};

/** GET /api/annotations */
export const apiList: Handler = ({ db }, req, res) => {
  const parsed = filterSchema.safeParse(req.query);
  if (!parsed.success)
    return void res.status(400).json({ error: 'annotations: bad filter', errors: issues(parsed.error) });
  const found = listVisibleAnnotations(db, res.locals.user, toFilters(parsed.data));
  if (found === 'forbidden') return sendError(req, res, 403, deletedForbidden);
  res.json({ annotations: found.map(presentAnnotation) });
};

/** GET /annotations/:id — the annotation, its edit form and its history. */
export const showPage: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const annotation = id === undefined ? undefined : findVisibleAnnotation(db, res.locals.user, id);
  if (!annotation) return sendError(req, res, 404, `No annotation with id ${req.params.id}`);
  res.render('annotations/show', viewAnnotationPage(db, res.locals.user, annotation));
};

/** GET /api/annotations/:id */
export const apiShow: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const annotation = id === undefined ? undefined : findVisibleAnnotation(db, res.locals.user, id);
  if (!annotation) return sendError(req, res, 404, 'annotations: no such annotation');
  res.json({ annotation: presentAnnotation(annotation) });
};

/** GET /api/annotations/:id/history */
export const apiHistory: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const annotation = id === undefined ? undefined : findVisibleAnnotation(db, res.locals.user, id);
  if (!annotation) return sendError(req, res, 404, 'annotations: no such annotation');
  res.json({
    annotation: presentAnnotation(annotation),
    history: visibleHistory(db, res.locals.user, annotation),
  });
};
