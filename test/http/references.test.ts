import request from 'supertest';
import type { Express } from 'express';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';
import type { Db } from '../../src/db.js';
import { orderVersions } from '../../src/corpus/references.js';

const full = '"We will rebuild the bridge over the river by June, whatever the council decides," the mayor said.';

/** A (5 Jan, the full quote), B (1 Jan, trimmed) and U (undated, the full quote). */
async function threeVersions(app: Express, db: Db) {
  const api = await signIn(app, db);
  const add = async (title: string, outlet: string, published: string | undefined, text: string) =>
    (
      await api
        .post('/api/articles')
        .send({ title, outlet, ...(published ? { published } : {}), text })
        .expect(201)
    ).body.results[0].article.id as number;
  const a = await add('Alpha story', 'Alpha', '2024-01-05', `City news.\n\n${full}`);
  const b = await add(
    'Beta story',
    'Beta',
    '2024-01-01',
    'Other news.\n\n"We will rebuild the bridge by June," the mayor said.',
  );
  const u = await add('Gamma story', 'Gamma', undefined, `Undated news.\n\n${full}`);
  const quoteOf = async (x: number, y: number, side: 'earlier' | 'later') =>
    (await request(app).get(`/api/compare?a=${x}&b=${y}`).expect(200)).body.pairs[0][side].quoteId as number;
  return { api, a, b, u, quoteOf };
}

const compare = async (app: Express, x: number, y: number) =>
  (await request(app).get(`/api/compare?a=${x}&b=${y}`).expect(200)).body;
const statement = async (app: Express, quoteId: number) =>
  (await request(app).get(`/api/statements/${quoteId}`).expect(200)).body.statement;
const outlet = async (app: Express, name: string) => (await request(app).get(`/api/outlets/${name}`).expect(200)).body;

describe('orderVersions', () => {
  const v = (articleId: number, published: string | null, marked = false, primarySource = false) => ({
    articleId,
    published,
    marked,
    primarySource,
  });
  it.each([
    [
      'the earliest dated first, undated last and flagged',
      [v(1, '2024-01-05'), v(2, '2024-01-01'), v(3, null)],
      [1, 0, 2],
      'earliest-dated',
      [false, false, true],
    ],
    [
      'a marked version first; undated ones then placed',
      [v(1, '2024-01-05', true), v(2, '2024-01-01'), v(3, null)],
      [0, 1, 2],
      'marked',
      [false, false, false],
    ],
    [
      'a primary source first, even undated',
      [v(1, '2024-01-05'), v(2, null, false, true), v(3, null)],
      [1, 0, 2],
      'primary-source',
      [false, false, false],
    ],
    [
      'a mark over a primary source',
      [v(1, '2024-01-05', true), v(2, '2024-01-01', false, true)],
      [0, 1],
      'marked',
      [false, false],
    ],
    ['nothing dated: no reason, every version unknown', [v(1, null), v(2, null)], [0, 1], null, [true, true]],
  ] as const)('puts %s', (_name, input, order, reason, unknown) => {
    const o = orderVersions([...input]);
    expect(o.order).toEqual(order);
    expect(o.reason).toBe(reason);
    expect(o.orderUnknown).toEqual(unknown);
  });
});

