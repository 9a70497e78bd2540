import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, signIn, snapshotCounts } from '../helpers/app.js';

const page = `<!doctype html><html><head><title>Bridge reopens after repairs</title>
<meta property="og:site_name" content="Valley Times"></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The old river bridge reopened to traffic on Saturday after eight months of repairs, the city said.</p>
<p>"It is safer than it has been in decades," the city engineer, Mara Holt, told reporters at the opening.</p>
<p>Repairs cost 4.2 million dollars, slightly more than planned, and were paid for by a state grant.</p>
</article><footer>© Valley Times</footer></body></html>`;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    } else if (req.url === '/moved') {
      res.writeHead(302, { location: '/story' });
      res.end();
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('import by URL', () => {
  it('fetches a page, follows a redirect and imports its main text when private addresses are allowed', async () => {
    const { app, db } = makeApp({ allowPrivateUrls: true });
    const api = await signIn(app, db);
    const res = await api
      .post('/api/articles/fetch')
      .send({ url: `${base}/moved` })
      .expect(201);
    const id = res.body.results[0].article.id;
    const article = (await api.get(`/api/articles/${id}`).expect(200)).body.article;
    expect(article.title).toBe('Bridge reopens after repairs');
    expect(article.text).toContain('It is safer than it has been in decades');
    expect(article.text).not.toContain('Sport');
    expect(article.url).toMatch(/\/story$/);
  });

  it('refuses a loopback address unless configured, and leaves the database as it was', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const before = snapshotCounts(db);
    const res = await api
      .post('/api/articles/fetch')
      .send({ url: `${base}/story` })
      .expect(400);
    expect(res.body.results[0].error).toMatch(/private|loopback/i);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it.each([
    ['a non-http scheme', 'file:///etc/passwd', /http/i],
    ['a missing address', '', /address/i],
  ])('refuses %s', async (_name, url, message) => {
    const { app, db } = makeApp({ allowPrivateUrls: true });
    const api = await signIn(app, db);
    const res = await api.post('/api/articles/fetch').send({ url }).expect(400);
    expect(JSON.stringify(res.body)).toMatch(message);
  });

  it('imports from the address field of the import form', async () => {
    const { app, db } = makeApp({ allowPrivateUrls: true });
    const api = await signIn(app, db);
    const res = await api
      .post('/articles')
      .type('form')
      .send({ url: `${base}/story` })
      .expect(303);
    expect(res.headers.location).toMatch(/^\/articles\/\d+$/);
  });
});
