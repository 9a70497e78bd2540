/** An article's text replaced by a corrected version (its analysis and annotations follow). */
import { z } from 'zod';
import { storeReplacement } from '../corpus/articles.js';
import { getArticle } from '../store/articles.js';
import { whenWritable } from '../corpus/write-turns.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { isApiRequest, type Handler } from './request.js';

const replaceSchema = z.object({
  text: z.string().min(1, 'Paste the corrected text.').max(5_000_000),
  format: z.string().max(20).optional(),
});

/** POST /articles/:id/text (form) and POST /api/articles/:id/text (JSON): a corrected version of the text. */
export const replaceText: Handler = async ({ db, runner }, req, res) => {
  const id = parseId(req.params.id);
  if (id === undefined || !getArticle(db, id)) return sendError(req, res, 404, `No article with id ${req.params.id}`);
  const parsed = replaceSchema.safeParse(req.body ?? {});
  if (!parsed.success) return sendError(req, res, 400, `articles: ${parsed.error.issues[0].message}`);
  // prepared and analysed on the worker pool; only the write happens here
  const { prepared, analysis } = await runner.run({ kind: 'analyze', input: parsed.data });
  // a long import may have opened its transaction meanwhile: this write must not join it
  await whenWritable(db);
  const r = storeReplacement(db, id, prepared, analysis);
  if (r.status === 'not-found') return sendError(req, res, 404, `No article with id ${req.params.id}`);
  if (r.status === 'duplicate')
    return sendError(req, res, 409, `articles: this text is already article ${r.existing.id} (${r.existing.title})`);
  if (isApiRequest(req))
    return void res.json({
      status: r.status,
      articleId: id,
      version: r.status === 'replaced' ? r.version : null,
      annotations: r.status === 'replaced' ? r.annotations : null,
    });
  // the new version is shown against the one it replaced
  res.redirect(303, r.status === 'replaced' ? `/articles/${id}/versions` : `/articles/${id}`);
};