describe('reference versions', () => {
  it('without a reference: the earliest dated version first, undated versions flagged and left out of fidelity', async () => {
    const { app, db } = makeApp();
    const { a, b, u, quoteOf } = await threeVersions(app, db);
    const ab = await compare(app, a, b);
    expect(ab.earlier.id).toBe(b);
    expect(ab.pairs[0].fidelity).toBe(1);
    const s = await statement(app, await quoteOf(a, b, 'later'));
    expect(s.versions.map((x: { quote: { articleId: number } }) => x.quote.articleId)).toEqual([b, a, u]);
    expect(s.reason).toBe('earliest-dated');
    expect(s.versions.map((x: { orderUnknown: boolean }) => x.orderUnknown)).toEqual([false, false, true]);
    const page = await request(app).get(`/statements/${s.versions[0].quote.id}`).expect(200);
    expect(page.text).toContain('Order unknown</strong> — set a date or a reference');
    const bu = await request(app).get(`/compare?a=${b}&b=${u}`).expect(200);
    expect(bu.text).toContain('Order unknown — set a date or a reference.');
    expect((await request(app).get(`/compare?a=${a}&b=${b}`)).text).not.toContain('Order unknown');
    expect((await outlet(app, 'Gamma')).retold).toBe(0);
    expect((await outlet(app, 'Alpha')).retold).toBe(1);
    // the statements list says so too, in the page and the API
    const list = (await request(app).get('/statements').expect(200)).text;
    expect(list).toContain('<strong>Order unknown</strong> — 1 undated version: set a date or a reference');
    const listed = (await request(app).get('/api/statements').expect(200)).body.statements;
    expect(listed.map((x: { orderUnknown: boolean; reason: string }) => [x.orderUnknown, x.reason])).toEqual([
      [true, 'earliest-dated'],
    ]);
  });

  it('with a marked reference: diffs, fidelity, order, outlet profiles and ClaimReview compare against it', async () => {
    const { app, db } = makeApp();
    const { api, a, b, u, quoteOf } = await threeVersions(app, db);
    const aQuote = await quoteOf(a, b, 'later');
    const r = await api.post(`/api/statements/${aQuote}/reference`).send({}).expect(200);
    expect(r.body.statement.reason).toBe('marked');
    expect(r.body.statement.versions[0].quote.id).toBe(aQuote);
    expect(r.body.statement.versions.every((x: { orderUnknown: boolean }) => !x.orderUnknown)).toBe(true);
    const ab = await compare(app, b, a);
    expect(ab.earlier.id).toBe(a);
    // B keeps only part of A's words: fidelity now measured against A
    expect(ab.pairs[0].fidelity).toBeLessThan(1);
    expect(ab.pairs[0].diffHtml).toContain('<del>');
    const beta = await outlet(app, 'Beta');
    expect(beta.retold).toBe(1);
    expect(beta.meanFidelity).toBeLessThan(1);
    // the undated version is placed against the marked reference, not against the dated B
    expect((await outlet(app, 'Gamma')).retold).toBe(1);
    const page = await request(app).get(`/compare?a=${a}&b=${b}`).expect(200);
    expect(page.text).toContain('The left article is the reference');
    // the ClaimReview reviews the version that is not the reference
    await api
      .post(`/api/pairs/${ab.pairs[0].id}/verdict`)
      .send({ rating: 'trimmed-but-fair', rationale: 'Cut, meaning kept.' })
      .expect(200);
    const [review] = JSON.parse(
      (await request(app).get(`/api/export?format=claimreview&compare=${a},${b}`).expect(200)).text,
    );
    expect(review.claimReviewed).toBe('We will rebuild the bridge by June,');
    // clearing the mark goes back to the earliest dated
    const cleared = await api.post(`/api/statements/${aQuote}/reference`).send({ clear: true }).expect(200);
    expect(cleared.body.statement.reason).toBe('earliest-dated');
    expect((await compare(app, a, b)).earlier.id).toBe(b);
    expect(u).toBeGreaterThan(0);
  });

  it('makes a primary source the reference, even undated, from the article page form', async () => {
    const { app, db } = makeApp();
    const { api, a, b, u, quoteOf } = await threeVersions(app, db);
    await api.post(`/articles/${u}/kind`).type('form').send({ kind: 'primary-source' }).expect(303);
    expect((await request(app).get(`/articles/${u}`)).text).toContain('<strong>Primary source</strong>');
    const s = await statement(app, await quoteOf(a, b, 'later'));
    expect(s.reason).toBe('primary-source');
    expect(s.versions[0].quote.articleId).toBe(u);
    const ub = await compare(app, b, u);
    expect(ub.earlier.id).toBe(u);
    expect((await request(app).get(`/compare?a=${b}&b=${u}`)).text).not.toContain('Order unknown');
    expect((await outlet(app, 'Beta')).retold).toBe(1);
    expect((await request(app).get('/statements').expect(200)).text).not.toContain('Order unknown');
    await api.post(`/api/articles/${u}/kind`).send({ kind: 'article' }).expect(200);
    expect((await statement(app, await quoteOf(a, b, 'later'))).reason).toBe('earliest-dated');
  });

  it('lets only reviewers with the CSRF token set references, and refuses bad input', async () => {
    const { app, db } = makeApp();
    const { a, b, quoteOf } = await threeVersions(app, db);
    const q = await quoteOf(a, b, 'later');
    await request(app).post(`/api/statements/${q}/reference`).send({}).expect(401);
    await request(app).post(`/api/articles/${a}/kind`).send({ kind: 'primary-source' }).expect(401);
    const viewer = await signIn(app, db, 'viewer');
    await viewer.post(`/api/statements/${q}/reference`).send({}).expect(403);
    await viewer.post(`/api/articles/${a}/kind`).send({ kind: 'primary-source' }).expect(403);
    const reviewer = await signIn(app, db, 'reviewer', 'rex');
    await reviewer
      .post(`/api/articles/${a}/kind`)
      .set('x-csrf-token', 'forged')
      .send({ kind: 'primary-source' })
      .expect(403);
    await reviewer.post(`/api/articles/${a}/kind`).send({ kind: 'transcript' }).expect(400);
    await reviewer.post('/api/articles/9999/kind').send({ kind: 'primary-source' }).expect(404);
    await reviewer.post('/api/statements/9999/reference').send({}).expect(404);
    expect((await statement(app, q)).reason).toBe('earliest-dated');
  });

  it('marks a transcript as a primary source at import: the form box, the API query, a JSON field', async () => {
    const { app, db } = makeApp();
    const { api, a, b, quoteOf } = await threeVersions(app, db);
    const form = await api.get('/articles/new').expect(200);
    expect(form.text).toContain('name="kind" value="primary-source"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const posted = await api
      .post('/articles')
      .type('form')
      .send({ _csrf: csrf, kind: 'primary-source', title: 'Mayor interview', text: `Transcript.\n\n${full}` })
      .expect(303);
    const t = Number(/\/articles\/(\d+)/.exec(posted.headers.location)![1]);
    expect((await api.get(`/api/articles/${t}`).expect(200)).body.article.kind).toBe('primary-source');
    const s = await statement(app, await quoteOf(a, b, 'later'));
    expect(s.reason).toBe('primary-source');
    expect(s.versions[0].quote.articleId).toBe(t);
    // the API: ?kind= marks a whole request, a JSON article's own "kind" marks that one
    const viaQuery = await api
      .post('/api/articles?kind=primary-source')
      .send({ title: 'Council transcript', text: 'Council transcript. "Taxes will not rise," the treasurer said.' })
      .expect(201);
    expect(viaQuery.body.results[0].article.kind).toBe('primary-source');
    const viaField = await api
      .post('/api/articles')
      .send([
        { title: 'Press conference', kind: 'primary-source', text: 'Press conference. "We close at noon," she said.' },
        { title: 'A retelling', text: 'A retelling. She said they would close at noon.' },
      ])
      .expect(201);
    expect(viaField.body.results.map((r: { article: { kind: string } }) => r.article.kind)).toEqual([
      'primary-source',
      'article',
    ]);
    await api.post('/api/articles?kind=transcript').send({ title: 'x', text: 'Some words here.' }).expect(400);
    const bad = await api.post('/api/articles').send({ kind: 'transcript', text: 'Some other words here.' });
    expect(bad.status).toBe(400);
    expect(bad.body.results[0].error).toMatch(/kind/);
  });
});
