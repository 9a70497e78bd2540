/** SQL for pairs, their review decisions, the term index pairing looks candidates up in, and stored quote features. */
import { prepared, type Db } from '../db.js';

/** An alteration as stored with its pair (see pairing/alterations.ts). */
export interface StoredAlteration {
  kind: string;
  earlier: string;
  later: string;
}

export type PairStatus = 'suggested' | 'confirmed' | 'rejected';

/** A stored pair (quote_a < quote_b). */
export interface PairRow {
  id: number;
  quoteA: number;
  quoteB: number;
  articleA: number;
  articleB: number;
  score: number;
  relation: 'verbatim' | 'near-verbatim' | 'trimmed' | 'paraphrase' | 'gist';
  reasons: string[];
  /** what quote B altered from quote A; non-empty makes the pair a possible misquote */
  alterations: StoredAlteration[];
  status: PairStatus;
  origin: 'machine' | 'reviewer';
}

const columns = `p.id, p.quote_a AS quoteA, p.quote_b AS quoteB, qa.article_id AS articleA, qb.article_id AS articleB,
  p.score, p.relation, p.reasons, p.alterations, p.status, p.origin`;
const from = 'FROM pairs p JOIN quotes qa ON qa.id = p.quote_a JOIN quotes qb ON qb.id = p.quote_b';
const toPair = (r: Record<string, unknown>): PairRow => ({
  ...(r as unknown as PairRow),
  reasons: JSON.parse(r.reasons as string) as string[],
  alterations: JSON.parse(r.alterations as string) as StoredAlteration[],
});
/** Altered pairs (possible misquotes) first, then confirmed ones, then by score. */
const misquotesFirst = "(p.alterations <> '[]') DESC, (p.status = 'confirmed') DESC, p.score DESC";

/**
 * Insert or refresh a pair; the ids are put in order, and the alterations
 * (given from quoteA's words to quoteB's) turned with them. Returns the pair id.
 */
export function upsertPair(
  db: Db,
  p: {
    quoteA: number;
    quoteB: number;
    score: number;
    relation: PairRow['relation'];
    reasons: string[];
    alterations?: StoredAlteration[];
    status?: PairStatus;
    origin?: PairRow['origin'];
  },
): number {
  const flip = p.quoteA > p.quoteB;
  const [a, b] = flip ? [p.quoteB, p.quoteA] : [p.quoteA, p.quoteB];
  const alterations = (p.alterations ?? []).map((x) =>
    flip ? { kind: x.kind, earlier: x.later, later: x.earlier } : x,
  );
  prepared(
    db,
    `INSERT INTO pairs (quote_a, quote_b, score, relation, reasons, alterations, status, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (quote_a, quote_b) DO UPDATE SET score = excluded.score, relation = excluded.relation, reasons = excluded.reasons,
       alterations = excluded.alterations, status = excluded.status, origin = excluded.origin`,
  ).run(
    a,
    b,
    Math.min(1, Math.max(0, p.score)),
    p.relation,
    JSON.stringify(p.reasons),
    JSON.stringify(alterations),
    p.status ?? 'suggested',
    p.origin ?? 'machine',
  );
  return (prepared(db, 'SELECT id FROM pairs WHERE quote_a = ? AND quote_b = ?').get(a, b) as { id: number }).id;
}

/** One pair. */
export function getPair(db: Db, id: number): PairRow | undefined {
  const r = prepared(db, `SELECT ${columns} ${from} WHERE p.id = ?`).get(id) as Record<string, unknown> | undefined;
  return r && toPair(r);
}

/** Set a pair's review status. */
export function setPairStatus(db: Db, id: number, status: PairStatus): boolean {
  return prepared(db, 'UPDATE pairs SET status = ? WHERE id = ?').run(status, id).changes > 0;
}

/** Pairs between two articles (either order), possible misquotes first, then strongest first; rejected ones left out unless asked. */
export function listPairsBetween(db: Db, articleX: number, articleY: number, withRejected = false): PairRow[] {
  return (
    prepared(
      db,
      `SELECT ${columns} ${from}
         WHERE ((qa.article_id = ? AND qb.article_id = ?) OR (qa.article_id = ? AND qb.article_id = ?))
           ${withRejected ? '' : "AND p.status <> 'rejected'"}
         ORDER BY ${misquotesFirst}`,
    ).all(articleX, articleY, articleY, articleX) as Record<string, unknown>[]
  ).map(toPair);
}

