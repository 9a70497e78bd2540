import request from 'supertest';
import type { Express } from 'express';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';
import { listEditorialSpans } from '../../src/store/editorial.js';
import type { Db } from '../../src/db.js';

const quote = '"We will rebuild the bridge over the river by June, whatever the council decides," the mayor said.';
const opinion =
  'The brazen regime has, of course, trampled on every promise it made.\n\n' + quote.replace('by June', 'by July');

async function rejectedPair(app: Express, db: Db) {
  const api = await signIn(app, db);
  const a = (
    await api
      .post('/api/articles')
      .send({ title: 'First', outlet: 'Daily', published: '2024-01-01', text: `City news.\n\n${quote}` })
  ).body.results[0].article.id as number;
  const b = (
    await api.post('/api/articles').send({ title: 'Second', outlet: 'Weekly', published: '2024-01-05', text: opinion })
  ).body.results[0].article.id as number;
  const pairId = (await request(app).get(`/api/compare?a=${a}&b=${b}`)).body.pairs[0].id as number;
  await api.post(`/api/pairs/${pairId}/review`).send({ status: 'rejected' }).expect(200);
  expect((await request(app).get(`/api/compare?a=${a}&b=${b}`)).body.pairs).toHaveLength(0);
  return { api, a, b, pairId };
}

describe('undo', () => {
  it('lists a rejected pair per article and per comparison, and restores it from the page', async () => {
    const { app, db } = makeApp();
    const { api, a, b, pairId } = await rejectedPair(app, db);
    for (const q of [`article=${a}`, `article=${b}`, `compare=${a},${b}`]) {
      const list = (await request(app).get(`/api/undo?${q}`).expect(200)).body;
      expect(list.rejectedPairs).toHaveLength(1);
      expect(list.rejectedPairs[0]).toMatchObject({ pairId, a: { articleId: a }, b: { articleId: b } });
    }
    const page = await api.get(`/undo?compare=${a},${b}`).expect(200);
    expect(page.text).toContain('Rejected pairs (1)');
    expect(page.text).toContain('action="/pairs/restore"');
    expect((await request(app).get(`/compare?a=${a}&b=${b}`)).text).toContain(`/undo?compare=${a},${b}`);
    expect((await request(app).get(`/articles/${a}`)).text).toContain(`/undo?article=${a}`);
    const r = (await request(app).get(`/api/undo?compare=${a},${b}`)).body.rejectedPairs[0];
    const res = await api
      .post('/pairs/restore')
      .type('form')
      .send({
        aArticle: r.a.articleId,
        aText: r.a.text,
        bArticle: r.b.articleId,
        bText: r.b.text,
        back: `/undo?compare=${a},${b}`,
      })
      .expect(303);
    expect(res.headers.location).toBe(`/undo?compare=${a},${b}`);
    const pairs = (await request(app).get(`/api/compare?a=${a}&b=${b}`)).body.pairs;
    expect(pairs).toHaveLength(1);
    expect(pairs[0].status).toBe('suggested');
    expect((await request(app).get(`/api/undo?compare=${a},${b}`)).body.rejectedPairs).toHaveLength(0);
    const history = (await request(app).get(`/api/pairs/${pairs[0].id}/verdict`)).body.history.map(
      (h: { action: string }) => h.action,
    );
    expect(history).toEqual(['reject', 'restore']);
    // restoring twice finds nothing to restore
    await api.post('/api/pairs/restore').send({ a: r.a, b: r.b }).expect(404);
  });

  it('restores a rejected pair after re-analysis dropped it, as a fresh suggestion', async () => {
    const { app, db } = makeApp();
    const { api, a, b } = await rejectedPair(app, db);
    await api
      .post(`/api/articles/${b}/text`)
      .send({ text: `${opinion}\n\nA closing line about the weather.` })
      .expect(200);
    const [r] = (await request(app).get(`/api/undo?article=${a}`)).body.rejectedPairs;
    expect(r.pairId).toBeNull();
    expect((await request(app).get(`/api/compare?a=${a}&b=${b}`)).body.pairs).toHaveLength(0);
    const res = await api
      .post('/api/pairs/restore')
      .send({ a: { articleId: r.a.articleId, text: r.a.text }, b: { articleId: r.b.articleId, text: r.b.text } })
      .expect(200);
    const pairs = (await request(app).get(`/api/compare?a=${a}&b=${b}`)).body.pairs;
    expect(pairs.map((p: { id: number; status: string }) => [p.id, p.status])).toEqual([
      [res.body.pairId, 'suggested'],
    ]);
  });

  it('lists dismissed suggestions and restores them', async () => {
    const { app, db } = makeApp();
    const { api, b } = await rejectedPair(app, db);
    const span = listEditorialSpans(db, b)[0];
    expect(span).toBeDefined();
    await api.post(`/api/editorial/${span.id}/dismiss`).send({}).expect(200);
    const list = (await request(app).get(`/api/undo?article=${b}`)).body;
    expect(list.dismissedSuggestions.map((s: { id: number }) => s.id)).toEqual([span.id]);
    const page = await api.get(`/undo?article=${b}`).expect(200);
    expect(page.text).toContain(`action="/editorial/${span.id}/restore"`);
    await api
      .post(`/editorial/${span.id}/restore`)
      .type('form')
      .send({ back: `/undo?article=${b}` })
      .expect(303);
    expect(listEditorialSpans(db, b).find((s) => s.id === span.id)!.status).toBe('suggested');
    expect((await request(app).get(`/api/undo?article=${b}`)).body.dismissedSuggestions).toHaveLength(0);
    await api.post(`/api/editorial/${span.id}/restore`).send({}).expect(404);
  });

  it('refuses bad input, and writes from anyone but a reviewer with the CSRF token', async () => {
    const { app, db } = makeApp();
    const { a, b } = await rejectedPair(app, db);
    const r = (await request(app).get(`/api/undo?compare=${a},${b}`)).body.rejectedPairs[0];
    const body = { a: { articleId: r.a.articleId, text: r.a.text }, b: { articleId: r.b.articleId, text: r.b.text } };
    await request(app).get('/api/undo').expect(400);
    await request(app).get(`/api/undo?article=${a}&compare=${a},${b}`).expect(400);
    await request(app).get('/api/undo?article=9999').expect(404);
    await request(app).post('/api/pairs/restore').send(body).expect(401);
    const viewer = await signIn(app, db, 'viewer');
    await viewer.post('/api/pairs/restore').send(body).expect(403);
    const reviewer = await signIn(app, db, 'reviewer', 'rex');
    await reviewer.post('/api/pairs/restore').set('x-csrf-token', 'forged').send(body).expect(403);
    await reviewer.post('/api/pairs/restore').send({ a: body.a }).expect(400);
    expect((await request(app).get(`/api/undo?compare=${a},${b}`)).body.rejectedPairs).toHaveLength(1);
    const page = await viewer.get(`/undo?article=${a}`).expect(200);
    expect(page.text).not.toContain('action="/pairs/restore"');
  });
});
