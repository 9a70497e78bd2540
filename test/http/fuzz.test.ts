/**
 * Fuzzing every route of the app: random JSON, form and malformed bodies,
 * random query strings and path parameters, sent as a logged-in reviewer with
 * the CSRF token. Whatever comes in, the answer is never a 500, always JSON, a
 * page or a redirect, and comes within a bounded time.
 */
import type { Express } from 'express';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSampleCorpus } from '../../src/corpus/samples.js';
import { makeApp, signIn } from '../helpers/app.js';

interface Route {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
}

/** Every route the app declares, read from its router so new routes are fuzzed too. */
function listRoutes(app: Express): Route[] {
  const stack = (
    app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }
  ).router.stack;
  const out: Route[] = [];
  for (const layer of stack) {
    if (!layer.route || typeof layer.route.path !== 'string') continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && ['get', 'post', 'patch', 'put', 'delete'].includes(method))
        out.push({ method: method as Route['method'], path: layer.route.path });
    }
  }
  return out;
}

// logging out would end the fuzzing session; those two are covered by the auth tests
const skipped = new Set(['post /logout', 'post /api/logout']);

const { app, db } = makeApp({ fetchTimeoutMs: 200 });
let agent: Awaited<ReturnType<typeof signIn>>;
let admin: Awaited<ReturnType<typeof signIn>>;
let routes: Route[] = [];
beforeAll(async () => {
  loadSampleCorpus(db);
  agent = await signIn(app, db, 'reviewer');
  admin = await signIn(app, db, 'admin');
  routes = listRoutes(app).filter((r) => !skipped.has(`${r.method} ${r.path}`));
});

// mostly ids that exist (the samples, and what the fuzzing itself creates), so handlers get past their look-ups
const segment = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 8 }).map(String), weight: 6 },
  fc.constantFrom('0', '-1', '999999', '1e3', '2.5', 'abc', '%00', '..', 'editorial', 'quote-handling'),
  fc.integer().map(String),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);
const scalar = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 600 }), weight: 3 },
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    'loaded-language',
    'editorial',
    'verbatim',
    'paraphrase',
    'accepted',
    'rejected',
    '2024-01-02',
    'https://example.com/a',
  ),
);
const fieldNames = fc.constantFrom(
  'title',
  'outlet',
  'author',
  'published',
  'url',
  'text',
  'q',
  'a',
  'b',
  'id',
  'ids',
  'into',
  'name',
  'status',
  'relation',
  'note',
  'tagId',
  'articleId',
  'start',
  'end',
  'exact',
  'username',
  'password',
  'sort',
  'order',
  'page',
  'format',
  'speaker',
  'aliases',
  'other',
  'from',
  'to',
  'kind',
  'decision',
);
const key = fc.oneof(fieldNames, fc.string({ maxLength: 12 }));
const jsonBody = fc.oneof(
  fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(key, scalar, { maxKeys: 3 })), {
    maxKeys: 8,
  }),
  fc.jsonValue({ maxDepth: 3 }),
);
const query = fc.dictionary(key, fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String)), { maxKeys: 5 });
const body = fc.oneof(
  jsonBody.map((v) => ({ type: 'application/json', data: JSON.stringify(v) })),
  fc.string({ maxLength: 200 }).map((s) => ({ type: 'application/json', data: s })), // mostly not JSON
  fc
    .dictionary(key, fc.oneof(fc.string({ maxLength: 60 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 })), {
      maxKeys: 8,
    })
    .map((d) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(d)) for (const x of [v].flat()) params.append(k, x);
      return { type: 'application/x-www-form-urlencoded', data: params.toString() };
    }),
  fc.constant({ type: '', data: '' }),
);

const limitMs = 10_000;

function checkAnswer(res: Response, label: string, elapsed: number): void {
  expect(res.status, `${label}: ${res.text?.slice(0, 300)}`).toBeLessThan(500);
  expect(elapsed, `${label} took ${elapsed} ms`).toBeLessThan(limitMs);
  if (res.status === 204 || res.status === 304) return;
  if (res.status >= 300 && res.status < 400) {
    expect(res.headers.location, label).toBeTruthy();
    return;
  }
  // the one image route is the site icon
  if (label.includes('/favicon.ico'))
    return void expect(res.headers['content-type'], label).toBe('image/vnd.microsoft.icon');
  expect(res.headers['content-type'], label).toMatch(
    /^(application\/(ld\+)?json|text\/html|text\/plain|text\/csv|text\/markdown|text\/css|application\/javascript)/,
  );
}

describe('fuzzing every route as a logged-in reviewer (and now and then an admin)', () => {
  it('finds a good number of routes to fuzz, reads and writes', () => {
    expect(routes.filter((r) => r.method === 'get').length).toBeGreaterThan(10);
    expect(routes.filter((r) => r.method !== 'get').length).toBeGreaterThan(10);
  });

  it('never answers 500, always JSON, a page or a redirect, in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        query,
        body,
        fc.boolean(),
        async (pick, segments, q, b, asAdmin) => {
          const route = routes[pick % routes.length];
          let i = 0;
          const path = route.path.replace(/:\w+/g, () => segments[i++ % segments.length]);
          const qs = new URLSearchParams(q).toString();
          const url = qs ? `${path}?${qs}` : path;
          const label = `${route.method.toUpperCase()} ${url} ${b.type} ${b.data.slice(0, 100)}`;
          const started = performance.now();
          // mostly the reviewer; sometimes an admin, to reach the admin-only routes
          let req = (asAdmin && pick % 4 === 0 ? admin : agent)[route.method](url).timeout(limitMs);
          if (route.method !== 'get' && b.type) req = req.set('content-type', b.type).send(b.data);
          const res = await req;
          checkAnswer(res, label, performance.now() - started);
        },
      ),
      { numRuns: 1000 },
    );
  }, 300_000);

  it.each(['get', 'post'] as const)(
    'answers a %s to every route with an empty request without a 500',
    async (method) => {
      for (const route of routes.filter((r) => (method === 'get' ? r.method === 'get' : r.method !== 'get'))) {
        const path = route.path.replace(/:\w+/g, '1');
        const started = performance.now();
        const res = await agent[route.method](path).timeout(limitMs);
        checkAnswer(res, `${route.method} ${path}`, performance.now() - started);
      }
    },
    120_000,
  );
});
