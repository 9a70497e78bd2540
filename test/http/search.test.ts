import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { makeApp } from '../helpers/app.js';
import { loadSampleCorpus } from '../../src/corpus/samples.js';
import type { Db } from '../../src/db.js';
import { insertArticle } from '../../src/store/articles.js';

describe('search over the sample corpus', () => {
  let app: Express;
  let db: Db;
  beforeAll(() => {
    ({ app, db } = makeApp());
    loadSampleCorpus(db);
  }, 60_000);

  const search = async (q: string) => (await request(app).get('/api/search').query({ q }).expect(200)).body;

  it('matches other forms of a word (Porter stemming)', async () => {
    const withdraw = await search('withdraw');
    const withdrawal = await search('withdrawal');
    // before stemming "withdraw" found 2 articles and "withdrawal" 5
    expect(withdraw.articles.length).toBe(withdrawal.articles.length);
    expect(withdraw.articles.length).toBeGreaterThanOrEqual(5);
    const occupier = await search('occupier');
    expect(occupier.articles.length).toBeGreaterThan(0);
    expect(occupier.articles.map((a: { id: number }) => a.id)).toEqual(
      (await search('occupiers')).articles.map((a: { id: number }) => a.id),
    );
    expect(occupier.quotes.some((q: { text: string }) => /occupiers/i.test(q.text))).toBe(true);
  });

  it('finds a speaker, the articles and the quotes under another spelling of the name', async () => {
    const yasir = await search('Yasir');
    expect(yasir.spellings).toEqual([{ word: 'yasir', variants: ['yasser'] }]);
    expect(yasir.speakers.map((s: { name: string }) => s.name)).toContain('Firas al-Yasser');
    // "Yasir" is written in one sample only; the others spell it "Yasser"
    const spelledYasir = db.prepare("SELECT count(*) AS n FROM articles WHERE text LIKE '%Yasir%'").get() as {
      n: number;
    };
    expect(yasir.articles.length).toBeGreaterThan(spelledYasir.n);
    const quote = yasir.quotes.find(
      (q: { speakerName: string; text: string }) => q.speakerName === 'Firas al-Yasser' && !/Yas/.test(q.text),
    );
    expect(quote).toBeDefined();
    expect(yasir.quotes.length).toBe((await search('Yasser')).quotes.length);
  });

  it('finds statements through their versions and groups everything by kind', async () => {
    const found = await search('withdrawal');
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['articles', 'quotes', 'speakers', 'statements']));
    expect(found.statements.length).toBeGreaterThan(0);
    const statement = await request(app).get(`/api/statements/${found.statements[0].id}`).expect(200);
    expect(statement.body).toBeTruthy();
    expect((await search('submarine')).articles).toHaveLength(0);
  });

  it('shows the groups on the search page, reported speech without quotation marks', async () => {
    const res = await request(app).get('/search').query({ q: 'Yasir' }).expect(200);
    expect(res.text).toContain('id="found-articles"');
    expect(res.text).toContain('id="found-quotes"');
    expect(res.text).toMatch(/<a href="\/speakers\/\d+">Firas al-Yasser<\/a>/);
    expect(res.text).toContain('also searched as “yasser”');
    expect(res.text).toMatch(/<a href="\/statements\/\d+">/);
    // reported speech is shown as such, never between quotation marks
    const indirect = db
      .prepare(
        "SELECT text FROM quotes WHERE kind = 'indirect' AND speaker_name = 'Firas al-Yasser' AND text NOT LIKE '%&%' LIMIT 1",
      )
      .get() as { text: string };
    expect(res.text).toContain(`title="reported speech, not a quotation">${indirect.text.slice(0, 100)}`);
    expect(res.text).not.toContain(`“${indirect.text.slice(0, 100)}`);
  });

  it('refuses an empty query on the API and shows an empty form on the page', async () => {
    const res = await request(app).get('/api/search').query({ q: ' ' }).expect(400);
    expect(res.body.error).toMatch(/query/);
    await request(app).get('/search').expect(200);
    await request(app).get('/api/search').query({ q: 'bridge" OR (' }).expect(200);
  });
});

describe('search over huge articles', () => {
  it('answers quickly with bounded snippets for a 4.7 MB article and a 200 kB token', async () => {
    const { app, db } = makeApp();
    const store = (title: string, text: string) =>
      insertArticle(db, {
        title,
        outlet: null,
        author: null,
        published: null,
        url: null,
        format: 'txt',
        original: text,
        text,
        textHash: title,
        furniture: [],
        wordCount: 1,
      });
    let big = '';
    while (big.length < 4.7e6)
      big += 'The council met on Tuesday and the mayor said the bridge would be rebuilt by spring. ';
    store('Big', big);
    const token = 'abcdefghij'.repeat(20_000);
    store('Token', `The mayor wrote one long token: ${token} and nothing else.`);
    const t = performance.now();
    const found = (await request(app).get('/api/search').query({ q: 'mayor' }).expect(200)).body;
    // FTS5's snippet() took over a minute here; a bounded snippet takes milliseconds (generous for a loaded machine)
    expect(performance.now() - t).toBeLessThan(10_000);
    expect(found.articles.map((a: { title: string }) => a.title).sort()).toEqual(['Big', 'Token']);
    for (const a of found.articles) expect(a.snippet.length).toBeLessThan(300);
    const page = await request(app).get('/search').query({ q: 'mayor' }).expect(200);
    expect(page.text).toContain('<mark>mayor</mark>');
    expect(page.text.length).toBeLessThan(20_000);
  }, 60_000);
});
