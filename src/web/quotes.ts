/** Quote speakers: a reviewer assigns or corrects who said a quote (page form and API). */
import { z } from 'zod';
import { assignQuoteSpeaker } from '../corpus/quote-speakers.js';
import { sendError } from './errors.js';
import { parseId } from './params.js';
import { isApiRequest, safeRedirectPath, type Handler } from './request.js';

const speakerBody = z.object({
  speaker: z
    .string()
    .trim()
    .min(1, 'a speaker name is required')
    .max(200, 'a speaker name has at most 200 characters')
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'a speaker name is one line of text'),
  back: z.string().optional(),
});

/** POST /quotes/:id/speaker and /api/quotes/:id/speaker {speaker}: set who said the quote. */
export const assignSpeaker: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const body = speakerBody.safeParse(req.body ?? {});
  if (!body.success) return sendError(req, res, 400, `quotes: ${body.error.issues[0].message}`);
  const quote =
    id === undefined
      ? undefined
      : assignQuoteSpeaker(db, id, body.data.speaker, (res.locals.user as { id: number }).id);
  if (!quote) return sendError(req, res, 404, `No quote with id ${req.params.id}`);
  if (isApiRequest(req)) return void res.json({ quote });
  res.redirect(303, safeRedirectPath(body.data.back, `/articles/${quote.articleId}#quotes`));
};
