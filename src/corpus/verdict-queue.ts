/**
 * The fact-check queue: verdict records matching a filter, each with the
 * quotes it is about as they are now and both versions' words in reference
 * order (earlier, later), so a reviewer sees what was retold and how without
 * opening the comparison.
 */
import type { Db } from '../db.js';
import { getArticle } from '../store/articles.js';
import type { QuoteRow } from '../store/quotes.js';
import { getUserByName } from '../store/users.js';
import { listVerdicts, type VerdictFilter, type VerdictRow, type VerdictSide } from '../store/verdicts.js';
import { orderArticlePair } from './references.js';
import { findQuoteOfSide } from './verdicts.js';

/** One version of a listed pair: its article and its words. */
export interface QueueSide {
  articleId: number;
  title: string;
  outlet: string | null;
  published: string | null;
  text: string;
}

/** A record listed with the quotes it is about today (null when the words are gone from the article). */
export interface VerdictListItem {
  verdict: VerdictRow;
  quotes: [QuoteRow, QuoteRow] | null;
  /** the reference side first; null when an article is gone */
  earlier: QueueSide | null;
  later: QueueSide | null;
  /** the later one is undated and nothing places it */
  orderUnknown: boolean;
}

/** Both sides of a record in reference order, as the comparison page puts them. */
function orderSides(db: Db, v: VerdictRow): Pick<VerdictListItem, 'earlier' | 'later' | 'orderUnknown'> {
  const x = getArticle(db, v.a.articleId);
  const y = getArticle(db, v.b.articleId);
  if (!x || !y) return { earlier: null, later: null, orderUnknown: false };
  const order = orderArticlePair(db, x, y);
  const side = (articleId: number): QueueSide => {
    const a = articleId === x.id ? x : y;
    const words: VerdictSide = v.a.articleId === articleId ? v.a : v.b;
    return { articleId, title: a.title, outlet: a.outlet, published: a.published, text: words.text };
  };
  return { earlier: side(order.earlier.id), later: side(order.later.id), orderUnknown: order.orderUnknown };
}

/** Records matching a filter, each with its quotes as they are now and both sides in reference order. */
export function listVerdictItems(db: Db, filter: VerdictFilter & { assignee?: string }): VerdictListItem[] {
  const { assignee, ...f } = filter;
  if (assignee !== undefined) {
    const u = getUserByName(db, assignee);
    if (!u) return [];
    f.assigneeId = u.id;
  }
  return listVerdicts(db, f).map((verdict) => {
    const a = findQuoteOfSide(db, verdict.a);
    const b = findQuoteOfSide(db, verdict.b);
    return { verdict, quotes: a && b ? [a, b] : null, ...orderSides(db, verdict) };
  });
}
