/**
 * Verdict pages and API: the fact-check workflow of a pair (verdict, second
 * review, assignment), the review queue, one record with its history, and the
 * scale (admins edit it). Pages and API call the same functions in
 * src/corpus/verdicts.ts and src/corpus/verdict-scale.ts.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../db.js';
import {
  assignVerdict,
  completeSecondReview,
  findQuoteOfSide,
  getPairVerdictHistory,
  getVerdictWithHistory,
  giveVerdict,
  requestSecondReview,
  type VerdictResult,
} from '../corpus/verdicts.js';
import { listVerdictItems } from '../corpus/verdict-queue.js';
import { addRating, changeRating, listScale, scaleBounds, type RatingResult } from '../corpus/verdict-scale.js';
import { type UserRow } from '../store/users.js';
import { parseId, blank } from './params.js';
import { sendError } from './errors.js';
import { renderNote } from '../reports/note.js';
import { isApiRequest, isLocalPath, type Handler } from './request.js';
import { reviewersOf } from './verdict-views.js';

const me = (res: Response): UserRow => res.locals.user as UserRow;
/** Forms send "on"/"1"; JSON sends booleans. */
const flag = z.preprocess(
  (v) => (v === 'on' || v === '1' || v === 'true' ? true : v === '0' || v === 'false' || v === 'off' ? false : v),
  z.boolean(),
);
/** A local path to go back to after a form (never another site). */
const back = z.preprocess(blank, z.string().max(2000).refine(isLocalPath, 'a local path').optional());

const verdictBody = z.object({
  rating: z.string().min(1).max(60),
  rationale: z.string().max(20_000),
  needsSecondReview: flag.optional(),
  back,
});
const secondReviewBody = z.object({ note: z.preprocess(blank, z.string().max(20_000).optional()), back });
const assignBody = z.object({
  assignee: z.preprocess((v) => (v === '' ? null : v), z.string().max(100).nullable()),
  back,
});
const requestBody = z.object({ back });

const statusOf = { 'not-found': 404, invalid: 400, conflict: 409 } as const;

/** Answer a workflow step: JSON on the API, else back to the page the form was on. */
function answer(req: Request, res: Response, r: VerdictResult, backTo: string | undefined): void {
  if (r.status !== 'ok') return sendError(req, res, statusOf[r.status], r.error);
  if (isApiRequest(req)) return void res.json(r.result);
  const p = r.result.pair;
  res.redirect(303, backTo ?? `/compare?a=${p.articleA}&b=${p.articleB}`);
}

