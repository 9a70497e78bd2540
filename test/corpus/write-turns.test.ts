/**
 * A long article stored in turns of the event loop (src/corpus/write-turns.ts):
 * still one transaction — all of it or nothing — with other callbacks run in
 * between, and writes from requests waiting for it rather than joining it.
 */
import { describe, expect, it } from 'vitest';
import { generateArticleTexts } from '../../bench/article-gen.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { importArticle, storeImportInTurns } from '../../src/corpus/articles.js';
import { runInTurns, whenWritable } from '../../src/corpus/write-turns.js';
import { openDatabase, type Db } from '../../src/db.js';
import { inlineRunner } from '../../src/workers/pool.js';
import { signIn } from '../helpers/app.js';

const long = {
  title: 'A long one',
  text: generateArticleTexts(30, 71)
    .map((a) => a.text)
    .join('\n\n'),
};

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Count the turns the event loop takes until `done` settles. */
async function turnsWhile(done: Promise<unknown>): Promise<number> {
  let settled = false;
  void done.then(
    () => (settled = true),
    () => (settled = true),
  );
  let turns = 0;
  while (!settled) {
    await new Promise((r) => setImmediate(r));
    turns += 1;
  }
  return turns;
}

describe('a long article stored in turns', () => {
  it('stores every row in one transaction while other callbacks run', async () => {
    const { prepared, analysis } = await inlineRunner.run({ kind: 'analyze', input: long });
    expect(analysis.quotes.length).toBeGreaterThan(300);
    const db = openDatabase(':memory:');
    const storing = storeImportInTurns(db, prepared, analysis, {}, undefined, 1);
    const seenOpen = db.inTransaction && whenWritable(db) !== undefined;
    const turns = await turnsWhile(storing);
    expect((await storing).status).toBe('imported');
    expect(seenOpen).toBe(true);
    expect(turns).toBeGreaterThan(1);
    expect(count(db, 'quotes')).toBe(analysis.quotes.length);
    expect(count(db, 'editorial_spans')).toBe(analysis.editorial.length);
    expect(db.inTransaction).toBe(false);
    expect(whenWritable(db)).toBeUndefined();
  }, 120_000);

  it('leaves nothing behind when a late insert fails', async () => {
    const { prepared, analysis } = await inlineRunner.run({ kind: 'analyze', input: long });
    const db = openDatabase(':memory:');
    importArticle(db, { title: 'Before', text: generateArticleTexts(1, 5)[0].text });
    const before = ['articles', 'quotes', 'quote_terms', 'quote_features', 'editorial_spans'].map((t) => count(db, t));
    // the store's last steps index the quotes: fail near the end, after turns were given
    db.exec(`CREATE TEMP TRIGGER late_failure AFTER INSERT ON quote_features
      WHEN (SELECT count(*) FROM quote_features) >= ${before[3] + analysis.quotes.length - 2}
      BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);
    const storing = storeImportInTurns(db, prepared, analysis, {}, undefined, 1);
    const turns = await turnsWhile(storing);
    await expect(storing).rejects.toThrow(/disk gone/);
    expect(turns).toBeGreaterThan(1);
    expect(['articles', 'quotes', 'quote_terms', 'quote_features', 'editorial_spans'].map((t) => count(db, t))).toEqual(
      before,
    );
    expect(db.inTransaction).toBe(false);
    expect(whenWritable(db)).toBeUndefined();
  }, 120_000);
});

describe('requests while a long transaction is open', () => {
  it('answer reads at once, and a write waits for it and is kept when it rolls back', async () => {
    const db = openDatabase(':memory:');
    const app = createApp({ db, config: { ...loadConfig({}), dbPath: ':memory:', loadSamples: false } });
    const api = await signIn(app, db);
    const article = importArticle(db, { title: 'Old title', text: generateArticleTexts(1, 5)[0].text });
    if (article.status !== 'imported') throw new Error('test: the article did not import');
    const id = article.article.id;

    let finish = false;
    const long = runInTurns(
      db,
      function* () {
        db.prepare("UPDATE articles SET title = 'Half-stored' WHERE id = ?").run(id);
        while (!finish) yield;
        throw new Error('the import failed late');
      },
      1,
    );
    let edited = false;
    const edit = api
      .patch(`/api/articles/${id}`)
      .send({ title: 'Corrected title' })
      .then((r) => {
        edited = true;
        return r;
      });
    const health = await api.get('/healthz');
    expect(health.status).toBe(200);
    // give the edit time to reach its handler: it must wait for the open transaction
    for (let i = 0; i < 20; i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(edited).toBe(false);
    finish = true;
    await expect(long).rejects.toThrow(/failed late/);
    expect((await edit).status).toBe(200);
    expect((db.prepare('SELECT title FROM articles WHERE id = ?').get(id) as { title: string }).title).toBe(
      'Corrected title',
    );
  }, 60_000);
});
