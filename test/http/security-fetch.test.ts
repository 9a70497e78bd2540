/**
 * Issue 17, finding 7: import by URL connects to the address it checked. The
 * name is resolved once, in the connection's own lookup; a name whose second
 * answer points at loopback (DNS rebinding) never reaches the local server.
 * DNS is replaced for names under .rebind.test only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeApp, signIn, snapshotCounts } from '../helpers/app.js';

const dns = vi.hoisted(() => ({ answers: [] as string[][], calls: [] as string[] }));

vi.mock('node:dns', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns')>();
  const lookup = ((host: string, options: unknown, callback: (...args: unknown[]) => void) => {
    if (!host.endsWith('.rebind.test')) return (real.lookup as (...a: unknown[]) => void)(host, options, callback);
    dns.calls.push(host);
    const next = dns.answers.shift() ?? ['127.0.0.1'];
    const found = next.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    setImmediate(() => callback(null, found));
  }) as typeof real.lookup;
  return { ...real, default: { ...real, lookup }, lookup };
});

const PAGE =
  '<!doctype html><html><head><title>Secret</title></head><body><article><h1>Internal page</h1><p>This page lives on loopback only and must never be imported from outside, not even by a name that changes its answer.</p></article></body></html>';
let server: Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  hits = 0;
  dns.calls.length = 0;
  dns.answers.length = 0;
});

describe('finding 7: import by URL connects to the address it checked', () => {
  it('resolves the name once and never reaches loopback when the second answer changes (DNS rebinding)', async () => {
    const { app, db } = makeApp({ fetchTimeoutMs: 1500 });
    const api = await signIn(app, db);
    const before = snapshotCounts(db);
    // first answer public (passes the check), every later answer loopback
    dns.answers.push(['93.184.215.14'], ['127.0.0.1'], ['127.0.0.1']);
    const res = await api.post('/api/articles/fetch').send({ url: `http://news.rebind.test:${port}/story` });
    expect(res.status).not.toBe(201);
    expect(hits).toBe(0);
    expect(dns.calls).toEqual(['news.rebind.test']);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it.each([[['127.0.0.1']], [['93.184.215.14', '10.0.0.7']], [['::ffff:127.0.0.1']], [['::127.0.0.1']], [['fd00::1']]])(
    'refuses a name that resolves to %j with 400, before any request is sent',
    async (answer) => {
      const { app, db } = makeApp();
      const api = await signIn(app, db);
      dns.answers.push(answer);
      const res = await api
        .post('/api/articles/fetch')
        .send({ url: `http://inside.rebind.test:${port}/story` })
        .expect(400);
      expect(res.body.results[0].error).toMatch(
        /^fetch: refusing inside\.rebind\.test: it resolves to .+ a loopback, private or link-local address/,
      );
      expect(hits).toBe(0);
    },
  );

  it.each([
    '[::127.0.0.1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '[0:0:0:0:0:ffff:7f00:1]',
    '[64:ff9b::7f00:1]',
    '0x7f.1',
    '2130706433',
    '0177.0.0.1',
    '127.1',
  ])('refuses the address literal %s with 400', async (host) => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const res = await api
      .post('/api/articles/fetch')
      .send({ url: `http://${host}:${port}/story` })
      .expect(400);
    expect(res.body.results[0].error).toMatch(/loopback, private or link-local/);
    expect(hits).toBe(0);
  });

  it('still imports from a private address when RETOLD_ALLOW_PRIVATE_URLS is set', async () => {
    const { app, db } = makeApp({ allowPrivateUrls: true });
    const api = await signIn(app, db);
    dns.answers.push(['127.0.0.1']);
    await api
      .post('/api/articles/fetch')
      .send({ url: `http://intranet.rebind.test:${port}/story` })
      .expect(201);
    expect(hits).toBe(1);
  });
});
