/**
 * Pairing scored outside the write transaction (src/corpus/pairing-plan.ts)
 * makes exactly the pairs that pairing inside it makes, in a worker thread as
 * in the calling thread, with the candidates read by the workers from a
 * database file or by the calling thread, and pairs in the transaction when
 * the corpus moved after the candidates were read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArticleTexts } from '../../bench/article-gen.js';
import { importArticle, storeImport } from '../../src/corpus/articles.js';
import { decidePairing, importInOrder, pairBatchSize, planAhead } from '../../src/corpus/pairing-plan.js';
import type { DecidedPairing } from '../../src/corpus/pairing-reads.js';
import type { PlannedQuote } from '../../src/pairing/pair-job.js';
import type { Job } from '../../src/workers/jobs.js';
import { openDatabase, type Db } from '../../src/db.js';
import { createWorkerPool, inlineRunner, type JobRunner } from '../../src/workers/pool.js';
import { readPairingGeneration } from '../../src/store/pairs.js';

// two workers: one article's decisions are sent out to both
const pool = createWorkerPool(2);
const dir = mkdtempSync(join(tmpdir(), 'retold-pairing-plan-'));
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

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

/** Analyse every article, then store them in order; `ahead`: each pairing decided before its turn (planAhead). */
async function importPlanned(runner: JobRunner, file = ':memory:', ahead = false): Promise<Db> {
  const db = openDatabase(file);
  const analysed = await Promise.all(articles.map((input) => runner.run({ kind: 'analyze', input })));
  const early = analysed.map((a) => (ahead ? planAhead(db, runner, a.analysis) : undefined));
  for (const [i, a] of analysed.entries())
    expect((await importInOrder(db, runner, a.prepared, a.analysis, {}, early[i])).status).toBe('imported');
  return db;
}

