/** What a new user tripped on: each small fix of the pages and API, checked over HTTP. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';
import { importArticle } from '../../src/corpus/articles.js';
import { loadSampleCorpus } from '../../src/corpus/samples.js';
import type { Db } from '../../src/db.js';
import { formatPercent } from '../../src/web/format.js';

const text =
  'The minister said the plan was "a disaster for the region" and left the room.\n\n' +
  'Critics insisted the cuts would hurt families across the north.';

function addArticle(db: Db, body = text, title = 'Cuts'): number {
  const r = importArticle(db, { text: body, title, outlet: 'Daily Test' });
  if (r.status !== 'imported') throw new Error('not imported');
  return r.article.id;
}

const spanOf = (words: string, body = text) => ({
  start: body.indexOf(words),
  end: body.indexOf(words) + words.length,
  exact: words,
});
const selected = (html: string, name: string) =>
  new RegExp(`<select id="${name}"[\\s\\S]*?<option value="(\\d+)" selected`).exec(html)?.[1];

describe('the compare chooser and an article compared with itself', () => {
  it('starts the chooser with two different articles', async () => {
    const { app, db } = makeApp();
    loadSampleCorpus(db);
    const page = await request(app).get('/compare').expect(200);
    expect(selected(page.text, 'a')).toBeDefined();
    expect(selected(page.text, 'b')).toBeDefined();
    expect(selected(page.text, 'a')).not.toBe(selected(page.text, 'b'));
    const first = selected(page.text, 'a')!;
    const given = await request(app).get(`/compare?a=${first}`).expect(200);
    expect(selected(given.text, 'a')).toBe(first);
    expect(selected(given.text, 'b')).not.toBe(first);
  }, 60_000);

  it('starts with two different articles when no pair is known', async () => {
    const { app, db } = makeApp();
    const a = addArticle(db);
    const b = addArticle(db, 'A quite different text about bridges and rivers in spring.', 'Bridges');
    const page = await request(app).get('/compare').expect(200);
    expect([selected(page.text, 'a'), selected(page.text, 'b')].sort()).toEqual([String(a), String(b)].sort());
  });

  it('answers an article compared with itself with one 400 and one message everywhere', async () => {
    const { app, db } = makeApp();
    const id = addArticle(db);
    const message = `article ${id} compared with itself; choose two different articles`;
    expect((await request(app).get(`/compare?a=${id}&b=${id}`).expect(400)).text).toContain(message);
    const api = await request(app).get(`/api/compare?a=${id}&b=${id}`).expect(400);
    expect(api.body.error).toContain(message);
    expect((await request(app).get(`/export?format=html&compare=${id},${id}`).expect(400)).text).toContain(message);
    const exported = await request(app).get(`/api/export?format=jsonld&compare=${id},${id}`).expect(400);
    expect(exported.body.errors.compare).toBe(message);
  });
});

describe('annotations', () => {
  it('answers an annotation on an unknown article with 404', async () => {
    const { app, db } = makeApp();
    const agent = await signIn(app, db);
    const res = await agent.post('/api/annotations').send({ articleId: 999, start: 0, end: 4, note: 'x' }).expect(404);
    expect(res.body.error).toMatch(/no article 999/);
    const articleId = addArticle(db);
    await agent
      .post('/api/annotations')
      .send({ articleId, ...spanOf('minister'), note: 'x', other: { articleId: 998, start: 0, end: 3 } })
      .expect(404);
  });

  it('adds no history entry and keeps the time for an edit that changes nothing', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const agent = await signIn(app, db);
    const created = (
      await agent
        .post('/api/annotations')
        .send({ articleId, ...spanOf('insisted'), tagId: 'attribution-verb' })
        .expect(201)
    ).body.annotation;
    const empty = await agent.patch(`/api/annotations/${created.id}`).send({}).expect(200);
    expect(empty.body.annotation.modifiedAt).toBe(created.modifiedAt);
    await agent.patch(`/api/annotations/${created.id}`).send({ tagId: 'attribution-verb' }).expect(200);
    const history = (await request(app).get(`/api/annotations/${created.id}/history`)).body.history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create']);
  });

  it('keeps each annotation its own time when the text is replaced', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const agent = await signIn(app, db);
    const created = (
      await agent
        .post('/api/annotations')
        .send({ articleId, ...spanOf('insisted'), note: 'loaded verb' })
        .expect(201)
    ).body.annotation;
    await new Promise((r) => setTimeout(r, 5));
    await agent
      .post(`/api/articles/${articleId}/text`)
      .send({ text: `Correction appended at the top.\n\n${text}` })
      .expect(200);
    const after = (await request(app).get(`/api/annotations/${created.id}`)).body.annotation;
    expect(after.start).toBeGreaterThan(created.start);
    expect(after.modifiedAt).toBe(created.modifiedAt);
    const history = (await request(app).get(`/api/annotations/${created.id}/history`)).body.history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'reanchor']);
  });

  it('shows the history as readable changes, not JSON', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const agent = await signIn(app, db);
    const id = (
      await agent
        .post('/api/annotations')
        .send({ articleId, ...spanOf('insisted'), note: 'first' })
        .expect(201)
    ).body.annotation.id;
    await agent.patch(`/api/annotations/${id}`).send({ tagId: 'attribution-verb' }).expect(200);
    const page = await request(app).get(`/annotations/${id}`).expect(200);
    expect(page.text).not.toContain('&#34;tagId&#34;');
    expect(page.text).not.toMatch(/"tagId"|<pre>/);
    expect(page.text).toMatch(/<dt>Tag<\/dt>\s*<dd><del>none<\/del> → <ins>[^<]+<\/ins><\/dd>/);
    expect(page.text).toContain('“insisted” (characters');
    expect(page.text).toContain('edited');
  });
});

describe('agreement', () => {
  it.each([
    [1, '100 %'],
    [0.9975, '99.8 %'],
    [0.99996, '> 99.9 %'],
    [0.5, '50 %'],
    [0.0004, '< 0.1 %'],
    [0, '0 %'],
  ])('writes the share %d as %s', (share, shown) => {
    expect(formatPercent(share)).toBe(shown);
  });

  it('links each disagreement to its words on the article page', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const one = await signIn(app, db, 'reviewer', 'ann');
    const two = await signIn(app, db, 'reviewer', 'bob');
    await one
      .post('/api/annotations')
      .send({ articleId, ...spanOf('insisted the cuts'), tagId: 'attribution-verb' })
      .expect(201);
    await two
      .post('/api/annotations')
      .send({ articleId, ...spanOf('insisted'), tagId: 'attribution-verb' })
      .expect(201);
    const page = await request(app).get(`/articles/${articleId}/agreement`).expect(200);
    const link = /href="(\/articles\/\d+\?mark=(\d+)-(\d+)#marked)"/.exec(page.text);
    expect(link).not.toBeNull();
    expect(text.slice(Number(link![2]), Number(link![3]))).toBe('the cuts');
    expect(page.text).not.toContain('100 %');
    const article = await request(app).get(link![1].replace('#marked', '')).expect(200);
    expect(article.text).toMatch(/<span class="marked"[^>]*id="marked"[^>]*>the cuts<\/span>/);
  });
});

describe('small things', () => {
  it('serves a favicon and links an icon from every page', async () => {
    const { app } = makeApp();
    const res = await request(app).get('/favicon.ico').expect(200);
    expect(res.headers['content-type']).toMatch(/icon/);
    expect(res.body.length).toBeGreaterThan(100);
    expect((await request(app).get('/')).text).toContain('rel="icon"');
    await request(app).get('/static/favicon.svg').expect(200);
  });

  it('hides Edit and Delete from visitors who cannot use them', async () => {
    const { app, db } = makeApp();
    const id = addArticle(db);
    const anon = await request(app).get(`/articles/${id}`).expect(200);
    expect(anon.text).not.toContain(`/articles/${id}/edit`);
    expect(anon.text).not.toContain(`/articles/${id}/delete`);
    const viewer = await signIn(app, db, 'viewer');
    expect((await viewer.get(`/articles/${id}`)).text).not.toContain(`/articles/${id}/delete`);
    const reviewer = await signIn(app, db, 'reviewer');
    expect((await reviewer.get(`/articles/${id}`)).text).toContain(`/articles/${id}/delete`);
  });

  it('gives validation errors under `errors` in every endpoint', async () => {
    const { app, db } = makeApp();
    const id = addArticle(db);
    const agent = await signIn(app, db);
    const bodies = [
      (await agent.patch(`/api/articles/${id}`).send({ published: 'yesterday' }).expect(400)).body,
      (await agent.post('/api/annotations').send({ articleId: id, start: 5, end: 2 }).expect(400)).body,
      (await agent.get('/api/annotations?from=nope').expect(400)).body,
      (await agent.get('/api/export?format=csv&from=nope').expect(400)).body,
      (await agent.get('/api/search?q=').expect(400)).body,
    ];
    for (const b of bodies) {
      expect(typeof b.error).toBe('string');
      expect(Object.keys(b.errors).length).toBeGreaterThan(0);
      expect(b.fields).toBeUndefined();
    }
  });

  it.each([
    ['from=2025-13-45', 'from'],
    ['to=2025-02-29', 'to'],
    ['from=2025-03-02&to=2025-03-01', 'to'],
    ['reviewer=nobody', 'reviewer'],
    ['tag=no-such-tag', 'tag'],
  ])('refuses the export filter %s with a clear 400', async (query, field) => {
    const { app, db } = makeApp();
    await signIn(app, db, 'reviewer', 'rita');
    const res = await request(app).get(`/api/export?format=csv&${query}`).expect(400);
    expect(Object.keys(res.body.errors)).toEqual([field]);
    expect((await request(app).get(`/export?format=csv&${query}`).expect(400)).text).toContain(field);
  });

  it('accepts real dates and known reviewers and tags as export filters', async () => {
    const { app, db } = makeApp();
    await signIn(app, db, 'reviewer', 'rita');
    await request(app)
      .get('/api/export?format=csv&from=2024-02-29&to=2024-03-01&reviewer=Rita&tag=attribution-verb')
      .expect(200);
  });
});
