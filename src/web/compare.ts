/** The comparison page and API: two articles side by side with their statements in common. */
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { compareArticles } from '../corpus/comparison.js';
import { listArticles } from '../store/articles.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { dbOf } from './request.js';
import { presentComparison, viewComparisonPage } from './comparison-views.js';

const compareQuery = z.object({ a: z.coerce.number().int().positive(), b: z.coerce.number().int().positive() });

/** GET /compare?a=&b= — without both, a chooser. */
export const show: RequestHandler = (req, res) => {
  const q = compareQuery.safeParse(req.query);
  if (!q.success) {
    const a = parseId(req.query.a);
    return res.render('compare/choose', { title: 'Compare articles', articles: listArticles(dbOf(res), 'published', 'asc'), a: a ?? null });
  }
  if (q.data.a === q.data.b) return sendError(req, res, 400, 'Choose two different articles to compare.');
  const comparison = compareArticles(dbOf(res), q.data.a, q.data.b);
  if (!comparison) return sendError(req, res, 404, 'One of the articles does not exist.');
  res.render('compare/show', viewComparisonPage(dbOf(res), comparison));
};

/** GET /api/compare?a=&b= */
export const apiShow: RequestHandler = (req, res) => {
  const q = compareQuery.safeParse(req.query);
  if (!q.success) return void res.status(400).json({ error: 'request: give two article ids as a and b' });
  const c = compareArticles(dbOf(res), q.data.a, q.data.b);
  if (!c) return void res.status(404).json({ error: 'One of the articles does not exist.' });
  res.json(presentComparison(c));
};
