/** JSON API for articles: the same validation and domain functions as the pages. */
import type { Response } from 'express';
import { editArticle } from '../corpus/articles.js';
import { deleteArticleAs, restoreArticleAs, type ArticleDeletion } from '../corpus/article-deletion.js';
import { articleMetadataSchema, fieldErrors, urlImportSchema } from '../corpus/schemas.js';
import { batchStatus, importSources, importUrl, type SourceOutcome } from '../corpus/sources.js';
import { uploadedFiles } from './upload.js';
import { getArticle, listArticles, listDeletedArticles, type ArticleRow } from '../store/articles.js';
import { importKind, importOptions, parseId } from './params.js';
import { getArticleKind } from '../store/references.js';
import type { Db } from '../db.js';
import type { Handler } from './request.js';

/** The API view of an article (the original is left out of lists). */
function present(a: ArticleRow) {
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    author: a.author,
    published: a.published,
    url: a.url,
    format: a.format,
    wordCount: a.wordCount,
    text: a.text,
    furniture: a.furniture,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

function presentOutcome(db: Db, o: SourceOutcome) {
  if (o.status === 'imported')
    return {
      source: o.source,
      status: o.status,
      article: { id: o.article.id, title: o.article.title, kind: getArticleKind(db, o.article.id) },
      // nearly identical to an article already here: perhaps a new version of it (answered on the article page)
      ...(o.similarTo && { newVersionOf: { id: o.similarTo.id, title: o.similarTo.title, shared: o.similarTo.share } }),
    };
  if (o.status === 'version')
    return {
      source: o.source,
      status: o.status,
      article: { id: o.article.id, title: o.article.title, kind: getArticleKind(db, o.article.id) },
      version: o.version,
      annotations: o.annotations,
    };
  if (o.status === 'duplicate')
    return { source: o.source, status: o.status, existing: { id: o.existing.id, title: o.existing.title } };
  return { source: o.source, status: o.status, error: o.error };
}

/** GET /api/articles */
export const list: Handler = ({ db }, _req, res) => {
  res.json({ articles: listArticles(db) });
};

/** GET /api/articles/:id */
export const show: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const article = id === undefined ? undefined : getArticle(db, id);
  if (!article) return void res.status(404).json({ error: `No article with id ${req.params.id}` });
  res.json({ article: { ...present(article), kind: getArticleKind(db, article.id) } });
};

/**
 * POST /api/articles: a JSON body ({title, outlet, author, published, url, text} or an array),
 * or multipart files. JSON bodies go through the same parser as uploaded .json files.
 */
export const create: Handler = async ({ db, config, runner }, req, res) => {
  // ?kind=primary-source (or a multipart field kind) marks everything imported; a JSON article's own "kind" marks it alone
  const kind = importKind
    .optional()
    .safeParse(
      req.query.kind ?? (Buffer.isBuffer(req.body) ? undefined : (req.body as { kind?: unknown } | undefined)?.kind),
    );
  if (!kind.success) return void res.status(400).json({ error: 'kind: give "article" or "primary-source"' });
  const body = Buffer.isBuffer(req.body) ? [{ name: 'request body', type: 'application/json', bytes: req.body }] : [];
  const outcomes = await importSources(db, importOptions({ config, runner, db }, res, kind.data), config, {
    files: [...uploadedFiles(req), ...body],
  });
  if (outcomes.length === 0)
    return void res.status(400).json({ error: 'request: send a JSON article (with "text") or multipart files' });
  res.status(batchStatus(outcomes)).json({ results: outcomes.map((o) => presentOutcome(db, o)) });
};

/** POST /api/articles/fetch {url, kind?} */
export const fetchUrl: Handler = async ({ db, config, runner }, req, res) => {
  const parsed = urlImportSchema.safeParse(req.body ?? {});
  if (!parsed.success)
    return void res.status(400).json({ error: 'request: invalid body', errors: fieldErrors(parsed.error) });
  const outcomes = await importUrl(
    db,
    importOptions({ config, runner, db }, res, parsed.data.kind),
    config,
    parsed.data.url,
  );
  res.status(batchStatus(outcomes)).json({ results: outcomes.map((o) => presentOutcome(db, o)) });
};

/** PATCH /api/articles/:id with any of the metadata fields. */
export const update: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const article = id === undefined ? undefined : getArticle(db, id);
  if (!article || id === undefined) return void res.status(404).json({ error: `No article with id ${req.params.id}` });
  const parsed = articleMetadataSchema.safeParse({ ...article, ...(req.body ?? {}) });
  if (!parsed.success)
    return void res.status(400).json({ error: 'request: invalid metadata', errors: fieldErrors(parsed.error) });
  res.json({ article: present(editArticle(db, id, parsed.data)!) });
};

const deletionStatus = { ok: 204, 'not-found': 404, conflict: 409, forbidden: 403 } as const;

function sendDeletion(res: Response, r: ArticleDeletion, idText: string): void {
  if (r.status === 'ok') return void res.status(204).end();
  res
    .status(deletionStatus[r.status])
    .json({ error: r.status === 'not-found' ? `No article with id ${idText}` : r.reason });
}

/** DELETE /api/articles/:id — soft delete; 409 for a reviewer when other reviewers annotated the article. */
export const destroy: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  sendDeletion(
    res,
    id === undefined ? { status: 'not-found' } : deleteArticleAs(db, res.locals.user, id),
    String(req.params.id),
  );
};

/** POST /api/articles/:id/restore (admin) */
export const restore: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  sendDeletion(
    res,
    id === undefined ? { status: 'not-found' } : restoreArticleAs(db, res.locals.user, id),
    String(req.params.id),
  );
};

/** GET /api/articles/deleted (admin) */
export const listDeleted: Handler = ({ db }, _req, res) => {
  res.json({ articles: listDeletedArticles(db) });
};