/** Pairs touching any of these quotes (not rejected). */
export function listPairsOfQuotes(db: Db, quoteIds: number[]): PairRow[] {
  if (quoteIds.length === 0) return [];
  const ids = JSON.stringify(quoteIds);
  return (
    prepared(
      db,
      `SELECT ${columns} ${from} WHERE p.status <> 'rejected'
           AND (p.quote_a IN (SELECT value FROM json_each(?)) OR p.quote_b IN (SELECT value FROM json_each(?)))`,
    ).all(ids, ids) as Record<string, unknown>[]
  ).map(toPair);
}

/** Pairs of an article (not rejected), possible misquotes first. */
export function listPairsOfArticle(db: Db, articleId: number): PairRow[] {
  return (
    prepared(
      db,
      `SELECT ${columns} ${from} WHERE p.status <> 'rejected' AND (qa.article_id = ? OR qb.article_id = ?) ORDER BY ${misquotesFirst}`,
    ).all(articleId, articleId) as Record<string, unknown>[]
  ).map(toPair);
}

/** Articles sharing statements with this one: how many pairs and the best score, strongest first. */
export function listRelatedArticles(db: Db, articleId: number): { articleId: number; pairs: number; best: number }[] {
  return prepared(
    db,
    `SELECT CASE WHEN qa.article_id = ? THEN qb.article_id ELSE qa.article_id END AS articleId,
         count(*) AS pairs, max(p.score) AS best
       ${from} WHERE p.status <> 'rejected' AND (qa.article_id = ? OR qb.article_id = ?)
       GROUP BY 1 ORDER BY pairs DESC, best DESC`,
  ).all(articleId, articleId, articleId) as { articleId: number; pairs: number; best: number }[];
}

/** Every pair that is not rejected (for grouping statements). */
export function listAllPairs(db: Db): PairRow[] {
  return (
    prepared(db, `SELECT ${columns} ${from} WHERE p.status <> 'rejected'`).all() as Record<string, unknown>[]
  ).map(toPair);
}

/** A review decision kept by the words of both spans. */
export interface PairReview {
  articleA: number;
  startA: number;
  textA: string;
  articleB: number;
  startB: number;
  textB: string;
  status: 'confirmed' | 'rejected';
  origin: 'machine' | 'reviewer';
}

