/**
 * The comparison of two articles: their paired statements with word diffs and
 * change summaries, and both texts aligned paragraph by paragraph.
 */
import type { Db } from '../db.js';
import { analyzeText } from '../nlp/index.js';
import { escapeHtml as escape, renderDiff, summarizeChanges, type Change, type ChangeType, type VersionContext } from '../diff/index.js';
import { EDITORIAL_CATEGORIES } from '../editorial/index.js';
import { getArticle, type ArticleRow } from '../store/articles.js';
import { listEditorialSpans, type EditorialSpanRow } from '../store/editorial.js';
import { getQuotesWithArticles, type QuoteWithArticle } from '../store/quotes.js';
import { listPairsBetween, type PairRow } from '../store/pairs.js';
import { paragraphsOf, type Paragraph } from '../ingest/paragraphs.js';

/** One version of a statement in its context. */
export interface VersionView {
  quote: QuoteWithArticle;
  /** the quote's sentence(s) with the quote's offsets inside */
  context: string;
  quoteStart: number;
  quoteEnd: number;
  /** escaped HTML of the context with the quote's diff marks */
  html: string;
  paragraph: number;
}

/**
 * A change between two versions of a statement: the change summary's kinds,
 * and `loaded-inside-quote`, loaded words the later version has inside the
 * quotation marks where the earlier version's quote does not (found with the
 * editorial lexicon through the later article's stored suggestions).
 */
export interface ComparedChange extends Omit<Change, 'type'> {
  type: ChangeType | 'loaded-inside-quote';
  /** for loaded-inside-quote: the editorial category of the words */
  category?: string;
}

/** One paired statement between the two articles. */
export interface ComparedPair {
  pair: PairRow;
  /** the version of the earlier article (left) and of the later one (right) */
  earlier: VersionView;
  later: VersionView;
  inlineHtml: string;
  changes: ComparedChange[];
  fidelity: number;
}

/** A row of the whole-article view: a paragraph on each side, or a gap. */
export interface AlignedRow {
  left: (Paragraph & { index: number }) | null;
  right: (Paragraph & { index: number }) | null;
  anchored: boolean;
}

/** The comparison of two articles, the earlier on the left. */
export interface Comparison {
  left: ArticleRow;
  right: ArticleRow;
  pairs: ComparedPair[];
  rows: AlignedRow[];
}

/** Earlier first: by publication date, undated last, then by id. */
function orderArticles(x: ArticleRow, y: ArticleRow): [ArticleRow, ArticleRow] {
  const key = (a: ArticleRow) => `${a.published ?? '9999-99-99'}#${String(a.id).padStart(12, '0')}`;
  return key(x) <= key(y) ? [x, y] : [y, x];
}

/**
 * A small bounded memo for the pure, NLP-heavy steps of a comparison. The same
 * comparisons are read far more often than articles change, and these steps
 * depend only on their text inputs, so nothing needs invalidating.
 */
function memoize<A extends unknown[], R>(fn: (...args: A) => R, size: number): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(...args);
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}

/** Sentence spans of an article text. */
const sentenceSpans = memoize((text: string): { start: number; end: number }[] => analyzeText(text).sentences.map((s) => ({ start: s.start, end: s.end })), 200);

/** The change summary of two versions (pure; see src/diff). */
const summarize = memoize((earlier: VersionContext, later: VersionContext) => summarizeChanges(earlier, later), 5_000);

/** The sentences covering [start, end), widened to whole sentences. */
function contextOf(text: string, sentences: { start: number; end: number }[], start: number, end: number): { from: number; to: number } {
  let from = start;
  let to = end;
  for (const s of sentences) {
    if (s.start <= start && start < s.end) from = Math.min(from, s.start);
    if (s.start < end && end <= s.end) to = Math.max(to, s.end);
  }
  // a closing quote mark may sit just past the sentence end
  return { from, to: Math.min(text.length, Math.max(to, end)) };
}

function paragraphIndex(paragraphs: Paragraph[], offset: number): number {
  const i = paragraphs.findIndex((p) => p.start <= offset && offset < p.end);
  return i < 0 ? paragraphs.length - 1 : i;
}

