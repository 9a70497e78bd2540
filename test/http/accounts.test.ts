import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';
import { getUserByName } from '../../src/store/users.js';

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];
const passwordOf = (html: string) => /<code class="password">([^<]+)<\/code>/.exec(html)?.[1];

async function logIn(app: Parameters<typeof request.agent>[0], username: string, password: string) {
  const agent = request.agent(app);
  const anon = await agent.get('/api/me').expect(200);
  return {
    agent,
    res: await agent.post('/api/login').set('x-csrf-token', anon.body.csrfToken).send({ username, password }),
  };
}

describe('account management in the web', () => {
  it('lets an admin add a reviewer whose one-time password logs in', async () => {
    const { app, db } = makeApp();
    const admin = await signIn(app, db, 'admin');
    const page = await admin.get('/accounts').expect(200);
    expect(page.text).toContain('Add an account');
    const res = await admin
      .post('/accounts')
      .type('form')
      .send({ _csrf: csrfOf(page.text), username: 'rita', role: 'reviewer' })
      .expect(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const password = passwordOf(res.text)!;
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(getUserByName(db, 'rita')?.role).toBe('reviewer');
    expect((await logIn(app, 'rita', password)).res.status).toBe(200);
    // shown once: the list does not show it again
    expect((await admin.get('/accounts')).text).not.toContain(password);
  });

  it('refuses a bad or taken name with the form again and a 400', async () => {
    const { app, db } = makeApp();
    const admin = await signIn(app, db, 'admin');
    const csrf = csrfOf((await admin.get('/accounts')).text);
    const bad = await admin
      .post('/accounts')
      .type('form')
      .send({ _csrf: csrf, username: 'r i', role: 'reviewer' })
      .expect(400);
    expect(bad.text).toContain('letters, digits, dot, dash and underscore only');
    expect(bad.text).toContain('value="r i"');
    const taken = await admin.post('/api/accounts').send({ username: 'admin1', role: 'viewer' }).expect(400);
    expect(taken.body.errors.username).toMatch(/already exists/);
    await admin.post('/api/accounts').send({ username: 'x1', role: 'boss' }).expect(400);
  });

  it('changes a role, disables (ending sessions) and enables again', async () => {
    const { app, db } = makeApp();
    const admin = await signIn(app, db, 'admin');
    const reviewer = await signIn(app, db, 'reviewer');
    const id = getUserByName(db, 'reviewer1')!.id;
    const csrf = csrfOf((await admin.get('/accounts')).text);
    await admin.post(`/accounts/${id}`).type('form').send({ _csrf: csrf, role: 'viewer' }).expect(303);
    expect(getUserByName(db, 'reviewer1')?.role).toBe('viewer');
    await admin.post(`/accounts/${id}`).type('form').send({ _csrf: csrf, disabled: '1' }).expect(303);
    expect((await reviewer.get('/api/me')).body.user).toBeNull();
    expect(
      (await admin.patch(`/api/accounts/${id}`).send({ disabled: false, role: 'reviewer' }).expect(200)).body.user,
    ).toMatchObject({ role: 'reviewer', disabled: false });
    await admin.patch(`/api/accounts/${id}`).send({}).expect(400);
    await admin.patch('/api/accounts/999').send({ role: 'viewer' }).expect(404);
  });

  it('resets a password: the old one stops working and the new one is shown once', async () => {
    const { app, db } = makeApp();
    const admin = await signIn(app, db, 'admin');
    const reviewer = await signIn(app, db, 'reviewer');
    const id = getUserByName(db, 'reviewer1')!.id;
    const res = await admin.post(`/api/accounts/${id}/password`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await reviewer.get('/api/me')).body.user).toBeNull();
    expect((await logIn(app, 'reviewer1', 'correct horse battery')).res.status).toBe(401);
    expect((await logIn(app, 'reviewer1', res.body.password)).res.status).toBe(200);
    const csrf = csrfOf((await admin.get('/accounts')).text);
    const page = await admin.post(`/accounts/${id}/password`).type('form').send({ _csrf: csrf }).expect(200);
    expect(passwordOf(page.text)).toBeDefined();
  });

  it('keeps an admin from demoting or disabling themself', async () => {
    const { app, db } = makeApp();
    const admin = await signIn(app, db, 'admin');
    const self = getUserByName(db, 'admin1')!.id;
    const r = await admin.patch(`/api/accounts/${self}`).send({ role: 'viewer' }).expect(400);
    expect(r.body.errors.role).toMatch(/your own role/);
    await admin.patch(`/api/accounts/${self}`).send({ disabled: true }).expect(400);
    expect(getUserByName(db, 'admin1')).toMatchObject({ role: 'admin', disabled: false });
  });

  it('is for admins only and needs the CSRF token', async () => {
    const { app, db } = makeApp();
    await request(app).get('/accounts').expect(303);
    await request(app).get('/api/accounts').expect(401);
    const reviewer = await signIn(app, db, 'reviewer');
    await reviewer.get('/accounts').expect(403);
    await reviewer.post('/api/accounts').send({ username: 'eve', role: 'admin' }).expect(403);
    expect(getUserByName(db, 'eve')).toBeUndefined();
    const admin = await signIn(app, db, 'admin');
    await admin.post('/api/accounts').set('x-csrf-token', 'wrong').send({ username: 'eve', role: 'admin' }).expect(403);
    expect(getUserByName(db, 'eve')).toBeUndefined();
    expect((await reviewer.get('/')).text).not.toContain('href="/accounts"');
    expect((await admin.get('/')).text).toContain('href="/accounts"');
  });
});