describe("one article's decisions sent out as its quotes are read", () => {
  it('sends batches of quotes, each once, to be scored while the rest is read', async () => {
    const db = openDatabase(':memory:');
    for (const input of articles.slice(0, 6)) importArticle(db, input);
    const { analysis } = await inlineRunner.run({ kind: 'analyze', input: articles[6] });
    const sent: number[][] = [];
    // a runner of two workers that records each job and scores it in this thread
    const recording: JobRunner = {
      size: 2,
      run: (job) => {
        const j = job as Job;
        if (j.kind === 'pair') sent.push(j.quotes.map((q: PlannedQuote) => q.index));
        return inlineRunner.run(job);
      },
      close: async () => {},
    };
    const batched = await decidePairing(db, recording, analysis);
    const single = await decidePairing(db, { ...inlineRunner, size: 0 }, analysis);
    expect(sent.length).toBeGreaterThan(1);
    const indices = sent.flat();
    expect(new Set(indices).size).toBe(indices.length);
    expect(indices.sort((a, b) => a - b)).toEqual(single.decided.map((d) => d.index));
    expect(batched).toEqual(single);
  }, 120_000);

  it('makes about two jobs per worker, of at least two quotes', () => {
    expect(pairBatchSize(40, 2)).toBe(10);
    expect(pairBatchSize(11, 2)).toBe(3);
    expect(pairBatchSize(40, 0)).toBe(20);
    expect(pairBatchSize(5, 4)).toBe(2);
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

  it('makes the same pairs when the workers read the candidates from a database file', async () => {
    const inside = openDatabase(':memory:');
    for (const input of articles) importArticle(inside, input);
    const reads: number[] = [];
    // the pool, recording the quotes of each job that reads its own candidates
    const recording: JobRunner = {
      size: pool.size,
      run: (job) => {
        const j = job as Job;
        if (j.kind === 'pair') throw new Error('candidates read on the calling thread');
        if (j.kind === 'read-pair') reads.push(j.quotes.length);
        return pool.run(job);
      },
      close: async () => {},
    };
    const db = await importPlanned(recording, join(dir, 'workers-read.sqlite'));
    expect(reads.length).toBeGreaterThan(articles.length);
    expect(pairsOf(db)).toEqual(pairsOf(inside));
    db.close();
    // decided ahead of their turn, while the articles before them were stored, then read again in it
    const ahead = await importPlanned(pool, join(dir, 'workers-ahead.sqlite'), true);
    expect(pairsOf(ahead)).toEqual(pairsOf(inside));
    ahead.close();
  }, 180_000);

  it('reads a database file created anew at the same path, not the removed one', async () => {
    const file = join(dir, 'again.sqlite');
    const first = await importPlanned(pool, file);
    first.close();
    for (const end of ['', '-wal', '-shm']) rmSync(file + end, { force: true });
    const db = openDatabase(file);
    const reads: number[] = [];
    const recording: JobRunner = {
      size: pool.size,
      run: (job) => {
        const j = job as Job;
        // each read-pair job's answer: the quote counter it read, against the new file's
        if (j.kind === 'read-pair')
          return pool.run(j).then((r) => (reads.push(r.generation - readPairingGeneration(db)), r)) as never;
        return pool.run(job);
      },
      close: async () => {},
    };
    const fresh = openDatabase(':memory:');
    for (const input of articles.slice(0, 5)) {
      importArticle(fresh, input);
      const { prepared, analysis } = await pool.run({ kind: 'analyze', input });
      expect((await importInOrder(db, recording, prepared, analysis)).status).toBe('imported');
    }
    // every read saw the new file as it stood (never the removed one's counter)
    expect(reads.length).toBeGreaterThan(4);
    expect(reads.every((d) => d === 0)).toBe(true);
    expect(pairsOf(db)).toEqual(pairsOf(fresh));
    db.close();
  }, 180_000);

  it('pairs in the transaction when the corpus moved after a worker read the candidates', async () => {
    const db = openDatabase(join(dir, 'workers-moved.sqlite'));
    for (const input of articles.slice(0, 4)) importArticle(db, input);
    const retelling = { title: 'Retelling', text: `An opening line of another outlet.\n\n${articles[4].text}` };
    const [late, other] = await Promise.all(
      [articles[4], retelling].map((input) => inlineRunner.run({ kind: 'analyze', input })),
    );
    const stale = await decidePairing(db, pool, late.analysis);
    expect(stale.generation).toBe(readPairingGeneration(db));
    storeImport(db, other.prepared, other.analysis);
    storeImport(db, late.prepared, late.analysis, {}, stale);
    const reference = openDatabase(':memory:');
    for (const input of [...articles.slice(0, 4), retelling, articles[4]]) importArticle(reference, input);
    expect(pairsOf(db)).toEqual(pairsOf(reference));
    db.close();
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

describe('a pairing read again after articles were stored', () => {
  /** The decisions of one quote, as a comparable string. */
  const decisionsOf = (p: DecidedPairing) =>
    p.decided.map((d) => JSON.stringify([d.index, [...d.tried].sort(), d.pairs.map((x) => x.a).sort()]));

  it('keeps the earlier decisions while quotes were only added, decides anew after one was deleted', async () => {
    const db = openDatabase(join(dir, 'read-again.sqlite'));
    for (const input of articles.slice(0, 5)) importArticle(db, input);
    const { analysis } = await inlineRunner.run({ kind: 'analyze', input: articles[5] });
    const earlier = await decidePairing(db, pool, analysis);
    // a marked decision: a candidate the earlier reading decided, said to pair with a score no decision gives
    const target = earlier.decided.find((d) => d.tried.length > 0)!;
    const candidate = target.tried[0];
    const marked = {
      ...earlier,
      decided: earlier.decided.map((d) =>
        d === target
          ? {
              ...d,
              pairs: [
                ...d.pairs.filter((p) => Number(p.a) !== candidate),
                {
                  a: String(candidate),
                  b: String(d.index),
                  score: 0.123,
                  relation: 'gist' as const,
                  alterations: [],
                  reasons: [],
                },
              ],
            }
          : d,
      ),
    };
    importArticle(db, articles[6]); // quotes only added
    const again = await decidePairing(db, pool, analysis, { earlier: marked });
    const fresh = await decidePairing(db, pool, analysis);
    expect(again.generation).toBe(readPairingGeneration(db));
    // read again: the earlier decision is kept (not decided anew), the candidates are those of now
    const kept = again.decided.find((d) => d.index === target.index)!;
    expect(kept.tried).toContain(candidate);
    expect(kept.pairs.find((p) => Number(p.a) === candidate)?.score).toBe(0.123);
    // and with the true earlier decisions, what deciding everything now gives
    const honest = await decidePairing(db, pool, analysis, { earlier });
    expect(decisionsOf(honest)).toEqual(decisionsOf(fresh));
    expect(fresh.decided.flatMap((d) => d.pairs).length).toBeGreaterThan(0);
    // a quote deleted since: nothing of the earlier reading is kept
    db.prepare('DELETE FROM quotes WHERE id = (SELECT min(id) FROM quotes)').run();
    const afterDeletion = await decidePairing(db, pool, analysis, { earlier: marked });
    const decidedAnew = afterDeletion.decided.find((d) => d.index === target.index)!;
    expect(decidedAnew.pairs.some((p) => p.score === 0.123)).toBe(false);
    db.close();
  }, 180_000);
});
