/** Editorial language: the categories page, an article's suggestions, accept and dismiss. */
import type { Response } from 'express';
import { z } from 'zod';
import type { Db } from '../db.js';
import {
  acceptEditorialSuggestion,
  chooseEditorialThreshold,
  dismissEditorialSuggestion,
  getArticleEditorial,
  readEditorialThreshold,
  type EditorialDecision,
} from '../corpus/editorial.js';
import { MIN_EDITORIAL_THRESHOLD } from '../editorial/trained-model.js';
import { EDITORIAL_CATEGORIES } from '../editorial/index.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { isApiRequest, safeRedirectPath, type Handler } from './request.js';
import { presentArticleEditorial } from './editorial-views.js';

/** GET /editorial: each category with its one-line definition. */
export const categoriesPage: Handler = (_deps, _req, res) => {
  res.render('editorial/categories', { title: 'Editorial categories', categories: EDITORIAL_CATEGORIES });
};

/** GET /api/editorial/categories */
export const apiCategories: Handler = (_deps, _req, res) => {
  res.json({ categories: EDITORIAL_CATEGORIES });
};

const thresholdValue = z.coerce.number().min(MIN_EDITORIAL_THRESHOLD).max(1);
const articleQuery = z.object({ threshold: thresholdValue.optional() });

/** The logged-in user's id, if any. */
const userId = (res: Response): number | undefined => (res.locals.user as { id: number } | null | undefined)?.id;

/**
 * GET /api/articles/:id/editorial[?threshold=]: the suggestions at the
 * threshold (default: the user's choice, else the default) with status and
 * confidence, the density, and each sentence's bias score.
 */
export const apiArticle: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const query = articleQuery.safeParse(req.query);
  if (!query.success)
    return sendError(req, res, 400, `threshold must be a number from ${MIN_EDITORIAL_THRESHOLD} to 1`);
  const threshold = query.data.threshold ?? readEditorialThreshold(db, userId(res));
  const found = id === undefined ? undefined : getArticleEditorial(db, id, threshold);
  if (!found) return sendError(req, res, 404, `No article with id ${req.params.id}`);
  res.json(presentArticleEditorial(found, threshold));
};

const thresholdBody = z.object({ threshold: thresholdValue, back: z.string().optional() });

/**
 * POST /editorial/threshold and /api/editorial/threshold: remember from which
 * confidence this user sees the model's own suggestions.
 */
export const setThreshold: Handler = ({ db }, req, res) => {
  const body = thresholdBody.safeParse(req.body ?? {});
  if (!body.success) return sendError(req, res, 400, `threshold must be a number from ${MIN_EDITORIAL_THRESHOLD} to 1`);
  // requireRole runs first, so there is a user
  chooseEditorialThreshold(db, userId(res)!, body.data.threshold);
  if (isApiRequest(req)) return void res.json({ threshold: body.data.threshold });
  res.redirect(303, safeRedirectPath(body.data.back, '/'));
};

const decisionBody = z.object({ back: z.string().optional() });

/** A handler for POST /editorial/:id/{accept,dismiss} and the same under /api. */
function decide(apply: (db: Db, spanId: number, userId: number) => EditorialDecision | undefined): Handler {
  return ({ db }, req, res) => {
    const id = parseId(req.params.id);
    // requireRole runs first, so there is a user
    const user = res.locals.user as { id: number };
    const decision = id === undefined ? undefined : apply(db, id, user.id);
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