/** Context for the change summary: the quote's paragraph, with the quote's offsets in it. */
function versionContext(article: ArticleRow, paragraphs: Paragraph[], q: QuoteWithArticle): VersionContext {
  const p = paragraphs[paragraphIndex(paragraphs, q.start)];
  return {
    quote: q.text,
    sentence: p.text,
    quoteStart: q.start - p.start,
    quoteEnd: Math.min(q.end, p.end) - p.start,
    speaker: q.speaker ?? q.speakerName,
    speakerMention: q.speakerMention,
    cue: q.cue,
    outlet: q.outlet,
    kind: q.kind,
  };
}

/**
 * Build the comparison of two articles, or undefined when one does not exist.
 * The articles may share no statement: then pairs is empty and the texts are
 * shown side by side all the same.
 */
export function compareArticles(db: Db, idX: number, idY: number): Comparison | undefined {
  const x = getArticle(db, idX);
  const y = getArticle(db, idY);
  if (!x || !y) return undefined;
  const [left, right] = orderArticles(x, y);
  const pairRows = listPairsBetween(db, left.id, right.id);
  const quotes = new Map(getQuotesWithArticles(db, pairRows.flatMap((p) => [p.quoteA, p.quoteB])).map((q) => [q.id, q]));
  const sides = new Map(
    [left, right].map((a) => [a.id, { article: a, paragraphs: paragraphsOf(a.text), sentences: pairRows.length ? sentenceSpans(a.text) : [] }]),
  );

  // suggestions a reviewer dismissed are not editorial language
  const laterSpans = pairRows.length ? listEditorialSpans(db, right.id).filter((e) => e.status !== 'dismissed') : [];
  const pairs: ComparedPair[] = [];
  for (const pair of pairRows) {
    const qa = quotes.get(pair.quoteA);
    const qb = quotes.get(pair.quoteB);
    if (!qa || !qb) continue;
    const [qe, ql] = qa.articleId === left.id ? [qa, qb] : [qb, qa];
    const se = sides.get(left.id)!;
    const sl = sides.get(right.id)!;
    const summary = summarize(versionContext(left, se.paragraphs, qe), versionContext(right, sl.paragraphs, ql));
    const loadedInside = findLoadedInsideQuote(qe.text, ql, laterSpans);
    const view = (side: typeof se, q: QuoteWithArticle, mode: 'a' | 'b'): VersionView => {
      const { from, to } = contextOf(side.article.text, side.sentences, q.start, q.end);
      const context = side.article.text.slice(from, to);
      const before = escape(context.slice(0, q.start - from));
      const after = escape(context.slice(q.end - from));
      const quoted = renderDiff(summary.parts, mode);
      return {
        quote: q,
        context,
        quoteStart: q.start - from,
        quoteEnd: q.end - from,
        html: `${before}<span class="quoted">${quoted}</span>${after}`,
        paragraph: paragraphIndex(side.paragraphs, q.start),
      };
    };
    pairs.push({
      pair,
      earlier: view(se, qe, 'a'),
      later: view(sl, ql, 'b'),
      inlineHtml: renderDiff(summary.parts, 'inline'),
      changes: mergeLoadedInside(summary.changes, loadedInside),
      fidelity: summary.fidelity,
    });
  }

  const rows = alignParagraphs(
    sides.get(left.id)!.paragraphs,
    sides.get(right.id)!.paragraphs,
    pairs.map((p) => [p.earlier.paragraph, p.later.paragraph] as [number, number]),
  );
  return { left, right, pairs, rows };
}

// Categories that describe the words themselves. Scare quotes and attribution
// verbs sit outside a quotation by definition, and a rhetorical question is a
// whole sentence, so none of them says "loaded words put inside the marks".
const INSIDE_QUOTE_CATEGORIES = new Set(['loaded-term', 'loaded-label', 'intensifier', 'doubt', 'editorial-comment', 'generalization', 'puffery']);

const categoryNames = new Map(EDITORIAL_CATEGORIES.map((c) => [c.id as string, c.name]));

/** Lemmas and lower-case spellings of a text's words, to test "the earlier quote has this word". */
const wordKeys = memoize(collectWordKeys, 5_000);

function collectWordKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const t of analyzeText(text).tokens) {
    if (t.type !== 'word') continue;
    keys.add(t.lemma.toLowerCase());
    keys.add(t.text.toLowerCase());
  }
  return keys;
}

