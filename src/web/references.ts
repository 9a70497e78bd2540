/**
 * Reference versions from the pages and the API: mark a version as its
 * statement's reference (or clear the mark), and mark an article as a primary
 * source (or a retelling again).
 */
import { z } from 'zod';
import { markArticleKind, setStatementReference } from '../corpus/references.js';
import type { UserRow } from '../store/users.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { isApiRequest, type Handler } from './request.js';

const flag = z.preprocess(
  (v) => (v === 'on' || v === '1' || v === 'true' ? true : v === '0' || v === 'false' || v === 'off' ? false : v),
  z.boolean(),
);
const referenceBody = z.object({ clear: flag.optional() });
const kindBody = z.object({ kind: z.enum(['article', 'primary-source']) });

/** POST /statements/:id/reference and the API: the version (quote :id) becomes its statement's reference; {clear: true} removes the mark. */
export const markReference: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const body = referenceBody.safeParse(req.body ?? {});
  if (!body.success) return sendError(req, res, 400, 'reference: clear is true or false');
  const statement =
    id === undefined
      ? undefined
      : setStatementReference(db, id, (res.locals.user as UserRow).id, body.data.clear ?? false);
  if (!statement) return sendError(req, res, 404, `No statement with a quote ${String(req.params.id)}`);
  if (isApiRequest(req)) return void res.json({ statement });
  res.redirect(303, `/statements/${String(id)}`);
};

/** POST /articles/:id/kind and the API {kind: "primary-source" | "article"} */
export const setKind: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const body = kindBody.safeParse(req.body ?? {});
  if (!body.success) return sendError(req, res, 400, 'kind: give "primary-source" or "article"');
  if (id === undefined || !markArticleKind(db, id, body.data.kind, (res.locals.user as UserRow).id))
    return sendError(req, res, 404, `No article with id ${String(req.params.id)}`);
  if (isApiRequest(req)) return void res.json({ articleId: id, kind: body.data.kind });
  res.redirect(303, `/articles/${id}`);
};
