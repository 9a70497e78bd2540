/** The admin's page of deleted articles, with a Restore button each. */
import type { RequestHandler } from 'express';
import { restoreArticleAs } from '../corpus/article-deletion.js';
import { listDeletedArticles } from '../store/articles.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { dbOf } from './request.js';

/** GET /articles/deleted */
export const listPage: RequestHandler = (_req, res) => {
  res.render('articles/deleted', { title: 'Deleted articles', articles: listDeletedArticles(dbOf(res)) });
};

/** POST /articles/:id/restore */
export const restore: RequestHandler = (req, res) => {
  const id = parseId(req.params.id);
  const r = id === undefined ? { status: 'not-found' as const } : restoreArticleAs(dbOf(res), res.locals.user, id);
  if (r.status === 'not-found') return sendError(req, res, 404, `No deleted article with id ${req.params.id}`);
  if (r.status !== 'ok') return sendError(req, res, 403, r.reason);
  res.redirect(303, `/articles/${id}`);
};
