/** Search: the page and GET /api/search, over articles, quotes, speakers and statements. */
import { searchCorpus } from '../corpus/search.js';
import { escapeHtml } from './render-text.js';
import type { Handler } from './request.js';

const queryOf = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 500) : '');

// FTS5 marks matches with \u0002…\u0003: escape first, then turn the marks into <mark>
const markHtml = (snippet: string): string =>
  escapeHtml(snippet)
    .replace(/\u0002/g, '<mark>')
    .replace(/\u0003/g, '</mark>');
const plain = (snippet: string): string => snippet.replace(/[\u0002\u0003]/g, '');

/** GET /search?q= */
export const page: Handler = ({ db }, req, res) => {
  const q = queryOf(req.query.q);
  const found = searchCorpus(db, q);
  res.render('search/results', {
    title: q ? `Search: ${q}` : 'Search',
    q,
    found: {
      ...found,
      articles: found.articles.map((h) => ({ ...h, snippetHtml: markHtml(h.snippet) })),
      quotes: found.quotes.map((h) => ({ ...h, snippetHtml: markHtml(h.snippet) })),
    },
  });
};

/** GET /api/search?q= */
export const api: Handler = ({ db }, req, res) => {
  const q = queryOf(req.query.q);
  if (!q.trim())
    return void res
      .status(400)
      .json({ error: 'request: give a query in q', errors: { q: 'Give words to search for.' } });
  const found = searchCorpus(db, q);
  res.json({
    ...found,
    articles: found.articles.map((h) => ({ ...h, snippet: plain(h.snippet) })),
    quotes: found.quotes.map((h) => ({ ...h, snippet: plain(h.snippet) })),
  });
};
