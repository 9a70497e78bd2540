/** The admin's page of deleted articles, with a Restore button each. */
import type { RequestHandler, Response } from 'express';
import type { Db } from '../db.js';
import { restoreArticleAs } from '../corpus/article-deletion.js';
import { listDeletedArticles } from '../store/articles.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';

const db = (res: Response): Db => res.app.locals.db as Db;

/** GET /articles/deleted */
export const listPage: RequestHandler = (_req, res) => {
  res.render('articles/deleted', { title: 'Deleted articles', articles: listDeletedArticles(db(res)) });
};

/** POST /articles/:id/restore */
export const restore: RequestHandler = (req, res) => {
  const id = parseId(req.params.id);
  const r = id === undefined ? { status: 'not-found' as const } : restoreArticleAs(db(res), res.locals.user, id);
  if (r.status === 'not-found') return sendError(req, res, 404, `No deleted article with id ${req.params.id}`);
  if (r.status !== 'ok') return sendError(req, res, 403, r.reason);
  res.redirect(303, `/articles/${id}`);
};
