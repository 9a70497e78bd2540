/**
 * ingest: the article inside an HTML page, found with Mozilla Readability over
 * a jsdom DOM. The page is only parsed: jsdom runs no scripts and loads no
 * resources by default, and we ask for neither.
 *
 * jsdom is loaded on first use (with require) because it takes a noticeable
 * time to load and most imports are plain text.
 */
import { createRequire } from 'node:module';
import type * as JsdomModule from 'jsdom';
import type * as ReadabilityModule from '@mozilla/readability';
import { IngestError, type ArticleInput } from './article.js';
import { parseDate } from './dates.js';
import { splitWords, titleCaseIfShouting } from './lines.js';

const require = createRequire(import.meta.url);
let libraries: { jsdom: typeof JsdomModule; readability: typeof ReadabilityModule } | null = null;

function loadLibraries(): NonNullable<typeof libraries> {
  libraries ??= {
    jsdom: require('jsdom') as typeof JsdomModule,
    readability: require('@mozilla/readability') as typeof ReadabilityModule,
  };
  return libraries;
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
  'FIGURE',
  'DETAILS',
  'SUMMARY',
]);
// Not article text: scripts and styles, and photo captions, whose credits and
// cut-short lines would otherwise land between paragraphs.
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'FIGCAPTION',
  'BUTTON',
  'SELECT',
  'IFRAME',
  'OBJECT',
  'CANVAS',
]);
// Page chrome skipped when Readability finds nothing and we read the whole body.
const CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);

/** Text of a DOM subtree: block elements become paragraphs, <br> a line break. */
function readBlocks(root: Node, skipChrome: boolean): string {
  const paras: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim()) paras.push(current.trim());
    current = '';
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) current += (child.nodeValue ?? '').replace(/\s+/g, ' ');
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIP.has(tag) || (skipChrome && CHROME.has(tag))) continue;
      if (tag === 'BR') {
        current += '\n';
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) flush();
      walk(child);
      if (block) flush();
      else if (tag === 'TD' || tag === 'TH') current += ' ';
    }
  };
  walk(root);
  flush();
  return paras.map((p) => p.replace(/ *\n */g, '\n')).join('\n\n');
}

function readMeta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

function readPublished(doc: Document, fromReadability: string | null | undefined): string | null {
  const candidates = [
    fromReadability,
    readMeta(
      doc,
      'article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
      'dc.date',
      'DC.date.issued',
      'sailthru.date',
      'parsely-pub-date',
    ),
    doc.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  for (const c of candidates) {
    const iso = c ? parseDate(c) : null;
    if (iso) return iso;
  }
  return null;
}

function cleanByline(byline: string | null | undefined): string | null {
  if (!byline) return null;
  const text = byline
    .replace(/\s+/g, ' ')
    .replace(/^by\s+/i, '')
    .trim();
  // article:author is often a profile address, not a name.
  if (!text || /^https?:/i.test(text) || splitWords(text).length > 8) return null;
  return titleCaseIfShouting(text);
}

/**
 * Extract the article from an HTML page: text with paragraphs, and title,
 * byline, site name, published date and canonical address from Readability
 * and the page's meta tags. Throws IngestError (422) when the page holds no
 * article text.
 */
export function extractHtml(html: string, name: string): ArticleInput {
  const { jsdom, readability } = loadLibraries();
  const virtualConsole = new jsdom.VirtualConsole();
  const dom = new jsdom.JSDOM(html, { virtualConsole });
  const doc = dom.window.document;
  try {
    const meta = {
      title: readMeta(doc, 'og:title', 'twitter:title') ?? (doc.title.trim() || null),
      site: readMeta(doc, 'og:site_name', 'application-name'),
      author: readMeta(doc, 'author', 'article:author', 'parsely-author', 'sailthru.author'),
      url: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? readMeta(doc, 'og:url'),
    };
    // Readability changes the document it reads, so it works on a copy.
    const article = new readability.Readability(doc.cloneNode(true) as Document, {
      serializer: (el: Node) => el,
      charThreshold: 200,
    }).parse();
    let text = article?.content ? readBlocks(article.content, false) : '';
    if (splitWords(text).length < 8 && doc.body) text = readBlocks(doc.body, true);
    if (splitWords(text).length < 8)
      throw new IngestError(`ingest: "${name}" is an HTML page with no article text`, 422);
    const url = meta.url && /^https?:\/\//i.test(meta.url) ? meta.url : null;
    return {
      title: article?.title?.trim() || meta.title,
      outlet: article?.siteName?.trim() || meta.site,
      author: cleanByline(article?.byline) ?? cleanByline(meta.author),
      published: readPublished(doc, article?.publishedTime),
      url,
      text,
      original: html,
      format: 'html',
    };
  } finally {
    dom.window.close();
  }
}