/** Record a review decision (ordered by article id so each pair has one key). */
export function savePairReview(db: Db, r: PairReview): void {
  const flip = r.articleA > r.articleB || (r.articleA === r.articleB && r.textA > r.textB);
  const x = flip
    ? { articleA: r.articleB, startA: r.startB, textA: r.textB, articleB: r.articleA, startB: r.startA, textB: r.textA }
    : r;
  prepared(
    db,
    `INSERT INTO pair_reviews (article_a, start_a, text_a, article_b, start_b, text_b, status, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (article_a, text_a, article_b, text_b) DO UPDATE SET status = excluded.status, start_a = excluded.start_a,
       start_b = excluded.start_b, reviewed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(x.articleA, x.startA, x.textA, x.articleB, x.startB, x.textB, r.status, r.origin);
}

/** Review decisions involving an article. */
export function listPairReviewsOfArticle(db: Db, articleId: number): PairReview[] {
  return prepared(
    db,
    `SELECT article_a AS articleA, start_a AS startA, text_a AS textA, article_b AS articleB, start_b AS startB, text_b AS textB, status, origin
       FROM pair_reviews WHERE article_a = ? OR article_b = ?`,
  ).all(articleId, articleId) as PairReview[];
}

/** Index a quote's terms (one statement for all: a long article indexes tens of thousands of quotes). */
export function insertQuoteTerms(db: Db, quoteId: number, terms: string[]): void {
  if (terms.length === 0) return;
  prepared(db, 'INSERT OR IGNORE INTO quote_terms (term, quote_id) SELECT value, ? FROM json_each(?)').run(
    quoteId,
    JSON.stringify(terms),
  );
}

/** An estimate of the number of indexed quotes, in constant time: the largest quote id. */
export function estimateIndexedQuotes(db: Db): number {
  return (prepared(db, 'SELECT max(id) AS n FROM quotes').get() as { n: number | null }).n || 1;
}

/** How many quotes a term indexes, counted up to `cap` (a word that common is weak evidence anyway). */
export function countPostings(db: Db, term: string, cap = 5000): number {
  return (
    prepared(db, 'SELECT count(*) AS n FROM (SELECT 1 FROM quote_terms WHERE term = ? LIMIT ?)').get(term, cap) as {
      n: number;
    }
  ).n;
}

/** The newest `cap` quotes holding a term, outside one article. */
export function readPostings(db: Db, term: string, excludeArticle: number, cap: number): number[] {
  const rows = prepared(
    db,
    `SELECT t.quote_id AS id FROM quote_terms t JOIN quotes q ON q.id = t.quote_id
     WHERE t.term = ? AND q.article_id <> ? ORDER BY t.quote_id DESC LIMIT ?`,
  ).all(term, excludeArticle, cap) as { id: number }[];
  return rows.map((r) => r.id);
}

/** The newest `cap` quotes above id `after` holding a term (an index read before `after` brought up to date). */
export function readPostingsAfter(db: Db, term: string, after: number, cap: number): number[] {
  const rows = prepared(
    db,
    `SELECT t.quote_id AS id FROM quote_terms t JOIN quotes q ON q.id = t.quote_id
     WHERE t.term = ? AND t.quote_id > ? ORDER BY t.quote_id DESC LIMIT ?`,
  ).all(term, after, cap) as { id: number }[];
  return rows.map((r) => r.id);
}

/** Store a quote's pairing features (text from pairing/features-codec.ts). */
export function saveQuoteFeatures(db: Db, quoteId: number, features: string): void {
  prepared(db, 'INSERT OR REPLACE INTO quote_features (quote_id, features) VALUES (?, ?)').run(quoteId, features);
}

/** A quote as pairing reads it back: what it needs to decide, with its stored features when there are any. */
export interface PairingQuoteRow {
  id: number;
  articleId: number;
  text: string;
  kind: string;
  speaker: string | null;
  features: string | null;
}

/** Quotes by id, for pairing. */
export function getPairingQuotes(db: Db, ids: number[]): PairingQuoteRow[] {
  if (ids.length === 0) return [];
  return prepared(
    db,
    `SELECT q.id, q.article_id AS articleId, q.text, q.kind, coalesce(s.name, q.speaker_name) AS speaker, f.features
     FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id LEFT JOIN quote_features f ON f.quote_id = q.id
     WHERE q.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as PairingQuoteRow[];
}

/** The article pairs sharing the most statements, those with a possible misquote first (home page, corpus report). */
export function listTopArticlePairs(
  db: Db,
  limit: number,
): { articleA: number; articleB: number; pairs: number; misquotes: number }[] {
  return prepared(
    db,
    `SELECT min(qa.article_id, qb.article_id) AS articleA, max(qa.article_id, qb.article_id) AS articleB, count(*) AS pairs,
            sum(p.alterations <> '[]') AS misquotes
       ${from} WHERE p.status <> 'rejected' GROUP BY 1, 2 ORDER BY (misquotes > 0) DESC, pairs DESC, max(p.score) DESC LIMIT ?`,
  ).all(limit) as { articleA: number; articleB: number; pairs: number; misquotes: number }[];
}

/** Forget a review decision (either order of sides), so the pair may be suggested again. */
export function deletePairReview(
  db: Db,
  x: { articleId: number; text: string },
  y: { articleId: number; text: string },
): boolean {
  const flip = x.articleId > y.articleId || (x.articleId === y.articleId && x.text > y.text);
  const [a, b] = flip ? [y, x] : [x, y];
  return (
    prepared(db, 'DELETE FROM pair_reviews WHERE article_a = ? AND text_a = ? AND article_b = ? AND text_b = ?').run(
      a.articleId,
      a.text,
      b.articleId,
      b.text,
    ).changes > 0
  );
}

/** The highest quote id, 0 with none: quotes stored after a moment have higher ids. */
export function readLastQuoteId(db: Db): number {
  return (prepared(db, 'SELECT coalesce(max(id), 0) AS n FROM quotes').get() as { n: number }).n;
}

/** How many quotes have an id above `id`. */
export function countQuotesAfter(db: Db, id: number): number {
  return (prepared(db, 'SELECT count(*) AS n FROM quotes WHERE id > ?').get(id) as { n: number }).n;
}

/** Where the quote counter stands (migration 015): it moves with every quote inserted, deleted or changed. */
export function readPairingGeneration(db: Db): number {
  return (prepared(db, 'SELECT generation FROM pairing_generation WHERE id = 1').get() as { generation: number })
    .generation;
}
