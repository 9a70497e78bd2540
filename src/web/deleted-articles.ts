/** The admin's page of deleted articles, with a Restore button each. */
import { restoreArticleAs } from '../corpus/article-deletion.js';
import { listDeletedArticles } from '../store/articles.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import type { Handler } from './request.js';

/** GET /articles/deleted */
export const listPage: Handler = ({ db }, _req, res) => {
  res.render('articles/deleted', { title: 'Deleted articles', articles: listDeletedArticles(db) });
};

/** POST /articles/:id/restore */
export const restore: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const r = id === undefined ? { status: 'not-found' as const } : restoreArticleAs(db, res.locals.user, id);
  if (r.status === 'not-found') return sendError(req, res, 404, `No deleted article with id ${req.params.id}`);
  if (r.status !== 'ok') return sendError(req, res, 403, r.reason);
  res.redirect(303, `/articles/${id}`);
};
