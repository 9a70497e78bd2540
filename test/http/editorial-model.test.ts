import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';
import { importArticle } from '../../src/corpus/articles.js';
import { DEFAULT_EDITORIAL_THRESHOLD, MIN_EDITORIAL_THRESHOLD } from '../../src/editorial/trained-model.js';
import type { Db } from '../../src/db.js';

// Loaded words the lexicons list (brazen, trampled) and words only the model finds.
const TEXT = [
  'Regime Digs In',
  '',
  'The brazen regime has trampled on every promise it made. Its disastrous policies hurt hardworking families and terrified peaceful neighbours.',
  '',
  'The ministry said on Tuesday that talks would resume next week in Geneva.',
].join('\n');

function importText(db: Db): number {
  const result = importArticle(db, {
    text: TEXT,
    title: 'Regime Digs In',
    outlet: 'The Daily Opinion',
    author: null,
    published: '2025-04-02',
    url: null,
    format: 'txt',
  });
  if (result.status !== 'imported') throw new Error(`test: import failed (${result.status})`);
  return result.article.id;
}

type ApiSpan = { text: string; confidence: number | null; rule: string; status: string };

describe('editorial model in the API', () => {
  it('gives every suggestion a confidence and every sentence a bias score', async () => {
    const { app, db } = makeApp();
    const id = importText(db);
    const res = await request(app).get(`/api/articles/${id}/editorial`).expect(200);
    expect(res.body.threshold).toBe(DEFAULT_EDITORIAL_THRESHOLD);
    const spans = res.body.spans as ApiSpan[];
    expect(spans.map((s) => s.text)).toContain('brazen');
    expect(spans.some((s) => s.rule === 'model')).toBe(true);
    for (const s of spans) {
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      if (s.rule === 'model') expect(s.confidence).toBeGreaterThanOrEqual(DEFAULT_EDITORIAL_THRESHOLD);
    }
    const sentences = res.body.sentences as { start: number; end: number; bias: number }[];
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    const wire = sentences.find((s) => TEXT.slice(s.start, s.end).startsWith('The ministry'))!;
    const loaded = sentences.find((s) => TEXT.slice(s.start, s.end).startsWith('Its disastrous'))!;
    expect(loaded.bias).toBeGreaterThan(wire.bias);
  });

  it('shows fewer model suggestions at a higher threshold, and keeps the lexicon ones', async () => {
    const { app, db } = makeApp();
    const id = importText(db);
    const low = (
      await request(app).get(`/api/articles/${id}/editorial?threshold=${MIN_EDITORIAL_THRESHOLD}`).expect(200)
    ).body.spans as ApiSpan[];
    const high = (await request(app).get(`/api/articles/${id}/editorial?threshold=1`).expect(200)).body
      .spans as ApiSpan[];
    expect(high.length).toBeLessThan(low.length);
    expect(high.filter((s) => s.rule === 'model')).toEqual([]);
    expect(high.map((s) => s.text)).toContain('brazen');
  });

  it.each(['abc', '-1', '0.05', '2'])('refuses threshold=%s with 400', async (value) => {
    const { app, db } = makeApp();
    const id = importText(db);
    await request(app).get(`/api/articles/${id}/editorial?threshold=${value}`).expect(400);
  });
});

describe('a reviewer chooses how many suggestions they see', () => {
  it('remembers the threshold per user, for the API and the article page', async () => {
    const { app, db } = makeApp();
    const id = importText(db);
    const rita = await signIn(app, db, 'reviewer', 'rita');
    const sam = await signIn(app, db, 'reviewer', 'sam');
    const before = (await rita.get(`/api/articles/${id}/editorial`).expect(200)).body.spans.length as number;
    expect((await rita.post('/api/editorial/threshold').send({ threshold: 1 }).expect(200)).body).toEqual({
      threshold: 1,
    });
    const after = await rita.get(`/api/articles/${id}/editorial`).expect(200);
    expect(after.body.threshold).toBe(1);
    expect(after.body.spans.length).toBeLessThan(before);
    // another reviewer keeps the default
    expect((await sam.get(`/api/articles/${id}/editorial`).expect(200)).body.threshold).toBe(
      DEFAULT_EDITORIAL_THRESHOLD,
    );
    // the page lists the same suggestions and shows the choice
    const page = await rita.get(`/articles/${id}`).expect(200);
    expect(page.text).toMatch(/<option value="1" selected>/);
    expect(page.text).toContain(`Editorial language (${after.body.spans.length})`);
  });

  it('sets the threshold from the page form and returns to the article', async () => {
    const { app, db } = makeApp();
    const id = importText(db);
    const agent = await signIn(app, db, 'viewer');
    const page = await agent.get(`/articles/${id}`).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    await agent
      .post('/editorial/threshold')
      .type('form')
      .send({ _csrf: csrf, threshold: '0.9', back: `/articles/${id}#suggestions` })
      .expect(303)
      .expect('location', `/articles/${id}#suggestions`);
    expect((await agent.get(`/api/articles/${id}/editorial`).expect(200)).body.threshold).toBe(0.9);
  });

  it('refuses a threshold out of range, without login, or without the CSRF token', async () => {
    const { app, db } = makeApp();
    const agent = await signIn(app, db, 'reviewer');
    await agent.post('/api/editorial/threshold').send({ threshold: 1.5 }).expect(400);
    await agent.post('/api/editorial/threshold').send({ threshold: 'many' }).expect(400);
    await request(app).post('/api/editorial/threshold').send({ threshold: 0.5 }).expect(401);
    await agent.post('/api/editorial/threshold').set('x-csrf-token', 'wrong').send({ threshold: 0.5 }).expect(403);
  });

  it('accepts and dismisses a model suggestion as any other', async () => {
    const { app, db } = makeApp();
    const id = importText(db);
    const agent = await signIn(app, db, 'reviewer');
    const spans = (await agent.get(`/api/articles/${id}/editorial`).expect(200)).body.spans as (ApiSpan & {
      id: number;
    })[];
    const learnt = spans.filter((s) => s.rule === 'model');
    expect(learnt.length).toBeGreaterThanOrEqual(2);
    expect((await agent.post(`/api/editorial/${learnt[0].id}/accept`).send({}).expect(200)).body.span.status).toBe(
      'accepted',
    );
    expect((await agent.post(`/api/editorial/${learnt[1].id}/dismiss`).send({}).expect(200)).body.span.status).toBe(
      'dismissed',
    );
  });
});

describe('the article page', () => {
  it('shades sentences by bias score with a legend, and the chart counts likely biased sentences', async () => {
    const { app, db } = makeApp();
    const id = importText(db);
    const page = await request(app).get(`/articles/${id}`).expect(200);
    expect(page.text).toMatch(/<span class="bias bias-[123]" title="sentence bias score 0\.\d\d"/);
    expect(page.text).toContain('Sentence shading');
    expect(page.text).toMatch(/Likely biased sentences: \d+ of \d+\./);
  });
});
