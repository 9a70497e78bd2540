/** Report downloads, the annotation import API and form, and the outlet pages over HTTP. */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Db } from '../../src/db.js';
import { exportReport } from '../../src/corpus/reports.js';
import { makeApp, signIn, snapshotCounts } from '../helpers/app.js';
import { buildMissionExample, importSamples } from '../helpers/report-fixture.js';

describe('report downloads', () => {
  let app: Express;
  let db: Db;
  beforeAll(() => {
    ({ app, db } = makeApp());
    buildMissionExample(db);
  });

  it.each([
    ['/export?format=html&compare=1,2', /text\/html/, 'retold-compare-1-2.html'],
    ['/export?format=md&article=2', /text\/markdown/, 'retold-article-2.md'],
    ['/export?format=csv&reviewer=ben', /text\/csv/, 'retold-corpus.csv'],
    ['/api/export?format=jsonld&outlet=afgazad.com', /application\/ld\+json/, 'retold-outlet-afgazad-com.jsonld'],
  ])('GET %s is an attachment with its type and file name', async (url, type, name) => {
    const res = await request(app).get(url).expect(200);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="?${name.replace(/[.+]/g, '\\$&')}"?$`),
    );
  });

  it('filters the CSV by reviewer', async () => {
    const res = await request(app).get('/export?format=csv&reviewer=ana').expect(200);
    expect(res.text.trim().split('\r\n')).toHaveLength(3);
  });

  it.each([
    ['/export?format=pdf', 400],
    ['/export?format=csv&from=yesterday', 400],
    ['/export?format=csv&article=1&compare=1,2', 400],
    ['/export?format=html&article=999', 404],
    ['/api/export?format=csv&outlet=nowhere', 404],
  ])('GET %s answers %i', async (url, status) => {
    await request(app).get(url).expect(status);
  });

  it('shows download buttons on the article and comparison pages', async () => {
    expect((await request(app).get('/articles/1').expect(200)).text).toContain('/export?format=jsonld&amp;article=1');
    expect((await request(app).get('/compare?a=1&b=2').expect(200)).text).toContain(
      '/export?format=csv&amp;compare=1%2C2',
    );
  });

  it('lists outlets and shows a profile with charts', async () => {
    const list = await request(app).get('/outlets').expect(200);
    expect(list.text).toContain('href="/outlets/afgazad.com"');
    const page = await request(app).get('/outlets/afgazad.com').expect(200);
    expect(page.text).toContain('<svg class="density-chart"');
    expect(page.text).toContain('/export?format=html&amp;outlet=afgazad.com');
    await request(app).get('/outlets/nowhere').expect(404);
    const api = await request(app).get('/api/outlets/afgazad.com').expect(200);
    expect(api.body.articles).toBe(1);
  });
});

describe('annotation import', () => {
  let file: string;
  beforeAll(() => {
    const source = buildMissionExample();
    file = exportReport(source.db, 'jsonld', { kind: 'corpus' })!.body;
  });

  function target() {
    const made = makeApp();
    importSamples(made.db, ['000', '001']);
    return made;
  }

  it('imports a JSON-LD body for a reviewer and reports a second import as already present', async () => {
    const { app, db } = target();
    const agent = await signIn(app, db, 'reviewer', 'ana');
    const first = await agent
      .post('/api/annotations/import')
      .set('content-type', 'application/ld+json')
      .send(file)
      .expect(200);
    expect(first.body.imported).toHaveLength(4);
    const second = await agent
      .post('/api/annotations/import')
      .set('content-type', 'application/ld+json')
      .send(file)
      .expect(200);
    expect([second.body.imported.length, second.body.present.length]).toEqual([0, 4]);
  });

  it('refuses a file that is not a collection with 400 and stores nothing', async () => {
    const { app, db } = target();
    const agent = await signIn(app, db, 'reviewer');
    const before = snapshotCounts(db);
    const res = await agent
      .post('/api/annotations/import')
      .set('content-type', 'application/json')
      .send('{"type":"Annotation"}')
      .expect(400);
    expect(res.body.error).toMatch(/not an AnnotationCollection/);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('refuses viewers, anonymous users and requests without the CSRF token', async () => {
    const { app, db } = target();
    const viewer = await signIn(app, db, 'viewer');
    await viewer.post('/api/annotations/import').set('content-type', 'application/ld+json').send(file).expect(403);
    await request(app)
      .post('/api/annotations/import')
      .set('content-type', 'application/ld+json')
      .send(file)
      .expect((r) => expect([401, 403]).toContain(r.status));
    const reviewer = await signIn(app, db, 'reviewer');
    await reviewer
      .post('/api/annotations/import')
      .set('x-csrf-token', 'wrong')
      .set('content-type', 'application/ld+json')
      .send(file)
      .expect(403);
  });

  it('imports from the form (pasted text) and shows what was imported', async () => {
    const { app, db } = target();
    const agent = await signIn(app, db, 'reviewer');
    await agent.get('/annotations/import').expect(200);
    const res = await agent.post('/annotations/import').type('form').send({ text: file }).expect(200);
    expect(res.text).toContain('<strong>4</strong> imported');
    // owned by the importing user; the file's author is provenance
    expect(res.text).toContain('<td>reviewer1</td><td>ana</td>');
  });
});
