/** The comparison page and API: two articles side by side with their statements in common. */
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { compareArticles } from '../corpus/comparison.js';
import { viewVerdicts } from './verdict-views.js';
import { listArticles } from '../store/articles.js';
import { articleDensityChart } from './editorial-views.js';
import { viewPairNotes } from './annotation-views.js';
import { listQuotesOfArticle } from '../store/quotes.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { escapeHtml, renderHighlighted, type Highlight } from './render-text.js';
import { renderDiff, renderQuoteInContext } from '../diff/index.js';
import { dbOf } from './request.js';

const compareQuery = z.object({ a: z.coerce.number().int().positive(), b: z.coerce.number().int().positive() });

/** GET /compare?a=&b= — without both, a chooser. */
export const show: RequestHandler = (req, res) => {
  const q = compareQuery.safeParse(req.query);
  if (!q.success) {
    const a = parseId(req.query.a);
    return res.render('compare/choose', { title: 'Compare articles', articles: listArticles(dbOf(res), 'published', 'asc'), a: a ?? null });
  }
  if (q.data.a === q.data.b) return sendError(req, res, 400, 'Choose two different articles to compare.');
  const comparison = compareArticles(dbOf(res), q.data.a, q.data.b);
  if (!comparison) return sendError(req, res, 404, 'One of the articles does not exist.');
  // whole-article view: paired quotes highlighted and linked to their partner
  const marks = new Map<number, Highlight[]>([
    [comparison.left.id, []],
    [comparison.right.id, []],
  ]);
  comparison.pairs.forEach((p, i) => {
    const link = (v: typeof p.earlier, partner: typeof p.later, side: string, other: string) => ({
      start: v.quote.start,
      end: v.quote.end,
      className: `anchor-quote q q-${v.quote.kind}`,
      id: `${side}-q${v.quote.id}`,
      title: `Statement ${i + 1}: ${p.pair.relation}, score ${p.pair.score.toFixed(2)}`,
      data: { partner: `${other}-q${partner.quote.id}`, pair: i + 1 },
    });
    marks.get(comparison.left.id)!.push(link(p.earlier, p.later, 'left', 'right'));
    marks.get(comparison.right.id)!.push(link(p.later, p.earlier, 'right', 'left'));
  });
  const renderSide = (articleId: number, text: string, from: number, to: number) => renderHighlighted(text, marks.get(articleId)!, from, to);
  const densityCharts = [comparison.left, comparison.right].map((a, i) => articleDensityChart(dbOf(res), a, i === 0 ? 'density-earlier' : 'density-later'));
  const linkable = { left: listQuotesOfArticle(dbOf(res), comparison.left.id), right: listQuotesOfArticle(dbOf(res), comparison.right.id) };
  res.render('compare/show', { title: `Compare: ${comparison.left.title} / ${comparison.right.title}`, c: comparison, renderSide, escapeHtml, renderDiff, renderQuoteInContext, densityCharts, linkable, ...viewPairNotes(dbOf(res), comparison.left.id, comparison.right.id), ...viewVerdicts(dbOf(res), comparison.pairs.map((p) => p.pair)) });
};

/** GET /api/compare?a=&b= */
export const apiShow: RequestHandler = (req, res) => {
  const q = compareQuery.safeParse(req.query);
  if (!q.success) return void res.status(400).json({ error: 'request: give two article ids as a and b' });
  const c = compareArticles(dbOf(res), q.data.a, q.data.b);
  if (!c) return void res.status(404).json({ error: 'One of the articles does not exist.' });
  const article = (a: typeof c.left) => ({ id: a.id, title: a.title, outlet: a.outlet, author: a.author, published: a.published });
  const version = (v: (typeof c.pairs)[number]['earlier'], diffHtml: string) => ({
    quoteId: v.quote.id,
    articleId: v.quote.articleId,
    start: v.quote.start,
    end: v.quote.end,
    text: v.quote.text,
    kind: v.quote.kind,
    speaker: v.quote.speaker,
    speakerMention: v.quote.speakerMention,
    cue: v.quote.cue,
    outlet: v.quote.outlet,
    context: v.context,
    diffHtml,
  });
  res.json({
    earlier: article(c.left),
    later: article(c.right),
    pairs: c.pairs.map((p) => ({
      id: p.pair.id,
      score: p.pair.score,
      relation: p.pair.relation,
      status: p.pair.status,
      reasons: p.pair.reasons,
      fidelity: p.fidelity,
      earlier: version(p.earlier, renderQuoteInContext(p.earlier, p.parts, 'earlier')),
      later: version(p.later, renderQuoteInContext(p.later, p.parts, 'later')),
      diffHtml: renderDiff(p.parts, 'inline'),
      changes: p.changes,
    })),
    alignment: c.rows.map((r) => ({ left: r.left?.index ?? null, right: r.right?.index ?? null, anchored: r.anchored })),
  });
};