/**
 * Loaded words the later version has inside its quotation marks that the
 * earlier version's quote does not: editorial spans of the later article that
 * lie inside the later quote and hold at least one content word (not a stop
 * word) missing from the earlier quote, compared by lemma and by spelling. So
 * "Israel previously threatened Iraq" retold as "Israel has already threatened
 * Iraq during the war to destroy the Palestinians" reports "destroy the
 * Palestinians", while a loaded word both versions quote is not reported.
 */
export function findLoadedInsideQuote(
  earlierQuote: string,
  laterQuote: { start: number; end: number },
  laterSpans: readonly Pick<EditorialSpanRow, 'start' | 'end' | 'text' | 'category'>[],
): ComparedChange[] {
  const inside = laterSpans.filter((s) => s.start >= laterQuote.start && s.end <= laterQuote.end && INSIDE_QUOTE_CATEGORIES.has(s.category));
  if (inside.length === 0) return [];
  const earlier = wordKeys(earlierQuote);
  const changes: ComparedChange[] = [];
  for (const s of inside) {
    const fresh = analyzeText(s.text).tokens.filter((t) => t.type === 'word' && !t.stop && !earlier.has(t.lemma.toLowerCase()) && !earlier.has(t.text.toLowerCase()));
    if (fresh.length === 0) continue;
    const name = categoryNames.get(s.category) ?? s.category;
    changes.push({
      type: 'loaded-inside-quote',
      message: `${name} '${s.text}' inside the quote marks; the earlier version's quote does not have ${fresh.map((t) => `'${t.text}'`).join(', ')}`,
      words: fresh.map((t) => t.text),
      earlier: null,
      later: s.text,
      category: s.category,
    });
  }
  return changes;
}

// The loaded-inside-quote lines go after the changes of meaning (negation,
// figures, dates, moved words) and replace the summary's own "loaded word added
// to the quote" line for the same words, so a word is reported once.
const FIRST_CHANGES = new Set<string>(['negation-changed', 'number-changed', 'date-changed', 'moved-out-of-quote', 'moved-into-quote']);

function mergeLoadedInside(changes: Change[], inside: ComparedChange[]): ComparedChange[] {
  if (inside.length === 0) return changes;
  const covered = new Set(inside.flatMap((c) => c.words.map((w) => w.toLowerCase())));
  const rest = changes.filter((c) => !(c.type === 'loaded-added' && c.message.endsWith('to the quote') && c.words.every((w) => covered.has(w.toLowerCase()))));
  const at = rest.findIndex((c) => !FIRST_CHANGES.has(c.type));
  const cut = at < 0 ? rest.length : at;
  return [...rest.slice(0, cut), ...inside, ...rest.slice(cut)];
}

/**
 * Align two paragraph lists using anchors (paragraph i of the left pairs with
 * paragraph j of the right): the largest set of anchors that keeps both orders
 * (longest increasing subsequence), and the paragraphs between anchors set
 * against each other or against a gap.
 */
export function alignParagraphs(left: Paragraph[], right: Paragraph[], anchors: [number, number][]): AlignedRow[] {
  const unique = [...new Map(anchors.map((a) => [`${a[0]}:${a[1]}`, a])).values()].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  // longest chain increasing in both coordinates (n is small: the pairs of two articles)
  const best: number[] = unique.map(() => 1);
  const prev: number[] = unique.map(() => -1);
  for (let i = 0; i < unique.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      if (unique[j][0] < unique[i][0] && unique[j][1] < unique[i][1] && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        prev[i] = j;
      }
    }
  }
  let end = best.length ? best.indexOf(Math.max(...best)) : -1;
  const chain: [number, number][] = [];
  while (end >= 0) {
    chain.unshift(unique[end]);
    end = prev[end];
  }
  const rows: AlignedRow[] = [];
  const L = (i: number) => ({ ...left[i], index: i });
  const R = (j: number) => ({ ...right[j], index: j });
  let i = 0;
  let j = 0;
  for (const [ai, aj] of [...chain, [left.length, right.length] as [number, number]]) {
    // paragraphs between anchors: side by side while both have some, then against a gap
    while (i < ai && j < aj) rows.push({ left: L(i++), right: R(j++), anchored: false });
    while (i < ai) rows.push({ left: L(i++), right: null, anchored: false });
    while (j < aj) rows.push({ left: null, right: R(j++), anchored: false });
    if (ai < left.length && aj < right.length) rows.push({ left: L(i++), right: R(j++), anchored: true });
  }
  return rows;
}
