/** Undo pages and API: rejected pairs and dismissed suggestions of an article or a comparison, and restoring them. */
import type { Request } from 'express';
import { z } from 'zod';
import { listUndoable, restoreRejectedPair, restoreSuggestion } from '../corpus/undo.js';
import type { UserRow } from '../store/users.js';
import { getArticle } from '../store/articles.js';
import { loadVectors } from '../vectors/load.js';
import { parseId, blank } from './params.js';
import { sendError } from './errors.js';
import { isApiRequest, isLocalPath, type Handler } from './request.js';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const back = z.preprocess(blank, z.string().max(2000).refine(isLocalPath, 'a local path').optional());
const scopeQuery = z
  .object({
    article: z.preprocess(blank, id.optional()),
    compare: z.preprocess(
      blank,
      z
        .string()
        .regex(/^\d+,\d+$/)
        .optional(),
    ),
  })
  .refine((q) => (q.article === undefined) !== (q.compare === undefined), 'give article=ID or compare=ID,ID');
const side = z.object({ articleId: id, text: z.string().min(1).max(20_000) });
const restorePairBody = z.preprocess(
  (b) => {
    const o = (b ?? {}) as Record<string, unknown>;
    // forms send flat fields
    return 'aArticle' in o
      ? { a: { articleId: o.aArticle, text: o.aText }, b: { articleId: o.bArticle, text: o.bText }, back: o.back }
      : o;
  },
  z.object({ a: side, b: side, back }),
);

function scopeIds(req: Request): number[] | undefined {
  const q = scopeQuery.safeParse(req.query);
  if (!q.success) return undefined;
  return q.data.article !== undefined ? [q.data.article] : q.data.compare!.split(',').map(Number);
}

/** GET /undo?article=ID|compare=ID,ID and GET /api/undo: what can be restored. */
export const list: Handler = ({ db }, req, res) => {
  const ids = scopeIds(req);
  if (!ids) return sendError(req, res, 400, 'undo: give article=ID or compare=ID,ID');
  const found = listUndoable(db, ids);
  if (!found) return sendError(req, res, 404, 'undo: no such article');
  if (isApiRequest(req)) return void res.json(found);
  const articles = new Map(ids.map((i) => [i, getArticle(db, i)!]));
  const title =
    ids.length === 1
      ? `Rejected and dismissed: ${articles.get(ids[0])!.title}`
      : 'Rejected and dismissed in this comparison';
  res.render('undo/list', { title, ...found, articles, ids, here: req.originalUrl });
};

/** POST /pairs/restore and /api/pairs/restore {a:{articleId,text}, b:{articleId,text}}: a rejected pair becomes a suggestion again. */
export const restorePair: Handler = ({ db }, req, res) => {
  const body = restorePairBody.safeParse(req.body ?? {});
  if (!body.success)
    return sendError(req, res, 400, 'restore: name both versions of the rejected pair (article id and words)');
  const pairId = restoreRejectedPair(db, body.data, res.locals.user as UserRow, loadVectors());
  if (pairId === undefined)
    return sendError(
      req,
      res,
      404,
      'restore: no rejected pair with these words (or its words are gone from the articles)',
    );
  if (isApiRequest(req)) return void res.json({ pairId });
  res.redirect(303, body.data.back ?? `/compare?a=${body.data.a.articleId}&b=${body.data.b.articleId}`);
};

/** POST /editorial/:id/restore and the API: a dismissed suggestion becomes a suggestion again. */
export const restoreSpan: Handler = ({ db }, req, res) => {
  const spanId = parseId(req.params.id);
  const b = z.object({ back }).safeParse(req.body ?? {});
  const span = spanId === undefined ? undefined : restoreSuggestion(db, spanId);
  if (!span) return sendError(req, res, 404, `restore: no dismissed suggestion with id ${String(req.params.id)}`);
  if (isApiRequest(req)) return void res.json({ span });
  res.redirect(303, (b.success && b.data.back) || `/articles/${span.articleId}#suggestions`);
};
