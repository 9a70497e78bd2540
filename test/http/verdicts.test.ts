import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';
import type { Db } from '../../src/db.js';
import type { Express } from 'express';

const quote = '"We will rebuild the bridge over the river by June, whatever the council decides," the mayor said.';

/** Two dated articles sharing one statement; returns the articles and the pair id. */
async function pairedArticles(app: Express, db: Db) {
  const api = await signIn(app, db, 'reviewer', 'rita');
  const a = (
    await api
      .post('/api/articles')
      .send({ title: 'First', outlet: 'Daily', published: '2024-01-01', text: `City news.\n\n${quote}` })
  ).body.results[0].article.id as number;
  const b = (
    await api.post('/api/articles').send({
      title: 'Second',
      outlet: 'Weekly',
      published: '2024-01-05',
      text: `Other news.\n\n${quote.replace('by June', 'by July')}`,
    })
  ).body.results[0].article.id as number;
  const cmp = await request(app).get(`/api/compare?a=${a}&b=${b}`).expect(200);
  expect(cmp.body.pairs.length).toBe(1);
  return { api, a, b, pairId: cmp.body.pairs[0].id as number };
}

describe('verdict workflow', () => {
  it('walks suggested → confirmed → verdict given → second review done, recording each change', async () => {
    const { app, db } = makeApp();
    const { api, pairId } = await pairedArticles(app, db);
    const second = await signIn(app, db, 'reviewer', 'sam');

    let r = await request(app).get(`/api/pairs/${pairId}/verdict`).expect(200);
    expect(r.body.state).toBe('suggested');
    expect(r.body.verdict).toBeNull();

    await api.post(`/api/pairs/${pairId}/review`).send({ status: 'confirmed' }).expect(200);
    r = await request(app).get(`/api/pairs/${pairId}/verdict`).expect(200);
    expect(r.body.state).toBe('confirmed');
    expect(r.body.history.map((h: { action: string }) => h.action)).toEqual(['confirm']);

    r = await api
      .post(`/api/pairs/${pairId}/verdict`)
      .send({ rating: 'distorted', rationale: 'The deadline moved from **June** to July.', needsSecondReview: true })
      .expect(200);
    expect(r.body.state).toBe('verdict-given');
    expect(r.body.verdict).toMatchObject({
      ratingId: 'distorted',
      ratingLabel: 'Distorted',
      ratingValue: 3,
      reviewerName: 'rita',
      needsSecondReview: true,
    });
    expect(r.body.verdict.givenAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // the reviewer cannot second-review their own verdict
    r = await api.post(`/api/pairs/${pairId}/verdict/second-review`).send({}).expect(409);
    expect(r.body.error).toMatch(/someone else/);

    r = await api.post(`/api/pairs/${pairId}/verdict/assign`).send({ assignee: 'sam' }).expect(200);
    expect(r.body.verdict.assigneeName).toBe('sam');
    const queue = await request(app).get('/api/verdicts?assignee=sam&needsSecondReview=1').expect(200);
    expect(queue.body.verdicts).toHaveLength(1);
    // the queue shows both versions, the reference (earlier) one first
    const [item] = queue.body.verdicts;
    expect(item.earlier).toMatchObject({ title: 'First', outlet: 'Daily', published: '2024-01-01' });
    expect(item.later).toMatchObject({ title: 'Second', outlet: 'Weekly' });
    expect(item.earlier.text).toContain('by June');
    expect(item.later.text).toContain('by July');
    expect(item.orderUnknown).toBe(false);
    const page = (await request(app).get('/verdicts').expect(200)).text;
    const row = /<td class="queue-sides">([\s\S]*?)<\/td>/.exec(page)![1];
    expect(row.indexOf('Earlier · Daily, 2024-01-01')).toBeGreaterThan(-1);
    expect(row.indexOf('by June')).toBeLessThan(row.indexOf('Later · Weekly'));
    expect(row.indexOf('Later · Weekly')).toBeLessThan(row.indexOf('by July'));
    expect(row).not.toContain('Order unknown');

    r = await second
      .post(`/api/pairs/${pairId}/verdict/second-review`)
      .send({ note: 'Checked against the first article.' })
      .expect(200);
    expect(r.body.state).toBe('second-review-done');
    expect(r.body.verdict).toMatchObject({ secondReviewerName: 'sam', needsSecondReview: false, assigneeName: null });
    // a done review cannot be done twice
    await second.post(`/api/pairs/${pairId}/verdict/second-review`).send({}).expect(409);

    r = await second.post(`/api/pairs/${pairId}/verdict/request-second-review`).send({}).expect(200);
    expect(r.body.state).toBe('verdict-given');
    expect(r.body.verdict.needsSecondReview).toBe(true);
    expect(r.body.verdict.secondReviewerName).toBeNull();

    const h = (await request(app).get(`/api/pairs/${pairId}/verdict`).expect(200)).body.history as {
      action: string;
      userName: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }[];
    expect(h.map((x) => [x.action, x.userName])).toEqual([
      ['confirm', 'rita'],
      ['verdict', 'rita'],
      ['assign', 'rita'],
      ['second-review', 'sam'],
      ['request-second-review', 'sam'],
    ]);
    expect(h[1].before).toMatchObject({ state: 'open', rating: null });
    expect(h[1].after).toMatchObject({ state: 'verdict-given', rating: 'distorted', reviewer: 'rita' });
    expect(h[3].after).toMatchObject({ state: 'second-review-done', note: 'Checked against the first article.' });
    const byId = await request(app).get(`/api/verdicts/${r.body.verdict.id}`).expect(200);
    expect(byId.body.history).toHaveLength(5);
  });

  it('confirms a suggested pair when a verdict is given, and refuses a verdict on a rejected pair', async () => {
    const { app, db } = makeApp();
    const { api, pairId } = await pairedArticles(app, db);
    let r = await api
      .post(`/api/pairs/${pairId}/verdict`)
      .send({ rating: 'accurate', rationale: 'Same words.' })
      .expect(200);
    expect(r.body.pair.status).toBe('confirmed');
    expect(r.body.verdict.needsSecondReview).toBe(false);
    r = await request(app).get(`/api/pairs/${pairId}/verdict`).expect(200);
    expect(r.body.history.map((h: { action: string }) => h.action)).toEqual(['confirm', 'verdict']);
    await api.post(`/api/pairs/${pairId}/review`).send({ status: 'rejected' }).expect(200);
    r = await request(app).get(`/api/pairs/${pairId}/verdict`).expect(200);
    expect(r.body.state).toBe('rejected');
    expect(r.body.history.at(-1).action).toBe('reject');
    r = await api.post(`/api/pairs/${pairId}/verdict`).send({ rating: 'accurate', rationale: 'Again.' }).expect(409);
    expect(r.body.error).toMatch(/rejected/);
  });

  it('refuses bad input: unknown rating, empty rationale, unknown pair, unknown assignee', async () => {
    const { app, db } = makeApp();
    const { api, pairId } = await pairedArticles(app, db);
    const before = (await request(app).get(`/api/pairs/${pairId}/verdict`)).body;
    await api.post(`/api/pairs/${pairId}/verdict`).send({ rating: 'wonderful', rationale: 'x' }).expect(400);
    await api.post(`/api/pairs/${pairId}/verdict`).send({ rating: 'accurate', rationale: '   ' }).expect(400);
    await api.post(`/api/pairs/${pairId}/verdict`).send({ rationale: 'no rating' }).expect(400);
    await api.post('/api/pairs/99999/verdict').send({ rating: 'accurate', rationale: 'x' }).expect(404);
    await api.post(`/api/pairs/${pairId}/verdict/assign`).send({ assignee: 'nobody-here' }).expect(400);
    await api.post(`/api/pairs/${pairId}/verdict/request-second-review`).send({}).expect(409);
    await request(app).get('/api/pairs/99999/verdict').expect(404);
    expect((await request(app).get(`/api/pairs/${pairId}/verdict`)).body).toEqual(before);
  });

  it('lets only logged-in reviewers with the CSRF token change verdicts', async () => {
    const { app, db } = makeApp();
    const { pairId } = await pairedArticles(app, db);
    const body = { rating: 'accurate', rationale: 'Same words.' };
    await request(app).post(`/api/pairs/${pairId}/verdict`).send(body).expect(401);
    const viewer = await signIn(app, db, 'viewer');
    await viewer.post(`/api/pairs/${pairId}/verdict`).send(body).expect(403);
    await viewer.post(`/api/pairs/${pairId}/verdict/assign`).send({ assignee: null }).expect(403);
    const reviewer = await signIn(app, db, 'reviewer', 'rex');
    await reviewer.post(`/api/pairs/${pairId}/verdict`).set('x-csrf-token', 'forged').send(body).expect(403);
    await reviewer.post(`/pairs/${pairId}/verdict`).set('x-csrf-token', '').type('form').send(body).expect(403);
    expect((await request(app).get(`/api/pairs/${pairId}/verdict`)).body.verdict).toBeNull();
  });

  it('gives a verdict from the comparison page form and shows it, escaped, on the comparison, statement and verdict pages', async () => {
    const { app, db } = makeApp();
    const { api, a, b, pairId } = await pairedArticles(app, db);
    const page = await api.get(`/compare?a=${a}&b=${b}`).expect(200);
    expect(page.text).toContain(`action="/pairs/${pairId}/verdict"`);
    expect(page.text).toContain('<option value="trimmed-but-fair">Trimmed but fair</option>');
    const res = await api
      .post(`/pairs/${pairId}/verdict`)
      .type('form')
      .send({
        rating: 'misleading',
        rationale: 'Deadline changed <script>alert(1)</script> **badly**',
        needsSecondReview: '1',
        back: `/compare?a=${a}&b=${b}#pair-1`,
      })
      .expect(303);
    expect(res.headers.location).toBe(`/compare?a=${a}&b=${b}#pair-1`);
    const after = await request(app).get(`/compare?a=${a}&b=${b}`).expect(200);
    expect(after.text).toContain('verdict given');
    expect(after.text).toContain('needs second review');
    expect(after.text).toContain('<strong class="rating rating-misleading">Misleading</strong>');
    expect(after.text).toContain('&lt;script&gt;');
    expect(after.text).not.toContain('<script>alert(1)');
    expect(after.text).toContain('<strong>badly</strong>');
    const quoteId = (await request(app).get(`/api/compare?a=${a}&b=${b}`)).body.pairs[0].earlier.quoteId;
    const statement = await request(app).get(`/statements/${quoteId}`).expect(200);
    expect(statement.text).toContain('Misleading');
    expect(statement.text).toContain('Pairs and verdicts');
    const list = await request(app).get('/verdicts').expect(200);
    const id = /href="\/verdicts\/(\d+)"/.exec(list.text)?.[1];
    expect(id).toBeDefined();
    const show = await request(app).get(`/verdicts/${id}`).expect(200);
    expect(show.text).toContain('history-verdict');
    expect(show.text).toContain('history-confirm');
    // a foreign back address is refused
    await api
      .post(`/pairs/${pairId}/verdict/assign`)
      .type('form')
      .send({ assignee: '', back: '//evil.example/' })
      .expect(400);
  });

  it('keeps the verdict when an article is analysed again and its quotes get new ids', async () => {
    const { app, db } = makeApp();
    const { api, a, b, pairId } = await pairedArticles(app, db);
    await api
      .post(`/api/pairs/${pairId}/verdict`)
      .send({ rating: 'distorted', rationale: 'June became July.' })
      .expect(200);
    const before = (await request(app).get(`/api/compare?a=${a}&b=${b}`)).body.pairs[0];
    const text = `"Traffic on the ring road will be heavy all week," the police chief said.\n\nOther news.\n\n${quote.replace('by June', 'by July')}`;
    await api.post(`/api/articles/${b}/text`).send({ text }).expect(200);
    const cmp = await request(app).get(`/api/compare?a=${a}&b=${b}`).expect(200);
    expect(cmp.body.pairs).toHaveLength(1);
    expect(cmp.body.pairs[0].later.quoteId).not.toBe(before.later.quoteId);
    expect(cmp.body.pairs[0].later.start).not.toBe(before.later.start);
    const r = await request(app).get(`/api/pairs/${cmp.body.pairs[0].id}/verdict`).expect(200);
    expect(r.body.state).toBe('verdict-given');
    expect(r.body.verdict.ratingId).toBe('distorted');
  });
});

describe('verdict scale', () => {
  it('is read by anyone and changed only by admins', async () => {
    const { app, db } = makeApp();
    const scale = await request(app).get('/api/verdict-scale').expect(200);
    expect(scale.body.ratings.map((r: { id: string }) => r.id)).toEqual([
      'accurate',
      'trimmed-but-fair',
      'misleading',
      'distorted',
      'misattributed',
      'fabricated',
    ]);
    expect(scale.body).toMatchObject({ bestRating: 6, worstRating: 1 });
    const reviewer = await signIn(app, db);
    await reviewer.post('/api/verdict-scale').send({ label: 'Satire', value: 0 }).expect(403);
    await reviewer.patch('/api/verdict-scale/accurate').send({ label: 'Correct' }).expect(403);
    const admin = await signIn(app, db, 'admin');
    const added = await admin.post('/api/verdict-scale').send({ label: 'Out of context', value: 4 }).expect(201);
    expect(added.body.rating).toMatchObject({ id: 'out-of-context', label: 'Out of context', value: 4 });
    await admin.post('/api/verdict-scale').send({ label: 'Out of context', value: 4 }).expect(400);
    await admin.patch('/api/verdict-scale/accurate').send({ label: 'Correct' }).expect(200);
    await admin.patch('/api/verdict-scale/nope').send({ label: 'x' }).expect(404);
    await admin.patch('/api/verdict-scale/fabricated').send({ retired: true }).expect(200);
    const after = await request(app).get('/api/verdict-scale').expect(200);
    expect(after.body.ratings.find((r: { id: string }) => r.id === 'accurate').label).toBe('Correct');
    expect(after.body.worstRating).toBe(2);
    const page = await admin.get('/verdict-scale').expect(200);
    expect(page.text).toContain('Out of context');
    await admin
      .post('/verdict-scale/misleading')
      .type('form')
      .send({ label: 'Misleading framing', value: '4' })
      .expect(303);
    expect((await request(app).get('/verdict-scale')).text).toContain('Misleading framing');
  });

  it('offers new ratings for verdicts and refuses retired ones', async () => {
    const { app, db } = makeApp();
    const { api, pairId } = await pairedArticles(app, db);
    const admin = await signIn(app, db, 'admin');
    await admin.post('/api/verdict-scale').send({ id: 'satire', label: 'Satire', value: 0 }).expect(201);
    await api.post(`/api/pairs/${pairId}/verdict`).send({ rating: 'satire', rationale: 'A joke column.' }).expect(200);
    await admin.patch('/api/verdict-scale/satire').send({ retired: true }).expect(200);
    await api.post(`/api/pairs/${pairId}/verdict`).send({ rating: 'satire', rationale: 'A joke column.' }).expect(400);
    // the verdict given before keeps its rating
    expect((await request(app).get(`/api/pairs/${pairId}/verdict`)).body.verdict.ratingLabel).toBe('Satire');
  });
});
