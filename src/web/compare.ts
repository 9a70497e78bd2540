/** The comparison page and API: two articles side by side with their statements in common. */
import { z } from 'zod';
import type { Db } from '../db.js';
import { compareArticles } from '../corpus/comparison.js';
import { sameArticleError } from '../reports/export-query.js';
import { listTopArticlePairs } from '../store/pairs.js';
import { listArticles } from '../store/articles.js';
import { parseId } from './params.js';
import { sendError, zodFieldErrors } from './errors.js';
import type { Handler } from './request.js';
import { presentComparison, viewComparisonPage } from './comparison-views.js';

const compareQuery = z.object({ a: z.coerce.number().int().positive(), b: z.coerce.number().int().positive() });

/**
 * The articles the chooser starts with: never the same one twice. The
 * given first article (or the first of the pair sharing most statements),
 * and beside it the article it shares most statements with, else another.
 */
function chooserDefaults(
  db: Db,
  articles: { id: number }[],
  given: number | undefined,
): { a: number | null; b: number | null } {
  const top = listTopArticlePairs(db, 200);
  const a = given ?? top[0]?.articleA ?? articles[0]?.id ?? null;
  const partner = top.find((t) => t.articleA === a || t.articleB === a);
  const b = partner
    ? partner.articleA === a
      ? partner.articleB
      : partner.articleA
    : (articles.find((x) => x.id !== a)?.id ?? null);
  return { a, b };
}

/** GET /compare?a=&b= — without both, a chooser. */
export const show: Handler = ({ db }, req, res) => {
  const q = compareQuery.safeParse(req.query);
  if (!q.success) {
    const articles = listArticles(db, 'published', 'asc');
    return res.render('compare/choose', {
      title: 'Compare articles',
      articles,
      ...chooserDefaults(db, articles, parseId(req.query.a)),
    });
  }
  const same = sameArticleError(q.data.a, q.data.b);
  if (same) return sendError(req, res, 400, `Compare: ${same}.`);
  const comparison = compareArticles(db, q.data.a, q.data.b);
  if (!comparison) return sendError(req, res, 404, 'One of the articles does not exist.');
  res.render('compare/show', viewComparisonPage(db, comparison));
};

/** GET /api/compare?a=&b= */
export const apiShow: Handler = ({ db }, req, res) => {
  const q = compareQuery.safeParse(req.query);
  if (!q.success)
    return void res
      .status(400)
      .json({ error: 'request: give two article ids as a and b', errors: zodFieldErrors(q.error) });
  const same = sameArticleError(q.data.a, q.data.b);
  if (same) return void res.status(400).json({ error: `compare: ${same}`, errors: { b: same } });
  const c = compareArticles(db, q.data.a, q.data.b);
  if (!c) return void res.status(404).json({ error: 'One of the articles does not exist.' });
  res.json(presentComparison(c));
};
