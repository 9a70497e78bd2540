/**
 * The comparison of two articles: their paired statements with word diffs and
 * change summaries, and both texts aligned paragraph by paragraph. It carries
 * diff parts, not HTML: pages and reports render them with src/diff.
 */
import type { Db } from '../db.js';
import { analyzeText } from '../nlp/index.js';
import {
  addLoadedInsideQuote,
  alignParagraphs,
  findLoadedInsideQuote,
  summarizeChanges,
  type AlignedRow,
  type ComparedChange,
  type DiffPart,
  type VersionContext,
} from '../diff/index.js';
import { memoize } from '../memoize.js';
import { getArticle, type ArticleRow } from '../store/articles.js';
import { listEditorialSpans } from '../store/editorial.js';
import { getQuotesWithArticles, type QuoteWithArticle } from '../store/quotes.js';
import { listPairsBetween, type PairRow } from '../store/pairs.js';
import { orderArticlePair, type ReferenceReason } from './references.js';
import { paragraphsOf, type Paragraph } from '../ingest/paragraphs.js';
import { compareMisquotesFirst, orientAlterations, type AlterationLike } from '../pairing/index.js';

export type { AlignedRow, ComparedChange } from '../diff/index.js';

/** One version of a statement in its context. */
export interface VersionView {
  quote: QuoteWithArticle;
  /** the quote's sentence(s) with the quote's offsets inside */
  context: string;
  quoteStart: number;
  quoteEnd: number;
  paragraph: number;
}

/** One paired statement between the two articles. */
export interface ComparedPair {
  pair: PairRow;
  /** the version of the earlier (reference) article and of the later one */
  earlier: VersionView;
  later: VersionView;
  /** the word diff of the two quotes (render with renderDiff / renderQuoteInContext) */
  parts: DiffPart[];
  changes: ComparedChange[];
  fidelity: number;
  /** what the later version altered from the earlier one; non-empty makes the pair a possible misquote */
  alterations: AlterationLike[];
}

/** The alteration kinds that say what a change summary's figure, date and negation changes say. */
const RESTATED_BY: Partial<Record<ComparedChange['type'], string[]>> = {
  'number-changed': ['number', 'amount', 'quantity'],
  'date-changed': ['date'],
  'negation-changed': ['negation'],
};

/**
 * The change bullets without those an alteration already states: a changed
 * figure, date or negation is listed once, as the pair's alteration (first
 * and emphasised), not a second time in the word-diff summary's words.
 */
function withoutRestated(changes: ComparedChange[], alterations: AlterationLike[]): ComparedChange[] {
  if (alterations.length === 0) return changes;
  const kinds = new Set(alterations.map((a) => a.kind));
  return changes.filter((c) => !RESTATED_BY[c.type]?.some((kind) => kinds.has(kind)));
}

/** The comparison of two articles: the reference (earlier) one and the later one. */
export interface Comparison {
  earlier: ArticleRow;
  later: ArticleRow;
  pairs: ComparedPair[];
  rows: AlignedRow[];
  /** why the earlier one is the reference: a marked version, a primary source, the earlier date; null when neither is dated */
  reference: ReferenceReason | null;
  /** the later one is undated and nothing says which came first */
  orderUnknown: boolean;
}

// The same comparisons are read far more often than articles change, and
// these NLP-heavy steps depend only on their text inputs: nothing to invalidate.

/** Sentence spans of an article text. */
const sentenceSpans = memoize(
  (text: string): { start: number; end: number }[] =>
    analyzeText(text).sentences.map((s) => ({ start: s.start, end: s.end })),
  200,
);

/** The change summary of two versions (pure; see src/diff). */
const summarize = memoize((earlier: VersionContext, later: VersionContext) => summarizeChanges(earlier, later), 5_000);

/** The sentences covering [start, end), widened to whole sentences. */
function contextOf(
  text: string,
  sentences: { start: number; end: number }[],
  start: number,
  end: number,
): { from: number; to: number } {
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
function versionContext(paragraphs: Paragraph[], q: QuoteWithArticle): VersionContext {
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

/** An article as one side of a comparison: its text cut into paragraphs and (when needed) sentences. */
interface Side {
  article: ArticleRow;
  paragraphs: Paragraph[];
  sentences: { start: number; end: number }[];
}

function viewVersion(side: Side, q: QuoteWithArticle): VersionView {
  const { from, to } = contextOf(side.article.text, side.sentences, q.start, q.end);
  return {
    quote: q,
    context: side.article.text.slice(from, to),
    quoteStart: q.start - from,
    quoteEnd: q.end - from,
    paragraph: paragraphIndex(side.paragraphs, q.start),
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
  const pairRows = listPairsBetween(db, x.id, y.id);
  // every version is compared against the reference (see ./references.ts)
  const order = orderArticlePair(db, x, y, pairRows);
  const { earlier, later } = order;
  const quotes = new Map(
    getQuotesWithArticles(
      db,
      pairRows.flatMap((p) => [p.quoteA, p.quoteB]),
    ).map((q) => [q.id, q]),
  );
  const side = (article: ArticleRow): Side => ({
    article,
    paragraphs: paragraphsOf(article.text),
    sentences: pairRows.length ? sentenceSpans(article.text) : [],
  });
  const earlierSide = side(earlier);
  const laterSide = side(later);
  // suggestions a reviewer dismissed are not editorial language
  const laterSpans = pairRows.length ? listEditorialSpans(db, later.id).filter((e) => e.status !== 'dismissed') : [];
  const pairs: ComparedPair[] = [];
  for (const pair of pairRows) {
    const qa = quotes.get(pair.quoteA);
    const qb = quotes.get(pair.quoteB);
    if (!qa || !qb) continue;
    const [qe, ql] = qa.articleId === earlier.id ? [qa, qb] : [qb, qa];
    const summary = summarize(versionContext(earlierSide.paragraphs, qe), versionContext(laterSide.paragraphs, ql));
    const loadedInside = findLoadedInsideQuote(qe.text, ql, laterSpans);
    pairs.push({
      pair,
      earlier: viewVersion(earlierSide, qe),
      later: viewVersion(laterSide, ql),
      parts: summary.parts,
      changes: withoutRestated(addLoadedInsideQuote(summary.changes, loadedInside), pair.alterations),
      fidelity: summary.fidelity,
      alterations: orientAlterations(pair.alterations, qa === qe),
    });
  }
  // possible misquotes first, whatever order the rows came in (stable: strongest first within each)
  pairs.sort((p, q) => compareMisquotesFirst(p.alterations.length > 0, q.alterations.length > 0));
  const rows = alignParagraphs(
    earlierSide.paragraphs,
    laterSide.paragraphs,
    pairs.map((p) => [p.earlier.paragraph, p.later.paragraph] as [number, number]),
  );
  return { earlier, later, pairs, rows, reference: order.reason, orderUnknown: order.orderUnknown };
}
