/** Article versions: the list with a word diff between two of them, one version's text, and the "new version of …?" answer. */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { diffVersions, renderDiff } from '../diff/index.js';
import { reanchor } from '../annotations/anchor.js';
import {
  getVersionText,
  keepSeparate,
  listVersions,
  mergeAsVersion,
  type VersionText,
} from '../corpus/article-versions.js';
import { listAnnotations } from '../corpus/annotations.js';
import { getArticle, type ArticleRow } from '../store/articles.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { isApiRequest, type Handler } from './request.js';
import type { Db } from '../db.js';
import { paragraphsOf, renderHighlighted, type Highlight } from './render-text.js';

function articleOf(db: Db, req: Request, res: Response): ArticleRow | undefined {
  const id = parseId(req.params.id);
  const article = id === undefined ? undefined : getArticle(db, id);
  if (!article) sendError(req, res, 404, `No article with id ${req.params.id}`);
  return article;
}

const diffQuery = z.object({
  from: z.coerce.number().int().positive().optional().catch(undefined),
  to: z.coerce.number().int().positive().optional().catch(undefined),
});

/** GET /articles/:id/versions (and /api/…): every version, and the word diff from one to another (by default the last change). */
export const list: Handler = ({ db }, req, res) => {
  const article = articleOf(db, req, res);
  if (!article) return;
  const versions = listVersions(db, article);
  const newest = versions.length;
  const q = diffQuery.parse(req.query);
  const to = q.to && q.to <= newest ? q.to : newest;
  const from = q.from && q.from <= newest ? q.from : Math.max(1, to - 1);
  if (isApiRequest(req)) return void res.json({ articleId: article.id, versions });
  const a = getVersionText(db, article, from)!;
  const b = getVersionText(db, article, to)!;
  const diffHtml = from === to ? null : renderDiff(diffVersions(a.text, b.text), 'inline');
  res.render('articles/versions', { title: `Versions: ${article.title}`, article, versions, from, to, diffHtml });
};

/** Live annotations of the article found again by their words in an earlier text (they are anchored to the newest). */
function annotationsIn(db: Db, article: ArticleRow, version: VersionText): Highlight[] {
  if (version.current) return [];
  const out: Highlight[] = [];
  for (const a of listAnnotations(db, { articleId: article.id, status: 'all' })) {
    if (a.status === 'deleted') continue;
    const r = reanchor(a, version.text);
    if (r.status === 'orphaned') continue;
    out.push({
      start: r.start,
      end: r.end,
      className: 'ann',
      title: `${a.tagLabel ?? 'note'} — ${a.creatorName}`,
      data: { annotation: a.id },
    });
  }
  return out;
}

/** GET /articles/:id/versions/:n (and /api/…): one version's text, its removed furniture and the quotes found in it. */
export const show: Handler = ({ db }, req, res) => {
  const article = articleOf(db, req, res);
  if (!article) return;
  const n = parseId(req.params.n);
  const version = n === undefined ? undefined : getVersionText(db, article, n);
  if (!version) return sendError(req, res, 404, `Article ${article.id} has no version ${req.params.n}`);
  if (isApiRequest(req)) return void res.json({ articleId: article.id, version });
  const highlights = [
    ...version.quotes.map((q) => ({ start: q.start, end: q.end, className: `q q-${q.kind}`, title: q.speaker ?? '' })),
    ...annotationsIn(db, article, version),
  ];
  res.render('articles/version', {
    title: `Version ${version.number}: ${article.title}`,
    article,
    version,
    count: listVersions(db, article).length,
    paragraphs: paragraphsOf(version.text).map((p) => renderHighlighted(version.text, highlights, p.start, p.end)),
  });
};

const answerSchema = z.object({ target: z.coerce.number().int().positive() });

/** POST /articles/:id/version-of (and /api/…) {target}: this imported article is the newest version of target. */
export const versionOf: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const parsed = answerSchema.safeParse(req.body ?? {});
  if (id === undefined) return sendError(req, res, 404, `No article with id ${req.params.id}`);
  if (!parsed.success) return sendError(req, res, 400, 'versions: give the target article as "target"');
  const r = mergeAsVersion(db, id, parsed.data.target);
  if (r.status === 'not-found') return sendError(req, res, 404, `versions: no article ${id} or ${parsed.data.target}`);
  if (r.status === 'refused') return sendError(req, res, 409, r.reason);
  if (isApiRequest(req))
    return void res.json({ articleId: r.article.id, version: r.version, annotations: r.annotations });
  res.redirect(303, `/articles/${r.article.id}/versions`);
};

/** POST /articles/:id/separate: this imported article is not a version of the one it resembles. */
export const separate: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  if (id === undefined || !keepSeparate(db, id)) return sendError(req, res, 404, `No article with id ${req.params.id}`);
  if (isApiRequest(req)) return void res.json({ articleId: id, similarTo: null });
  res.redirect(303, `/articles/${id}`);
};
