/** Tag taxonomy pages and API: everyone reads, admins add, rename and retire. */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../db.js';
import { addTag, changeTag, listAllTags, tagFamilies, type TagResult } from '../corpus/tags.js';
import { sendError } from './errors.js';
import { isApiRequest, type Handler } from './request.js';
import { blank } from './params.js';

/** Forms send "on"/"off" or "1"/"0"; JSON sends booleans. */
const flag = z.preprocess(
  (v) => (v === 'on' || v === '1' || v === 'true' ? true : v === '0' || v === 'false' || v === 'off' ? false : v),
  z.boolean(),
);

const newTagSchema = z.object({
  id: z.preprocess(blank, z.string().max(60).optional()),
  family: z.string().max(40),
  label: z.string().max(120),
  description: z.string().max(500).optional(),
});
const tagChangeSchema = z.object({
  label: z.preprocess(blank, z.string().max(120).optional()),
  description: z.string().max(500).optional(),
  family: z.preprocess(blank, z.string().max(40).optional()),
  retired: flag.optional(),
});

function renderPage(
  db: Db,
  res: Response,
  status: number,
  values: Record<string, unknown>,
  errors: Record<string, string>,
) {
  res
    .status(status)
    .render('tags/list', { title: 'Tags', tags: listAllTags(db), families: tagFamilies, values, errors });
}

function send(
  db: Db,
  req: Request,
  res: Response,
  r: TagResult,
  okStatus: number,
  values: Record<string, unknown>,
): void {
  if (r.status === 'not-found') return sendError(req, res, 404, 'tags: no such tag');
  if (r.status === 'invalid') {
    if (isApiRequest(req))
      return void res.status(400).json({ error: `tags: ${Object.values(r.errors).join(' ')}`, errors: r.errors });
    return renderPage(db, res, 400, values, r.errors);
  }
  if (isApiRequest(req)) return void res.status(okStatus).json({ tag: r.tag });
  res.redirect(303, `/tags#tag-${r.tag.id}`);
}

/** GET /tags */
export const listPage: Handler = ({ db }, _req, res) => renderPage(db, res, 200, {}, {});

/** GET /api/tags */
export const apiList: Handler = ({ db }, _req, res) => {
  res.json({ families: tagFamilies, tags: listAllTags(db) });
};

/** POST /tags and POST /api/tags (admin) */
export const create: Handler = ({ db }, req, res) => {
  const parsed = newTagSchema.safeParse(req.body ?? {});
  if (!parsed.success)
    return send(
      db,
      req,
      res,
      { status: 'invalid', errors: { form: parsed.error.issues[0].message } },
      201,
      req.body ?? {},
    );
  send(db, req, res, addTag(db, parsed.data), 201, parsed.data);
};

/** POST /tags/:id and PATCH /api/tags/:id (admin) */
export const update: Handler = ({ db }, req, res) => {
  const parsed = tagChangeSchema.safeParse(req.body ?? {});
  if (!parsed.success)
    return send(db, req, res, { status: 'invalid', errors: { form: parsed.error.issues[0].message } }, 200, {});
  send(db, req, res, changeTag(db, String(req.params.id), parsed.data), 200, {});
};
