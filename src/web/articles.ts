/** Article pages: list, view, import, edit, delete. */
import type { Response } from 'express';
import { z } from 'zod';
import { editArticle } from '../corpus/articles.js';
import { deleteArticleAs } from '../corpus/article-deletion.js';
import { articleMetadataSchema, fieldErrors } from '../corpus/schemas.js';
import { batchStatus, importSources, type SourceOutcome } from '../corpus/sources.js';
import { articleSorts, getArticle, listArticles, type ArticleSort } from '../store/articles.js';
import { listFeaturedComparisons } from '../corpus/featured.js';
import { importKind, importOptions, parseId, parseMark } from './params.js';
import { sendError } from './errors.js';
import { uploadedFiles } from './upload.js';
import type { Handler } from './request.js';
import { viewArticlePage } from './article-views.js';

const listQuery = z.object({
  sort: z.enum(Object.keys(articleSorts) as [ArticleSort, ...ArticleSort[]]).catch('published'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
});

/** Home: what retold is, the articles, the way in. */
export const home: Handler = ({ db }, _req, res) => {
  const featured = listFeaturedComparisons(db, 3);
  res.render('home', { title: 'retold', articles: listArticles(db, 'published', 'asc'), featured });
};

/** GET /articles */
export const list: Handler = ({ db }, req, res) => {
  const { sort, dir } = listQuery.parse(req.query);
  res.render('articles/list', { title: 'Articles', articles: listArticles(db, sort, dir), sort, dir });
};

/** GET /articles/:id */
export const show: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const article = id === undefined ? undefined : getArticle(db, id);
  if (!article) return sendError(req, res, 404, `No article with id ${req.params.id}`);
  res.render(
    'articles/show',
    viewArticlePage(
      db,
      article,
      (res.locals.user as { id: number } | null | undefined)?.id,
      parseMark(req.query.mark, article.text.length),
    ),
  );
};

/** GET /articles/new */
export const newForm: Handler = (_deps, _req, res) => {
  res.render('articles/new', { title: 'Import articles', values: {}, errors: {}, outcomes: [] });
};

const pasteForm = z.object({
  text: z.string().optional().default(''),
  url: z.string().trim().optional().default(''),
  title: z.string().optional(),
  outlet: z.string().optional(),
  author: z.string().optional(),
  published: z.string().optional(),
  kind: importKind.optional(),
});

/** POST /articles: pasted text, uploaded files and/or an address, in one form. */
export const create: Handler = async ({ db, config, runner }, req, res) => {
  const parsed = pasteForm.safeParse(req.body ?? {});
  if (!parsed.success)
    return renderImport(res, 400, {}, { _: 'The form was not filled in as expected; give each field once.' }, []);
  const values = parsed.data;
  const meta = values.text.trim()
    ? articleMetadataSchema.partial().safeParse({ ...values, title: values.title || undefined })
    : undefined;
  // files first, as the page lists them; refused metadata stops before the pasted text
  const outcomes = await importSources(db, importOptions({ config, runner, db }, res, values.kind), config, {
    files: uploadedFiles(req),
    paste: meta?.success ? { text: values.text, metadata: meta.data } : undefined,
    url: meta && !meta.success ? undefined : values.url,
  });
  if (meta && !meta.success) return renderImport(res, 400, values, fieldErrors(meta.error), outcomes);
  if (outcomes.length === 0)
    return renderImport(res, 400, values, { _: 'Paste a text, choose one or more files, or give an address.' }, []);
  const status = batchStatus(outcomes);
  const only = outcomes.length === 1 ? outcomes[0] : undefined;
  // a near-duplicate asks its question on the article page; a new version shows its diff
  if (only?.status === 'imported') return res.redirect(303, `/articles/${only.article.id}`);
  if (only?.status === 'version') return res.redirect(303, `/articles/${only.article.id}/versions`);
  renderImport(res, status, status === 201 || status === 200 ? {} : values, {}, outcomes);
};

function renderImport(
  res: Response,
  status: number,
  values: object,
  errors: Record<string, string>,
  outcomes: SourceOutcome[],
): void {
  res.status(status).render('articles/new', { title: 'Import articles', values, errors, outcomes });
}

/** GET /articles/:id/edit */
export const editForm: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const article = id === undefined ? undefined : getArticle(db, id);
  if (!article) return sendError(req, res, 404, `No article with id ${req.params.id}`);
  res.render('articles/edit', { title: `Edit: ${article.title}`, article, values: article, errors: {} });
};

/** POST /articles/:id/edit */
export const update: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const article = id === undefined ? undefined : getArticle(db, id);
  if (!article || id === undefined) return sendError(req, res, 404, `No article with id ${req.params.id}`);
  const parsed = articleMetadataSchema.safeParse(req.body ?? {});
  if (!parsed.success) {
    return res.status(400).render('articles/edit', {
      title: `Edit: ${article.title}`,
      article,
      values: req.body ?? {},
      errors: fieldErrors(parsed.error),
    });
  }
  editArticle(db, id, parsed.data);
  res.redirect(303, `/articles/${id}`);
};

/** GET /articles/:id/delete */
export const confirmDelete: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const article = id === undefined ? undefined : getArticle(db, id);
  if (!article) return sendError(req, res, 404, `No article with id ${req.params.id}`);
  res.render('articles/delete', { title: `Delete: ${article.title}`, article });
};

/** POST /articles/:id/delete — soft delete; 409 with the reason for a reviewer when other reviewers annotated it. */
export const destroy: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const r = id === undefined ? { status: 'not-found' as const } : deleteArticleAs(db, res.locals.user, id);
  if (r.status === 'not-found') return sendError(req, res, 404, `No article with id ${req.params.id}`);
  if (r.status !== 'ok') return sendError(req, res, 409, r.reason);
  res.redirect(303, '/articles');
};
