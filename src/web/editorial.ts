/** Editorial language: the categories page, an article's suggestions, accept and dismiss. */
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Db } from '../db.js';
import { acceptEditorialSuggestion, dismissEditorialSuggestion, getArticleEditorial, measureArticleDensity, type EditorialDecision } from '../corpus/editorial.js';
import { EDITORIAL_CATEGORIES } from '../editorial/index.js';
import type { ArticleRow } from '../store/articles.js';
import { listEditorialSpans, type EditorialSpanRow } from '../store/editorial.js';
import { renderDensityChart } from '../reports/density-chart.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { dbOf, isApiRequest, safeRedirectPath } from './request.js';


/** GET /editorial: each category with its one-line definition. */
export const categoriesPage: RequestHandler = (_req, res) => {
  res.render('editorial/categories', { title: 'Editorial categories', categories: EDITORIAL_CATEGORIES });
};

/** GET /api/editorial/categories */
export const apiCategories: RequestHandler = (_req, res) => {
  res.json({ categories: EDITORIAL_CATEGORIES });
};

/** GET /api/articles/:id/editorial: the suggestions with their status, and the density. */
export const apiArticle: RequestHandler = (req, res) => {
  const id = parseId(req.params.id);
  const found = id === undefined ? undefined : getArticleEditorial(dbOf(res), id);
  if (!found) return sendError(req, res, 404, `No article with id ${req.params.id}`);
  const spans = found.spans.map((s) => ({ id: s.id, start: s.start, end: s.end, text: s.text, category: s.category, voice: s.voice, status: s.status }));
  res.json({ article: found.article.id, wordCount: found.article.wordCount, spans, density: found.density });
};

const decisionBody = z.object({ back: z.string().optional() });

/** A handler for POST /editorial/:id/{accept,dismiss} and the same under /api. */
function decide(apply: (db: Db, spanId: number, userId: number) => EditorialDecision | undefined): RequestHandler {
  return (req, res) => {
    const id = parseId(req.params.id);
    // requireRole runs first, so there is a user
    const user = res.locals.user as { id: number };
    const decision = id === undefined ? undefined : apply(dbOf(res), id, user.id);
    if (!decision) return sendError(req, res, 404, `No editorial suggestion with id ${req.params.id}`);
    if (isApiRequest(req)) return void res.json(decision);
    const back = decisionBody.safeParse(req.body ?? {}).data?.back;
    // only a path on this site, never another host ("//evil.example")
    const target = safeRedirectPath(back, `/articles/${decision.span.articleId}#suggestions`);
    res.redirect(303, target);
  };
}

/** POST /editorial/:id/accept and /api/editorial/:id/accept */
export const accept = decide(acceptEditorialSuggestion);

/** POST /editorial/:id/dismiss and /api/editorial/:id/dismiss */
export const dismiss = decide(dismissEditorialSuggestion);

/** The name users read for a category id (the id itself when unknown). */
export function nameCategory(id: string): string {
  return EDITORIAL_CATEGORIES.find((c) => c.id === id)?.name ?? id;
}

/**
 * What the article page needs for its suggestions section
 * (views/editorial/suggestions.ejs): every suggestion with its status, the
 * density chart of those not dismissed, and category names.
 */
export function viewArticleSuggestions(spans: EditorialSpanRow[], wordCount: number, idPrefix = 'density') {
  return {
    suggestions: spans,
    densityChart: renderDensityChart(measureArticleDensity(spans, wordCount), { idPrefix }),
    categoryName: nameCategory,
  };
}

/** The density chart of one stored article, titled with its outlet (for the comparison page). */
export function articleDensityChart(database: Db, article: Pick<ArticleRow, 'id' | 'title' | 'outlet' | 'wordCount'>, idPrefix: string): string {
  const density = measureArticleDensity(listEditorialSpans(database, article.id), article.wordCount);
  return renderDensityChart(density, { idPrefix, title: `Editorial language per 1,000 words: ${article.outlet || article.title}` });
}
