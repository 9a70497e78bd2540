import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn, snapshotCounts } from '../helpers/app.js';

const story = {
  title: 'Council approves new bridge',
  outlet: 'Riverside Gazette',
  author: 'Ana Lopez',
  published: '2024-05-02',
  url: 'https://example.org/bridge',
  text: 'The city council approved a new bridge on Tuesday.\n\n"This bridge will connect two neighbourhoods," Mayor Tom Reed said.\n\nConstruction starts next year.',
};

describe('articles over the JSON API', () => {
  it('imports a JSON article, lists it, shows it and tells a duplicate apart', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const created = await api.post('/api/articles').send(story).expect(201);
    expect(created.body.results[0]).toMatchObject({ status: 'imported', article: { title: story.title } });
    const id = created.body.results[0].article.id as number;

    const list = await api.get('/api/articles').expect(200);
    expect(list.body.articles.map((a: { id: number }) => a.id)).toEqual([id]);

    const shown = await api.get(`/api/articles/${id}`).expect(200);
    expect(shown.body.article).toMatchObject({
      outlet: 'Riverside Gazette',
      author: 'Ana Lopez',
      published: '2024-05-02',
    });
    expect(shown.body.article.text).toContain('Construction starts next year.');

    const again = await api
      .post('/api/articles')
      .send({ ...story, title: 'Another title' })
      .expect(200);
    expect(again.body.results[0]).toMatchObject({ status: 'duplicate', existing: { id } });
    expect((await api.get('/api/articles')).body.articles).toHaveLength(1);
  });

  it('imports an array of articles in one request', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const res = await api
      .post('/api/articles')
      .send([story, { ...story, url: 'https://example.org/river', text: 'A second, different story about the river.' }])
      .expect(201);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['imported', 'imported']);
  });

  it('edits metadata with PATCH and validates it', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const id = (await api.post('/api/articles').send(story)).body.results[0].article.id;
    const ok = await api
      .patch(`/api/articles/${id}`)
      .send({ outlet: 'Valley Times', published: '2024-05-03' })
      .expect(200);
    expect(ok.body.article).toMatchObject({ outlet: 'Valley Times', published: '2024-05-03', title: story.title });
    const bad = await api.patch(`/api/articles/${id}`).send({ published: '2024-02-30' }).expect(400);
    expect(bad.body.errors.published).toMatch(/date/);
    expect((await api.get(`/api/articles/${id}`)).body.article.published).toBe('2024-05-03');
  });

  it('deletes an article, and a second delete is a 404', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const id = (await api.post('/api/articles').send(story)).body.results[0].article.id;
    await api.delete(`/api/articles/${id}`).expect(204);
    await api.get(`/api/articles/${id}`).expect(404);
    await api.delete(`/api/articles/${id}`).expect(404);
  });

  it('finds articles by full-text search', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    await api.post('/api/articles').send(story).expect(201);
    const hits = await api.get('/api/search').query({ q: 'neighbourhoods' }).expect(200);
    expect(hits.body.articles).toHaveLength(1);
    expect(hits.body.articles[0].title).toBe(story.title);
    expect((await api.get('/api/search').query({ q: 'submarine' })).body.articles).toHaveLength(0);
    // FTS syntax in user input is taken as words, not an error
    await api.get('/api/search').query({ q: 'bridge" OR (' }).expect(200);
  });

  it.each([
    ['/api/articles/999', 404],
    ['/api/articles/abc', 404],
    ['/api/articles/-1', 404],
  ])('answers %s with %i', async (path, status) => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const res = await api.get(path).expect(status);
    expect(res.body.error).toMatch(/No article/);
  });
});

describe('bad input over the API leaves the database as it was', () => {
  const cases: [string, (r: request.Test) => request.Test, number, RegExp][] = [
    [
      'a JSON body missing text',
      (r) => r.set('content-type', 'application/json').send(JSON.stringify({ title: 'x' })),
      400,
      /text/i,
    ],
    ['malformed JSON', (r) => r.set('content-type', 'application/json').send('{"title": '), 400, /JSON/i],
    ['an empty file', (r) => r.attach('files', Buffer.alloc(0), 'empty.txt'), 400, /empty/i],
    [
      'a PNG file',
      (r) =>
        r.attach(
          'files',
          Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
          'photo.png',
        ),
      415,
      /binary|not text|image/i,
    ],
    [
      'invalid UTF-8',
      (r) => r.attach('files', Buffer.from([0x48, 0x69, 0x20, 0xc3, 0x28, 0xff, 0xfe, 0x20, 0x6f, 0x6b]), 'bad.txt'),
      400,
      /UTF-8/i,
    ],
    [
      'an HTML page with no article text',
      (r) =>
        r.attach(
          'files',
          Buffer.from('<html><head><title>x</title></head><body><nav><a href="/">Home</a></nav></body></html>'),
          'page.html',
        ),
      422,
      /article text|no text/i,
    ],
  ];

  it.each(cases)('refuses %s with a clear message', async (_name, send, status, message) => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    await api.post('/api/articles').send(story).expect(201);
    const before = snapshotCounts(db);
    const res = await send(api.post('/api/articles')).expect(status);
    const text = JSON.stringify(res.body);
    expect(text).toMatch(message);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('refuses an upload over the size limit with 413', async () => {
    const { app, db } = makeApp({ maxUploadBytes: 1024 });
    const api = await signIn(app, db);
    const before = snapshotCounts(db);
    const res = await api.post('/api/articles').attach('files', Buffer.alloc(4096, 'a'), 'big.txt').expect(413);
    expect(res.body.error).toMatch(/larger than the upload limit/);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('refuses a JSON body over the limit from its declared length, before reading it', async () => {
    const { app, db } = makeApp({ maxUploadBytes: 1024 });
    const api = await signIn(app, db);
    const res = await api
      .post('/api/articles')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(5000) }))
      .expect(413);
    expect(res.body.error).toMatch(/larger than the upload limit/);
  });

  it('refuses a POST with nothing to import', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    await api.post('/api/articles').expect(400);
  });
});
