import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn, snapshotCounts } from '../helpers/app.js';
import { createUser, disableUser, ensureAdmin } from '../../src/corpus/users.js';
import { verifyPassword } from '../../src/auth/password.js';

const article = { title: 'T', text: 'A short story about a ferry that sank near the pier.' };

describe('accounts and sessions', () => {
  it('refuses an anonymous write: 401 on the API, a redirect to the login page on a form', async () => {
    const { app, db } = makeApp();
    const before = snapshotCounts(db);
    await request(app).post('/api/articles').send(article).expect(401);
    const page = await request(app).post('/articles').type('form').send({ text: article.text }).expect(303);
    expect(page.headers.location).toMatch(/^\/login/);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('lets a viewer read but not write (403)', async () => {
    const { app, db } = makeApp();
    const viewer = await signIn(app, db, 'viewer');
    await viewer.get('/api/articles').expect(200);
    const res = await viewer.post('/api/articles').send(article).expect(403);
    expect(res.body.error).toMatch(/reviewer/);
  });

  it('refuses a write with a missing or wrong CSRF token (403)', async () => {
    const { app, db } = makeApp();
    const reviewer = await signIn(app, db, 'reviewer');
    const missing = await reviewer.post('/api/articles').set('x-csrf-token', '').send(article).expect(403);
    expect(missing.body.error).toMatch(/csrf/);
    await reviewer.post('/api/articles').set('x-csrf-token', 'x'.repeat(43)).send(article).expect(403);
    await reviewer
      .post('/articles')
      .set('x-csrf-token', '')
      .type('form')
      .send({ text: article.text, _csrf: 'wrong' })
      .expect(403);
    await reviewer.post('/api/articles').send(article).expect(201);
  });

  it('answers a wrong password with 401 and rate-limits repeated attempts (429)', async () => {
    const { app, db } = makeApp();
    createUser(db, 'ana', 'correct horse battery', 'reviewer');
    const agent = request.agent(app);
    const csrf = (await agent.get('/api/me')).body.csrfToken as string;
    for (let i = 0; i < 10; i += 1) {
      await agent
        .post('/api/login')
        .set('x-csrf-token', csrf)
        .send({ username: 'ana', password: 'wrong password!' })
        .expect(401);
    }
    await agent
      .post('/api/login')
      .set('x-csrf-token', csrf)
      .send({ username: 'ana', password: 'correct horse battery' })
      .expect(429);
  });

  it('sets an HttpOnly SameSite session cookie with an expiry, and logout ends the session', async () => {
    const { app, db } = makeApp();
    createUser(db, 'ben', 'correct horse battery', 'reviewer');
    const agent = request.agent(app);
    const csrf = (await agent.get('/api/me')).body.csrfToken as string;
    const res = await agent
      .post('/api/login')
      .set('x-csrf-token', csrf)
      .send({ username: 'ben', password: 'correct horse battery' })
      .expect(200);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('retold_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect((await agent.get('/api/me')).body.user.username).toBe('ben');
    await agent.post('/api/logout').set('x-csrf-token', res.body.csrfToken).expect(204);
    expect((await agent.get('/api/me')).body.user).toBeNull();
  });

  it('stores passwords only as scrypt hashes', () => {
    const { db } = makeApp();
    createUser(db, 'cara', 'correct horse battery', 'viewer');
    const row = db.prepare('SELECT password_hash AS h FROM users WHERE username = ?').get('cara') as { h: string };
    expect(row.h).toMatch(/^scrypt\$/);
    expect(row.h).not.toContain('correct horse battery');
    expect(verifyPassword('correct horse battery', row.h)).toBe(true);
    expect(verifyPassword('correct horse batterY', row.h)).toBe(false);
  });

  it('creates the first admin with a generated password only once', () => {
    const { db } = makeApp();
    const first = ensureAdmin(db);
    expect(first?.username).toBe('admin');
    expect(first?.password.length).toBeGreaterThanOrEqual(20);
    expect(ensureAdmin(db)).toBeUndefined();
  });

  it('refuses a disabled account', async () => {
    const { app, db } = makeApp();
    const agent = await signIn(app, db, 'reviewer', 'dora');
    disableUser(db, 'dora');
    await agent.post('/api/articles').send(article).expect(401);
    const fresh = request.agent(app);
    const csrf = (await fresh.get('/api/me')).body.csrfToken as string;
    await fresh
      .post('/api/login')
      .set('x-csrf-token', csrf)
      .send({ username: 'dora', password: 'correct horse battery' })
      .expect(401);
  });

  it('logs in through the form and goes back to the page asked for, never off-site', async () => {
    const { app, db } = makeApp();
    createUser(db, 'eve', 'correct horse battery', 'reviewer');
    const agent = request.agent(app);
    const form = await agent.get('/login?next=/articles/new').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const ok = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, username: 'eve', password: 'correct horse battery', next: '/articles/new' })
      .expect(303);
    expect(ok.headers.location).toBe('/articles/new');
    const agent2 = request.agent(app);
    const csrf2 = /name="_csrf" value="([^"]+)"/.exec((await agent2.get('/login')).text)![1];
    const off = await agent2
      .post('/login')
      .type('form')
      .send({ _csrf: csrf2, username: 'eve', password: 'correct horse battery', next: '//evil.example/' })
      .expect(303);
    expect(off.headers.location).toBe('/');
  });
});
