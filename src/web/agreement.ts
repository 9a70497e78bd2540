/** Agreement: how far reviewers' annotations of an article agree, as a page and JSON. */
import { measureArticleAgreement } from '../corpus/agreement.js';
import { listAllTags } from '../corpus/tags.js';
import { getArticle } from '../store/articles.js';
import type { TagRow } from '../store/tags.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { isApiRequest, type Handler } from './request.js';

/** GET /articles/:id/agreement and GET /api/articles/:id/agreement */
export const agreement: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const article = id === undefined ? undefined : getArticle(db, id);
  if (!article) return sendError(req, res, 404, `No article with id ${req.params.id}`);
  const result = measureArticleAgreement(db, article);
  if (isApiRequest(req)) return void res.json({ articleId: article.id, ...result });
  const labels = new Map(listAllTags(db).map((t: TagRow) => [t.id, t.label]));
  res.render('articles/agreement', { title: `Agreement: ${article.title}`, article, ...result, labels });
};
