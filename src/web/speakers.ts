/** Speaker pages and API: every speaker with aliases and quotes; merge and split. */
import { z } from 'zod';
import { mergeSpeakers, splitSpeaker } from '../corpus/speakers.js';
import { getSpeaker, listSpeakers } from '../store/speakers.js';
import { listQuotesOfSpeaker } from '../store/quotes.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { isApiRequest, type Handler } from './request.js';

const mergeBody = z.object({ into: z.coerce.number().int().positive() });
const splitBody = z.object({ alias: z.string().trim().min(1).max(300) });

/** GET /speakers */
export const list: Handler = ({ db }, _req, res) => {
  res.render('speakers/list', { title: 'Speakers', speakers: listSpeakers(db) });
};

/** GET /speakers/:id */
export const show: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const speaker = id === undefined ? undefined : getSpeaker(db, id);
  if (!speaker) return sendError(req, res, 404, `No speaker with id ${req.params.id}`);
  const others = listSpeakers(db).filter((s) => s.id !== speaker.id);
  res.render('speakers/show', {
    title: speaker.name,
    speaker,
    quotes: listQuotesOfSpeaker(db, speaker.id),
    others,
    error: null,
  });
};

/** POST /speakers/:id/merge (form) and /api/speakers/:id/merge (JSON): this speaker joins another. */
export const merge: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const body = mergeBody.safeParse(req.body ?? {});
  if (id === undefined || !getSpeaker(db, id)) return sendError(req, res, 404, `No speaker with id ${req.params.id}`);
  if (!body.success || !mergeSpeakers(db, id, body.data.into))
    return sendError(req, res, 400, 'merge: choose another existing speaker');
  if (isApiRequest(req)) return void res.json({ speaker: getSpeaker(db, body.data.into) });
  res.redirect(303, `/speakers/${body.data.into}`);
};

/** POST /speakers/:id/split: one alias becomes a speaker of its own. */
export const split: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const body = splitBody.safeParse(req.body ?? {});
  if (id === undefined || !getSpeaker(db, id)) return sendError(req, res, 404, `No speaker with id ${req.params.id}`);
  const newId = body.success ? splitSpeaker(db, id, body.data.alias) : undefined;
  if (newId === undefined) return sendError(req, res, 400, 'split: choose one of the speaker’s names');
  if (isApiRequest(req)) return void res.status(201).json({ speaker: getSpeaker(db, newId) });
  res.redirect(303, `/speakers/${newId}`);
};

/** GET /api/speakers */
export const apiList: Handler = ({ db }, _req, res) => {
  res.json({ speakers: listSpeakers(db) });
};

/** GET /api/speakers/:id */
export const apiShow: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const speaker = id === undefined ? undefined : getSpeaker(db, id);
  if (!speaker) return void res.status(404).json({ error: `No speaker with id ${req.params.id}` });
  res.json({ speaker, quotes: listQuotesOfSpeaker(db, speaker.id) });
};
