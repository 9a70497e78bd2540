import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, isPrivateAddress } from '../../src/fetch/url.js';
import { IngestError } from '../../src/ingest/index.js';

const PAGE = '<!doctype html><html><head><title>T</title></head><body><p>Hello from the test server.</p></body></html>';
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const hops = Number(url.searchParams.get('n') ?? 0);
    switch (url.pathname) {
      case '/article.html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
        return;
      case '/hop':
        res.writeHead(302, { location: hops > 0 ? `/hop?n=${hops - 1}` : '/article.html' }).end();
        return;
      case '/away':
        res.writeHead(301, { location: url.searchParams.get('to') ?? '/' }).end();
        return;
      case '/big':
        // Streamed without a content-length, so only the byte count can stop it.
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('x'.repeat(64 * 1024));
        res.end('y'.repeat(64 * 1024));
        return;
      case '/declared-big':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(10_000_000) });
        res.end('small');
        return;
      case '/slow':
        setTimeout(() => res.writeHead(200).end('late'), 2000).unref();
        return;
      case '/missing':
        res.writeHead(404).end('not here');
        return;
      default:
        res.writeHead(200, { 'content-type': 'text/plain' }).end('root');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const open = { timeoutMs: 1000, maxBytes: 100_000, maxRedirects: 3, allowPrivate: true };

async function failure(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof IngestError) return { status: err.status, message: err.message };
    throw err;
  }
  throw new Error('expected an IngestError');
}

describe('fetchUrl', () => {
  it('fetches a page with its type, a file name and the final address', async () => {
    const file = await fetchUrl(`${base}/article.html`, open);
    expect(new TextDecoder().decode(file.bytes)).toBe(PAGE);
    expect(file).toMatchObject({ name: 'article.html', type: 'text/html; charset=utf-8', url: `${base}/article.html` });
  });

  it('follows redirects up to the limit and reports the final address', async () => {
    const file = await fetchUrl(`${base}/hop?n=2`, open);
    expect(file.url).toBe(`${base}/article.html`);
  });

  it('refuses a chain longer than the redirect limit', async () => {
    expect(await failure(fetchUrl(`${base}/hop?n=5`, open))).toMatchObject({
      status: 400,
      message: expect.stringContaining('redirects more than 3 times'),
    });
  });

  it('stops reading past maxBytes with 413', async () => {
    expect((await failure(fetchUrl(`${base}/big`, { ...open, maxBytes: 100_000 }))).status).toBe(413);
  });

  it('refuses a declared length over maxBytes with 413', async () => {
    expect((await failure(fetchUrl(`${base}/declared-big`, open))).status).toBe(413);
  });

  it('gives up after timeoutMs with 504', async () => {
    expect(await failure(fetchUrl(`${base}/slow`, { ...open, timeoutMs: 200 }))).toMatchObject({
      status: 504,
      message: expect.stringContaining('did not answer within 200 ms'),
    });
  });

  it('reports an error status from the site as 502', async () => {
    expect(await failure(fetchUrl(`${base}/missing`, open))).toMatchObject({
      status: 502,
      message: expect.stringContaining('answered HTTP 404'),
    });
  });

  it.each(['ftp://example.com/file.txt', 'file:///etc/hostname', 'javascript:alert(1)', 'data:text/plain,hello'])(
    'refuses the non-http address %s with 400',
    async (url) => {
      expect(await failure(fetchUrl(url, open))).toMatchObject({
        status: 400,
        message: expect.stringContaining('only http and https'),
      });
    },
  );

  it('refuses an address that is not a URL with 400', async () => {
    expect((await failure(fetchUrl('not a url', open))).status).toBe(400);
  });

  it.each([
    'http://127.0.0.1/',
    'http://localhost/',
    'http://[::1]/',
    'http://10.1.2.3/',
    'http://192.168.0.10/',
    'http://169.254.169.254/latest/meta-data',
  ])('refuses the private address %s when private addresses are not allowed', async (url) => {
    expect(await failure(fetchUrl(url, { ...open, allowPrivate: false }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^fetch: refusing .+ loopback, private or link-local/),
    });
  });

  it('checks every redirect hop again, refusing a redirect to a non-http address', async () => {
    expect(
      await failure(fetchUrl(`${base}/away?to=${encodeURIComponent('file:///etc/hostname')}`, open)),
    ).toMatchObject({
      status: 400,
      message: expect.stringContaining('only http and https'),
    });
  });
});

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.5', true],
    ['172.16.4.4', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.1.1', true],
    ['0.0.0.0', true],
    ['100.64.0.1', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['fc00::1', true],
    ['2606:4700::1111', false],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:8.8.8.8', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});
