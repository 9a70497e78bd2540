/**
 * Issue 17, findings 3 and 4: sessions end when a password changes; login
 * limiting counts failures only, per account and per address, with bounded
 * memory; passwords follow one rule in the CLI and on the web.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db.js';
import { createUser } from '../../src/corpus/users.js';
import { projectRoot } from '../../src/paths.js';
import { makeApp, signIn } from '../helpers/app.js';

const good = 'correct horse battery';

async function loginAttempt(
  app: Parameters<typeof request>[0],
  username: string,
  password: string,
  forwardedFor?: string,
) {
  const agent = request.agent(app);
  const csrf = (await agent.get('/api/me')).body.csrfToken as string;
  const req = agent.post('/api/login').set('x-csrf-token', csrf);
  if (forwardedFor) req.set('x-forwarded-for', forwardedFor);
  return req.send({ username, password });
}

describe('finding 3: a password change ends the other sessions', () => {
  it('ends a session opened before `retold user passwd` and says so', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'retold-passwd-')), 'r.sqlite');
    const db = openDatabase(dbPath);
    const app = createApp({ db, config: { ...loadConfig({}), dbPath, loadSamples: false } });
    const before = await signIn(app, db, 'reviewer', 'ana');
    await before
      .get('/api/me')
      .expect(200)
      .expect((r) => expect(r.body.user.username).toBe('ana'));
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'user', 'passwd', 'ana', '--password-stdin'],
      {
        cwd: projectRoot,
        input: 'a brand new passphrase\n',
        env: { ...process.env, RETOLD_DB: dbPath },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/changed the password of ana; ended 1 session/);
    expect((await before.get('/api/me')).body.user).toBeNull();
    await before.post('/api/articles').send({ title: 'T', text: 'A ferry sank near the pier on Monday.' }).expect(401);
    db.close();
  }, 120_000);

  it('keeps the session that changed the password on the account page and ends the others', async () => {
    const { app, db } = makeApp();
    const other = await signIn(app, db, 'reviewer', 'ben');
    const self = await signIn(app, db, 'reviewer', 'ben');
    const res = await self
      .post('/api/account/password')
      .send({ currentPassword: good, newPassword: 'another long passphrase' })
      .expect(200);
    expect(res.body.endedSessions).toBe(1);
    expect((await self.get('/api/me')).body.user.username).toBe('ben');
    expect((await other.get('/api/me')).body.user).toBeNull();
    await self
      .post('/api/account/password')
      .send({ currentPassword: 'wrong password', newPassword: 'yet another passphrase' })
      .expect(403);
  });
});

describe('finding 4: login limiting and the password rule', () => {
  it('does not count successful logins: the 11th correct login in a window succeeds', async () => {
    const { app, db } = makeApp();
    createUser(db, 'cara', good, 'reviewer');
    for (let i = 0; i < 12; i += 1) await loginAttempt(app, 'cara', good).then((r) => expect(r.status).toBe(200));
  });

  it('clears the account count on a successful login', async () => {
    const { app, db } = makeApp();
    createUser(db, 'dan', good, 'reviewer');
    for (let i = 0; i < 9; i += 1) expect((await loginAttempt(app, 'dan', 'wrong password!')).status).toBe(401);
    expect((await loginAttempt(app, 'dan', good)).status).toBe(200);
    for (let i = 0; i < 9; i += 1) expect((await loginAttempt(app, 'dan', 'wrong password!')).status).toBe(401);
    expect((await loginAttempt(app, 'dan', good)).status).toBe(200);
  });

  it('limits failures per account even when they come from many addresses behind a trusted proxy', async () => {
    const { app, db } = makeApp({ trustProxy: ['loopback'] });
    createUser(db, 'eva', good, 'reviewer');
    for (let i = 0; i < 10; i += 1)
      expect((await loginAttempt(app, 'eva', 'wrong password!', `203.0.113.${i + 1}`)).status).toBe(401);
    const blocked = await loginAttempt(app, 'eva', good, '203.0.113.99');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('gives each client behind a trusted proxy its own address bucket (RETOLD_TRUST_PROXY)', async () => {
    const { app, db } = makeApp({ trustProxy: ['loopback'] }, { perAddress: 5 });
    createUser(db, 'fay', good, 'reviewer');
    for (let i = 0; i < 5; i += 1)
      expect((await loginAttempt(app, `nobody${i}`, 'wrong password!', '198.51.100.7')).status).toBe(401);
    expect((await loginAttempt(app, 'fay', good, '198.51.100.7')).status).toBe(429);
    expect((await loginAttempt(app, 'fay', good, '198.51.100.8')).status).toBe(200);
  });

  it('ignores X-Forwarded-For when no proxy is trusted (the default)', async () => {
    const { app, db } = makeApp({}, { perAddress: 5 });
    createUser(db, 'gus', good, 'reviewer');
    for (let i = 0; i < 5; i += 1)
      expect((await loginAttempt(app, `nobody${i}`, 'wrong password!', `192.0.2.${i}`)).status).toBe(401);
    expect((await loginAttempt(app, 'gus', good, '192.0.2.200')).status).toBe(429);
  });

  it('keeps a blocking counter when many other addresses fail past the memory bound (nothing cleared wholesale)', async () => {
    const { app, db } = makeApp({ trustProxy: ['loopback'] }, { maxKeys: 20 });
    createUser(db, 'hal', good, 'reviewer');
    for (let i = 0; i < 10; i += 1)
      expect((await loginAttempt(app, 'hal', 'wrong password!', '198.51.100.1')).status).toBe(401);
    for (let i = 0; i < 40; i += 1)
      await loginAttempt(app, `spray${i}`, 'wrong password!', `10.0.${i >> 8}.${i & 255}`);
    const limiter = app.locals.loginLimiter as { size(): number };
    expect(limiter.size()).toBeLessThanOrEqual(20);
    expect((await loginAttempt(app, 'hal', good, '198.51.100.2')).status).toBe(429);
  }, 60_000);

  it.each([
    ['password12', /common passwords/],
    ['aaaaaaaaaa', /one character repeated/],
    ['          ', /white space/],
    ['short', /at least 10/],
    ['QWERTYUIOP', /common passwords/],
  ])('refuses the password %j on the account page and in the CLI rule', async (weak, reason) => {
    const { app, db } = makeApp();
    const agent = await signIn(app, db, 'viewer', 'ida');
    const res = await agent
      .post('/api/account/password')
      .send({ currentPassword: good, newPassword: weak })
      .expect(400);
    expect(res.body.error).toMatch(reason);
    expect(() => createUser(db, 'jan', weak, 'reviewer')).toThrow(reason);
    const page = await agent
      .post('/account/password')
      .type('form')
      .send({ currentPassword: good, newPassword: weak })
      .expect(400);
    expect(page.text).toMatch(reason);
  });
});
