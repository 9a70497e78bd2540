/** Statements: paired quotes grouped into clusters, each with its versions in date order. */
import type { Db } from '../db.js';
import { groupStatements, type PairingQuote, type Relation } from '../pairing/index.js';
import { getQuotesWithArticles, type QuoteWithArticle } from '../store/quotes.js';
import { listAllPairs, listPairsOfQuotes, type PairRow } from '../store/pairs.js';

/** One version of a statement, with its relation to the earliest. */
export interface StatementVersionView {
  quote: QuoteWithArticle;
  relation: Relation | null;
  score: number | null;
}

/** A statement with its versions, earliest first. */
export interface StatementView {
  /** the id of its earliest version's quote, which names the statement */
  id: number;
  versions: StatementVersionView[];
  pairs: PairRow[];
}

/** Quote ids connected to this one through pairs (not rejected). */
function collectCluster(db: Db, quoteId: number): { ids: number[]; pairs: PairRow[] } {
  const seen = new Set<number>([quoteId]);
  const pairs = new Map<number, PairRow>();
  let frontier = [quoteId];
  while (frontier.length && seen.size < 500) {
    const next: number[] = [];
    for (const p of listPairsOfQuotes(db, frontier)) {
      pairs.set(p.id, p);
      for (const q of [p.quoteA, p.quoteB]) if (!seen.has(q)) (seen.add(q), next.push(q));
    }
    frontier = next;
  }
  return { ids: [...seen], pairs: [...pairs.values()] };
}

function toView(quotes: QuoteWithArticle[], pairs: PairRow[]): StatementView[] {
  const byId = new Map(quotes.map((q) => [String(q.id), q]));
  const pq: PairingQuote[] = quotes.map((q) => ({
    id: String(q.id),
    article: String(q.articleId),
    text: q.text,
    speaker: q.speaker,
    kind: q.kind,
    published: q.articlePublished,
  }));
  const statements = groupStatements(
    pairs.map((p) => ({
      a: String(p.quoteA),
      b: String(p.quoteB),
      score: p.score,
      relation: p.relation,
      alterations: [],
      reasons: p.reasons,
    })),
    pq,
  );
  return statements.map((s) => {
    const versions = s.versions.map((v) => ({ quote: byId.get(v.id)!, relation: v.relation, score: v.score }));
    const ids = new Set(versions.map((v) => v.quote.id));
    return { id: versions[0].quote.id, versions, pairs: pairs.filter((p) => ids.has(p.quoteA)) };
  });
}

/** The statement a quote belongs to, or undefined when the quote has no pair. */
export function getStatement(db: Db, quoteId: number): StatementView | undefined {
  const { ids, pairs } = collectCluster(db, quoteId);
  if (pairs.length === 0) return undefined;
  return toView(getQuotesWithArticles(db, ids), pairs).find((s) => s.versions.some((v) => v.quote.id === quoteId));
}

/** Every statement with two or more versions, those with most versions first. */
export function listStatements(db: Db): StatementView[] {
  const pairs = listAllPairs(db);
  const ids = [...new Set(pairs.flatMap((p) => [p.quoteA, p.quoteB]))];
  return toView(getQuotesWithArticles(db, ids), pairs).sort(
    (a, b) => b.versions.length - a.versions.length || a.id - b.id,
  );
}
