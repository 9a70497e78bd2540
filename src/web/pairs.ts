/** Pairs: a reviewer confirms, rejects or links two quotes as one statement. */
import { z } from 'zod';
import { linkQuotes, reviewPair } from '../corpus/pairs.js';
import { recordPairDecision } from '../corpus/verdicts.js';
import { loadVectors } from '../vectors/load.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { isApiRequest, safeRedirectPath, type Handler } from './request.js';

const reviewBody = z.object({ status: z.enum(['confirmed', 'rejected']), back: z.string().optional() });

/** POST /pairs/:id/review and /api/pairs/:id/review {status: confirmed|rejected} */
export const review: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const body = reviewBody.safeParse(req.body ?? {});
  if (!body.success) return sendError(req, res, 400, 'review: status must be confirmed or rejected');
  const pair = id === undefined ? undefined : reviewPair(db, id, body.data.status);
  if (!pair) return sendError(req, res, 404, `No pair with id ${req.params.id}`);
  recordPairDecision(
    db,
    pair.id,
    res.locals.user as { id: number },
    body.data.status === 'confirmed' ? 'confirm' : 'reject',
  );
  if (isApiRequest(req)) return void res.json({ pair });
  const back = safeRedirectPath(body.data.back, `/compare?a=${pair.articleA}&b=${pair.articleB}`);
  res.redirect(303, back);
};

const linkBody = z.object({ quoteA: z.coerce.number().int().positive(), quoteB: z.coerce.number().int().positive() });

/** POST /api/pairs {quoteA, quoteB}: link two quotes by hand. */
export const link: Handler = ({ db }, req, res) => {
  const body = linkBody.safeParse(req.body ?? {});
  if (!body.success) return sendError(req, res, 400, 'link: choose one statement in each article');
  const result = linkQuotes(db, body.data.quoteA, body.data.quoteB, loadVectors());
  if ('error' in result) return sendError(req, res, 400, result.error);
  if (isApiRequest(req)) return void res.status(201).json({ pair: result });
  res.redirect(303, `/compare?a=${result.articleA}&b=${result.articleB}`);
};
