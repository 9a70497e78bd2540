/**
 * Issue 17, finding 2: deleting an article that holds other reviewers'
 * annotations is refused for reviewers (409 with the reason) and allowed for
 * admins; deletion is soft (hidden everywhere, history kept) and an admin
 * restores it (page and API).
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';

const textA =
  'The harbour master said the ferry sank near the pier on Monday. "We will rebuild the pier by June," the mayor told reporters on Tuesday.';
const textB =
  'A ferry went down by the pier, the port said. The mayor said: "We will rebuild the pier by June." Critics called the plan reckless.';

async function setUp() {
  const { app, db } = makeApp();
  const ana = await signIn(app, db, 'reviewer', 'ana');
  const ben = await signIn(app, db, 'reviewer', 'ben');
  const admin = await signIn(app, db, 'admin', 'boss');
  const a = (
    await ana.post('/api/articles').send({ title: 'Ferry sinks', outlet: 'Harbour News', text: textA }).expect(201)
  ).body.results[0].article.id as number;
  const b = (
    await ana.post('/api/articles').send({ title: 'Ferry down', outlet: 'Port Post', text: textB }).expect(201)
  ).body.results[0].article.id as number;
  const bens = (
    await ben.post('/api/annotations').send({ articleId: a, start: 4, end: 18, note: 'ben’s careful note' }).expect(201)
  ).body.annotation.id as number;
  await ben.patch(`/api/annotations/${bens}`).send({ note: 'ben’s careful note, revised' }).expect(200);
  return { app, db, ana, ben, admin, a, b, bens };
}

describe('finding 2: article deletion respects other reviewers’ work and is soft', () => {
  it('refuses a reviewer deleting an article holding another reviewer’s annotations: 409 with the reason, nothing removed (API and form)', async () => {
    const { app, ana, a, bens } = await setUp();
    const res = await ana.delete(`/api/articles/${a}`).expect(409);
    expect(res.body.error).toMatch(/holds 1 annotation by other reviewers; only an admin can delete it/);
    const csrf = (await ana.get('/api/me')).body.csrfToken as string;
    const page = await ana.post(`/articles/${a}/delete`).type('form').send({ _csrf: csrf }).expect(409);
    expect(page.text).toMatch(/only an admin can delete it/);
    await request(app).get(`/api/articles/${a}`).expect(200);
    expect((await request(app).get(`/api/annotations/${bens}/history`).expect(200)).body.history).toHaveLength(2);
  });

  it('lets a reviewer delete an article that only they annotated', async () => {
    const { ana, b } = await setUp();
    await ana.post('/api/annotations').send({ articleId: b, start: 2, end: 7, note: 'mine' }).expect(201);
    await ana.delete(`/api/articles/${b}`).expect(204);
  });

  it('lets an admin delete it softly: hidden from lists, search, comparisons, outlets and exports; annotations and history kept; restored by an admin', async () => {
    const { app, db, ana, admin, a, b, bens } = await setUp();
    const pairsBefore = (db.prepare('SELECT count(*) AS n FROM pairs').get() as { n: number }).n;
    await admin.delete(`/api/articles/${a}`).expect(204);
    await request(app).get(`/api/articles/${a}`).expect(404);
    await request(app).get(`/articles/${a}`).expect(404);
    expect(
      (await request(app).get('/api/articles').expect(200)).body.articles.map((x: { id: number }) => x.id),
    ).toEqual([b]);
    expect(JSON.stringify((await request(app).get('/api/search?q=harbour').expect(200)).body)).not.toContain(
      'Ferry sinks',
    );
    await request(app).get(`/api/compare?a=${a}&b=${b}`).expect(404);
    await request(app).get('/api/outlets/Harbour%20News').expect(404);
    expect((await request(app).get('/export?format=md').expect(200)).text).not.toContain('Ferry sinks');
    expect((await request(app).get('/api/annotations?status=all').expect(200)).body.annotations).toEqual([]);
    await request(app).get(`/api/annotations/${bens}/history`).expect(404);
    const again = await ana.post('/api/articles').send({ title: 'Ferry sinks', text: textA }).expect(409);
    expect(again.body.results[0].error).toMatch(/which is deleted; an admin can restore it/);
    // the rows and the history are still there
    expect(db.prepare('SELECT count(*) AS n FROM annotation_history WHERE annotation_id = ?').get(bens)).toEqual({
      n: 2,
    });
    expect(db.prepare('SELECT action FROM article_history WHERE article_id = ?').all(a)).toEqual([
      { action: 'delete' },
    ]);
    // reviewers cannot restore; the admin can, from the API and from the page
    await ana.post(`/api/articles/${a}/restore`).expect(403);
    const deleted = (await admin.get('/api/articles/deleted').expect(200)).body.articles;
    expect(deleted).toMatchObject([{ id: a, title: 'Ferry sinks', deletedBy: 'boss' }]);
    const listPage = await admin.get('/articles/deleted').expect(200);
    expect(listPage.text).toContain(`action="/articles/${a}/restore"`);
    await admin.post(`/api/articles/${a}/restore`).expect(204);
    await request(app).get(`/api/articles/${a}`).expect(200);
    expect((await request(app).get(`/api/annotations/${bens}/history`).expect(200)).body.history).toHaveLength(2);
    expect((db.prepare('SELECT count(*) AS n FROM pairs').get() as { n: number }).n).toBe(pairsBefore);
    await request(app).get(`/api/compare?a=${a}&b=${b}`).expect(200);
    // delete again, restore by the page button
    await admin.delete(`/api/articles/${a}`).expect(204);
    const csrf = (await admin.get('/api/me')).body.csrfToken as string;
    const restored = await admin.post(`/articles/${a}/restore`).type('form').send({ _csrf: csrf }).expect(303);
    expect(restored.headers.location).toBe(`/articles/${a}`);
    expect(db.prepare('SELECT action FROM article_history WHERE article_id = ? ORDER BY id').all(a)).toEqual([
      { action: 'delete' },
      { action: 'restore' },
      { action: 'delete' },
      { action: 'restore' },
    ]);
  });
});