function parse<T extends z.ZodType>(schema: T, req: Request, res: Response, what: string): z.infer<T> | undefined {
  const r = schema.safeParse(req.body ?? {});
  if (r.success) return r.data;
  sendError(
    req,
    res,
    400,
    `${what}: ${r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
  );
  return undefined;
}

function pairId(req: Request, res: Response): number | undefined {
  const id = parseId(req.params.id);
  if (id === undefined) sendError(req, res, 404, `No pair with id ${String(req.params.id)}`);
  return id;
}

/** POST /pairs/:id/verdict and /api/pairs/:id/verdict {rating, rationale, needsSecondReview?} */
export const give: Handler = ({ db }, req, res) => {
  const id = pairId(req, res);
  const body = id === undefined ? undefined : parse(verdictBody, req, res, 'verdict');
  if (id === undefined || !body) return;
  answer(req, res, giveVerdict(db, id, me(res), body), body.back);
};

/** POST /pairs/:id/verdict/second-review and the API {note?} */
export const secondReview: Handler = ({ db }, req, res) => {
  const id = pairId(req, res);
  const body = id === undefined ? undefined : parse(secondReviewBody, req, res, 'second review');
  if (id === undefined || !body) return;
  answer(req, res, completeSecondReview(db, id, me(res), body.note), body.back);
};

/** POST /pairs/:id/verdict/request-second-review and the API */
export const askSecondReview: Handler = ({ db }, req, res) => {
  const id = pairId(req, res);
  const body = id === undefined ? undefined : parse(requestBody, req, res, 'second review');
  if (id === undefined || !body) return;
  answer(req, res, requestSecondReview(db, id, me(res)), body.back);
};

/** POST /pairs/:id/verdict/assign and the API {assignee: user name or null} */
export const assign: Handler = ({ db }, req, res) => {
  const id = pairId(req, res);
  const body = id === undefined ? undefined : parse(assignBody, req, res, 'assign');
  if (id === undefined || !body) return;
  answer(req, res, assignVerdict(db, id, me(res), body.assignee), body.back);
};

/** GET /api/pairs/:id/verdict: the pair's state, verdict and history. */
export const apiPairVerdict: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const pv = id === undefined ? undefined : getPairVerdictHistory(db, id);
  if (!pv) return void res.status(404).json({ error: `No pair with id ${String(req.params.id)}` });
  res.json(pv);
};

const listQuery = z.object({
  state: z.preprocess(blank, z.enum(['open', 'verdict-given', 'second-review-done']).optional()),
  assignee: z.preprocess(blank, z.string().max(100).optional()),
  needsSecondReview: z.preprocess(blank, flag.optional()),
  article: z.preprocess(blank, z.coerce.number().int().positive().optional()),
});

function readList(req: Request, d: Db) {
  const q = listQuery.safeParse(req.query);
  const f = q.success ? q.data : {};
  return {
    filter: f,
    items: listVerdictItems(d, {
      states: f.state ? [f.state] : undefined,
      assignee: f.assignee,
      needsSecondReview: f.needsSecondReview,
      articleId: f.article,
    }),
  };
}

/** GET /verdicts: the review queue, filtered by state, assignee and "needs second review". */
export const listPage: Handler = ({ db }, req, res) => {
  const { filter, items } = readList(req, db);
  res.render('verdicts/list', {
    title: 'Verdicts',
    items,
    filter,
    reviewers: reviewersOf(db),
    scale: listScale(db),
  });
};

/** GET /api/verdicts */
export const apiList: Handler = ({ db }, req, res) => {
  res.json({ verdicts: readList(req, db).items });
};

/** GET /verdicts/:id: one record with its history. */
export const showPage: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const found = id === undefined ? undefined : getVerdictWithHistory(db, id);
  if (!found) return sendError(req, res, 404, `No verdict with id ${String(req.params.id)}`);
  const a = findQuoteOfSide(db, found.verdict.a);
  const b = findQuoteOfSide(db, found.verdict.b);
  res.render('verdicts/show', { title: 'Verdict', ...found, quotes: a && b ? [a, b] : null, renderNote });
};

/** GET /api/verdicts/:id: one record with its history. */
export const apiShow: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const found = id === undefined ? undefined : getVerdictWithHistory(db, id);
  if (!found) return void res.status(404).json({ error: `No verdict with id ${String(req.params.id)}` });
  res.json(found);
};

// ---------------------------------------------------------------- the scale

const ratingBody = z.object({
  id: z.preprocess(blank, z.string().max(60).optional()),
  label: z.string().max(120),
  value: z.coerce.number().int().min(-1000).max(1000),
  description: z.preprocess(blank, z.string().max(500).optional()),
});
const ratingChange = z.object({
  label: z.preprocess(blank, z.string().max(120).optional()),
  value: z.preprocess(blank, z.coerce.number().int().min(-1000).max(1000).optional()),
  description: z.string().max(500).optional(),
  retired: flag.optional(),
});

function renderScale(db: Db, res: Response, status: number, error: string | null): void {
  res.status(status).render('verdicts/scale', {
    title: 'Verdict scale',
    scale: listScale(db),
    bounds: scaleBounds(db),
    error,
  });
}

function sendRating(db: Db, req: Request, res: Response, r: RatingResult, okStatus: number): void {
  if (r.status === 'not-found') return sendError(req, res, 404, 'verdict scale: no such rating');
  if (r.status === 'invalid')
    return isApiRequest(req) ? void res.status(400).json({ error: r.error }) : renderScale(db, res, 400, r.error);
  if (isApiRequest(req)) return void res.status(okStatus).json({ rating: r.rating });
  res.redirect(303, `/verdict-scale#rating-${r.rating.id}`);
}

/** GET /verdict-scale */
export const scalePage: Handler = ({ db }, _req, res) => renderScale(db, res, 200, null);

/** GET /api/verdict-scale */
export const apiScale: Handler = ({ db }, _req, res) => {
  const { best, worst } = scaleBounds(db);
  res.json({ bestRating: best, worstRating: worst, ratings: listScale(db) });
};

/** POST /verdict-scale and /api/verdict-scale (admins) {id?, label, value, description?} */
export const createRating: Handler = ({ db }, req, res) => {
  const body = ratingBody.safeParse(req.body ?? {});
  if (!body.success)
    return sendRating(
      db,
      req,
      res,
      {
        status: 'invalid',
        error: `verdict scale: ${body.error.issues[0].path.join('.')}: ${body.error.issues[0].message}`,
      },
      201,
    );
  sendRating(db, req, res, addRating(db, body.data), 201);
};

/** POST /verdict-scale/:id and PATCH /api/verdict-scale/:id (admins) {label?, value?, description?, retired?} */
export const updateRating: Handler = ({ db }, req, res) => {
  const body = ratingChange.safeParse(req.body ?? {});
  if (!body.success)
    return sendRating(
      db,
      req,
      res,
      {
        status: 'invalid',
        error: `verdict scale: ${body.error.issues[0].path.join('.')}: ${body.error.issues[0].message}`,
      },
      200,
    );
  sendRating(db, req, res, changeRating(db, String(req.params.id), body.data), 200);
};
