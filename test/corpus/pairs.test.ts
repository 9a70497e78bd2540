import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db.js';
import { importArticle } from '../../src/corpus/articles.js';
import { analyzeStoredArticle } from '../../src/corpus/analysis.js';
import { linkQuotes, reviewPair } from '../../src/corpus/pairs.js';
import { getStatement } from '../../src/corpus/statements.js';
import { getArticle } from '../../src/store/articles.js';
import { listPairsBetween } from '../../src/store/pairs.js';
import { listQuotesOfArticle } from '../../src/store/quotes.js';
import { loadVectors } from '../../src/vectors/load.js';

const wire = {
  title: 'Minister vows to cut fuel tax',
  outlet: 'Wire',
  published: '2024-04-01',
  text: 'The finance minister said on Monday the government would act.\n\n"We will cut the fuel tax by half before the winter begins," Finance Minister Ana Costa told reporters.\n\n"Nobody should have to choose between heating and eating," she added.',
};
const retelling = {
  title: 'Costa promises fuel relief',
  outlet: 'Daily Paper',
  published: '2024-04-03',
  text: 'Relief is coming, according to the government.\n\n"We will halve the fuel tax before winter," Costa declared firmly.\n\nThe opposition called the plan reckless.',
};
const unrelated = {
  title: 'Harbour reopens',
  outlet: 'Coast News',
  published: '2024-04-02',
  text: 'The harbour reopened on Sunday after repairs.\n\n"The docks are safe again," the port director said.',
};

function importAll(db: Db) {
  const ids = [wire, retelling, unrelated].map((a) => {
    const r = importArticle(db, a);
    if (r.status !== 'imported') throw new Error('expected an import');
    return r.article.id;
  });
  return { wire: ids[0], retelling: ids[1], unrelated: ids[2] };
}

describe('pairing in the store', () => {
  it('pairs a retold quote on import and leaves unrelated articles alone', () => {
    const db = openDatabase(':memory:');
    const ids = importAll(db);
    const pairs = listPairsBetween(db, ids.wire, ids.retelling);
    expect(pairs).toHaveLength(1);
    expect(pairs[0].relation).toMatch(/paraphrase|near-verbatim|gist/);
    expect(listPairsBetween(db, ids.wire, ids.unrelated)).toHaveLength(0);
    expect(listPairsBetween(db, ids.retelling, ids.unrelated)).toHaveLength(0);
  });

  it('groups the versions into a statement, earliest first', () => {
    const db = openDatabase(':memory:');
    const ids = importAll(db);
    const quote = listQuotesOfArticle(db, ids.retelling).find((q) => q.text.startsWith('We will halve'))!;
    const statement = getStatement(db, quote.id)!;
    expect(statement.versions.map((v) => v.quote.articleId)).toEqual([ids.wire, ids.retelling]);
    expect(statement.versions[0].relation).toBeNull();
    expect(statement.versions[1].relation).not.toBeNull();
  });

  it('removes the pairs of a deleted article', () => {
    const db = openDatabase(':memory:');
    const ids = importAll(db);
    db.prepare('DELETE FROM articles WHERE id = ?').run(ids.retelling);
    expect((db.prepare('SELECT count(*) AS n FROM pairs').get() as { n: number }).n).toBe(0);
    expect(
      (
        db
          .prepare('SELECT count(*) AS n FROM quote_terms t JOIN quotes q ON q.id = t.quote_id WHERE q.article_id = ?')
          .get(ids.retelling) as { n: number }
      ).n,
    ).toBe(0);
  });

  it('never suggests a rejected pair again, even after re-analysis', () => {
    const db = openDatabase(':memory:');
    const ids = importAll(db);
    const [pair] = listPairsBetween(db, ids.wire, ids.retelling);
    reviewPair(db, pair.id, 'rejected');
    db.transaction(() => analyzeStoredArticle(db, getArticle(db, ids.retelling)!))();
    expect(listPairsBetween(db, ids.wire, ids.retelling)).toHaveLength(0);
    expect(listPairsBetween(db, ids.wire, ids.retelling, true)).toHaveLength(0);
  });

  it('keeps a confirmed pair and a hand-made link through re-analysis', () => {
    const db = openDatabase(':memory:');
    const ids = importAll(db);
    const [pair] = listPairsBetween(db, ids.wire, ids.retelling);
    reviewPair(db, pair.id, 'confirmed');
    const heating = listQuotesOfArticle(db, ids.wire).find((q) => q.text.startsWith('Nobody should'))!;
    const docks = listQuotesOfArticle(db, ids.unrelated).find((q) => q.text.startsWith('The docks'))!;
    const linked = linkQuotes(db, heating.id, docks.id, loadVectors());
    expect('error' in linked).toBe(false);
    db.transaction(() => {
      analyzeStoredArticle(db, getArticle(db, ids.wire)!);
    })();
    const after = listPairsBetween(db, ids.wire, ids.retelling);
    expect(after).toHaveLength(1);
    expect(after[0].status).toBe('confirmed');
    const link = listPairsBetween(db, ids.wire, ids.unrelated);
    expect(link).toHaveLength(1);
    expect(link[0]).toMatchObject({ status: 'confirmed', origin: 'reviewer' });
  });

  it('refuses to link two quotes of the same article', () => {
    const db = openDatabase(':memory:');
    const ids = importAll(db);
    const [a, b] = listQuotesOfArticle(db, ids.wire);
    expect(linkQuotes(db, a.id, b.id, loadVectors())).toEqual({
      error: 'link: the quotes must be in different articles',
    });
  });
});
