/**
 * Rows prepared for the store in the worker (src/workers/store-rows.ts): an
 * article stored with them gets exactly the hash, pairing features and index
 * terms that storing it without them computes in the write transaction.
 */
import { describe, expect, it } from 'vitest';
import { generateArticleTexts } from '../../bench/article-gen.js';
import { importArticle, storeImport } from '../../src/corpus/articles.js';
import { openDatabase, type Db } from '../../src/db.js';
import { hashText } from '../../src/ingest/hash.js';
import { inlineRunner } from '../../src/workers/pool.js';

const articles = generateArticleTexts(4, 61).map((a, i) => ({ title: `${a.title} ${i}`, text: a.text }));

/** What the store keeps of every quote for pairing, by the quote's article and words. */
function indexOf(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT q.article_id AS article, q.start, q.text, q.speaker_id AS speaker, f.features,
         (SELECT json_group_array(term) FROM (SELECT term FROM quote_terms WHERE quote_id = q.id ORDER BY term)) AS terms
       FROM quotes q LEFT JOIN quote_features f ON f.quote_id = q.id ORDER BY q.article_id, q.start`,
    )
    .all();
}

describe('rows prepared for the store with the analysis', () => {
  it('store the same hash, features and index terms as computing them in the transaction', async () => {
    const computed = openDatabase(':memory:');
    for (const input of articles) importArticle(computed, input);
    const ready = openDatabase(':memory:');
    for (const input of articles) {
      const { prepared, analysis } = await inlineRunner.run({ kind: 'analyze', input });
      expect(analysis.rows?.textHash).toBe(hashText(prepared.text));
      expect(analysis.rows?.quotes.filter((q) => q !== null)).toHaveLength(analysis.quotes.length);
      // the vectors stay in the worker: the rows carry the features as text
      expect(analysis.index).toBeUndefined();
      expect(storeImport(ready, prepared, analysis).status).toBe('imported');
    }
    const stored = indexOf(ready);
    expect(stored.length).toBeGreaterThan(10);
    expect(stored).toEqual(indexOf(computed));
    const hashes = (db: Db) => db.prepare('SELECT text_hash FROM articles ORDER BY id').all();
    expect(hashes(ready)).toEqual(hashes(computed));
  }, 120_000);

  it('refuses an analysis made for another text', async () => {
    const db = openDatabase(':memory:');
    const a = await inlineRunner.run({ kind: 'analyze', input: articles[0] });
    const b = await inlineRunner.run({ kind: 'analyze', input: articles[1] });
    expect(() => storeImport(db, a.prepared, b.analysis)).toThrow(/another text/);
    expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });
  }, 120_000);
});
