/**
 * Pairing scored outside the write transaction (src/corpus/pairing-plan.ts)
 * makes exactly the pairs that pairing inside it makes, in a worker thread as
 * in the calling thread, and pairs in the transaction when the corpus moved
 * after the candidates were read.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateArticleTexts } from '../../bench/article-gen.js';
import { importArticle, storeImport } from '../../src/corpus/articles.js';
import { decidePairing, importInOrder, shareOutQuotes } from '../../src/corpus/pairing-plan.js';
import type { PlannedQuote } from '../../src/pairing/pair-job.js';
import { openDatabase, type Db } from '../../src/db.js';
import { createWorkerPool, inlineRunner, type JobRunner } from '../../src/workers/pool.js';
import { readPairingGeneration } from '../../src/store/pairs.js';

// two workers: one article's decisions are shared out over both
const pool = createWorkerPool(2);
afterAll(() => pool.close());

const articles = generateArticleTexts(14, 23).map((a, i) => ({ title: `${a.title} ${i}`, text: a.text }));

/** Every pair of a database by the words and articles of its two quotes, with its score and alterations. */
function pairsOf(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT qa.article_id AS aa, qa.text AS ta, qb.article_id AS ab, qb.text AS tb, p.score, p.relation, p.alterations
         FROM pairs p JOIN quotes qa ON qa.id = p.quote_a JOIN quotes qb ON qb.id = p.quote_b`,
      )
      .all() as Record<string, unknown>[]
  )
    .map((r) => JSON.stringify([r.aa, r.ta, r.ab, r.tb, Number(r.score).toFixed(6), r.relation, r.alterations]))
    .sort();
}

async function importPlanned(runner: JobRunner): Promise<Db> {
  const db = openDatabase(':memory:');
  const analysed = await Promise.all(articles.map((input) => runner.run({ kind: 'analyze', input })));
  for (const a of analysed) expect((await importInOrder(db, runner, a.prepared, a.analysis)).status).toBe('imported');
  return db;
}

/** A planned quote with `n` candidates (only the count matters to sharing out). */
const planned = (index: number, n: number): PlannedQuote =>
  ({ index, candidates: Array.from({ length: n }, () => ({})) }) as unknown as PlannedQuote;

describe("sharing one article's decisions out over the workers", () => {
  it('gives every quote to exactly one share, in order, with about equal candidates', () => {
    const quotes = [40, 3, 3, 20, 2, 18, 1, 0].map((n, i) => planned(i, n));
    const shares = shareOutQuotes(quotes, 2);
    expect(shares).toHaveLength(2);
    expect(
      shares
        .flat()
        .map((q) => q.index)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const s of shares) expect(s.map((q) => q.index)).toEqual([...s.map((q) => q.index)].sort((a, b) => a - b));
    const costs = shares.map((s) => s.reduce((n, q) => n + 1 + q.candidates.length, 0));
    expect(Math.abs(costs[0] - costs[1])).toBeLessThanOrEqual(3);
  });

  it('makes one share for the calling thread and none for no quotes', () => {
    expect(shareOutQuotes([planned(0, 5), planned(1, 5)], 0)).toHaveLength(1);
    expect(shareOutQuotes([planned(0, 5)], 4)).toHaveLength(1);
    expect(shareOutQuotes([], 2)).toEqual([]);
  });
});

describe('pairing decided outside the write transaction', () => {
  it('makes the same pairs as pairing inside it, in a worker and in the calling thread', async () => {
    const inside = openDatabase(':memory:');
    for (const input of articles) importArticle(inside, input);
    const expected = pairsOf(inside);
    expect(expected.length).toBeGreaterThan(20);
    expect(pairsOf(await importPlanned(inlineRunner))).toEqual(expected);
    expect(pairsOf(await importPlanned(pool))).toEqual(expected);
  }, 180_000);

  it('pairs in the transaction when a quote was stored after the candidates were read', async () => {
    const db = openDatabase(':memory:');
    for (const input of articles.slice(0, 4)) importArticle(db, input);
    // the other article retells the late one's quotes, so the two must pair
    const retelling = { title: 'Retelling', text: `An opening line of another outlet.\n\n${articles[4].text}` };
    const [late, other] = await Promise.all(
      [articles[4], retelling].map((input) => inlineRunner.run({ kind: 'analyze', input })),
    );
    const stale = await decidePairing(db, pool, late.analysis);
    const before = readPairingGeneration(db);
    storeImport(db, other.prepared, other.analysis); // the corpus moves: another article's quotes
    expect(readPairingGeneration(db)).toBeGreaterThan(before);
    storeImport(db, late.prepared, late.analysis, {}, stale);

    const reference = openDatabase(':memory:');
    for (const input of [...articles.slice(0, 4), retelling, articles[4]]) importArticle(reference, input);
    expect(pairsOf(db)).toEqual(pairsOf(reference));
    // the stale decision alone misses the pairs with the article stored meanwhile
    const lateId = (db.prepare('SELECT id FROM articles WHERE title = ?').get(late.prepared.title) as { id: number })
      .id;
    const otherId = (db.prepare('SELECT id FROM articles WHERE title = ?').get(other.prepared.title) as { id: number })
      .id;
    const between = db
      .prepare(
        `SELECT count(*) AS n FROM pairs p JOIN quotes qa ON qa.id = p.quote_a JOIN quotes qb ON qb.id = p.quote_b
         WHERE qa.article_id = ? AND qb.article_id = ?`,
      )
      .get(otherId, lateId) as { n: number };
    expect(between.n).toBeGreaterThan(0);
  }, 180_000);
});
