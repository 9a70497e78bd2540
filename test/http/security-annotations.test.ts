/**
 * Issue 17, findings 1 and 8: imported annotations belong to the importing
 * user (the file's author and dates are provenance only); deleted annotations,
 * their notes and removed notes in histories are for reviewers and admins.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/corpus/users.js';
import { makeApp, signIn } from '../helpers/app.js';

const text =
  'The harbour master said the ferry sank near the pier on Monday. Officials said the crew were safe and the inquiry would report in June.';

describe('finding 1: imported annotations are the importer’s', () => {
  it('refuses to forge authors: a reviewer importing notes "by admin", "by another reviewer" and "by a viewer", dated 2001, owns them all, dated now', async () => {
    // the source instance: an export with three authors
    const source = makeApp();
    const admin = await signIn(source.app, source.db, 'admin', 'admin');
    const aid = (await admin.post('/api/articles').send({ title: 'Ferry', text }).expect(201)).body.results[0].article
      .id as number;
    await admin
      .post('/api/annotations')
      .send({ articleId: aid, start: 4, end: 18, note: 'written by the admin' })
      .expect(201);
    const exported = (await request(source.app).get('/api/export?format=jsonld').expect(200)).text;
    const file = JSON.parse(exported) as { first: { items: Record<string, unknown>[] } };
    const [item] = file.first.items;
    const forged = (name: string, n: number) => ({
      ...item,
      id: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`,
      creator: { ...(item.creator as object), name, nickname: name },
      created: '2001-09-11T08:46:00Z',
      modified: '2001-09-11T08:46:00Z',
    });
    file.first.items = [forged('admin', 1), forged('rival', 2), forged('watcher', 3)];

    // the target: same article, accounts with those names, a reviewer importing
    const { app, db } = makeApp();
    createUser(db, 'admin', 'correct horse battery', 'admin');
    createUser(db, 'rival', 'correct horse battery', 'reviewer');
    createUser(db, 'watcher', 'correct horse battery', 'viewer');
    const mallory = await signIn(app, db, 'reviewer', 'mallory');
    await mallory.post('/api/articles').send({ title: 'Ferry', text }).expect(201);
    const before = Date.now();
    const res = await mallory
      .post('/api/annotations/import')
      .set('content-type', 'application/ld+json')
      .send(JSON.stringify(file))
      .expect(200);
    expect(res.body.imported).toHaveLength(3);
    expect(res.body.imported.map((i: { creator: string; writtenBy: string }) => [i.creator, i.writtenBy])).toEqual([
      ['mallory', 'admin'],
      ['mallory', 'rival'],
      ['mallory', 'watcher'],
    ]);
    const list = (await request(app).get('/api/annotations').expect(200)).body.annotations as {
      id: number;
      creator: { username: string };
      createdAt: string;
      modifiedAt: string;
      imported: { author: string; createdAt: string };
    }[];
    expect(list.map((a) => a.creator.username)).toEqual(['mallory', 'mallory', 'mallory']);
    for (const a of list) {
      expect(Date.parse(a.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(a.modifiedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(a.imported.createdAt).toBe('2001-09-11T08:46:00.000Z');
    }
    expect((await request(app).get('/api/annotations?reviewer=admin').expect(200)).body.annotations).toEqual([]);
    const page = await request(app).get(`/annotations/${list[0].id}`).expect(200);
    expect(page.text).toMatch(
      /by mallory \(<span class="provenance">imported; written by admin on <time datetime="2001-09-11T08:46:00.000Z">2001-09-11<\/time><\/span>\)/,
    );
    // the owner is the importer: the admin named in the file cannot be made the author, and mallory can edit her import
    const rival = await signIn(app, db, 'reviewer', 'rival');
    await rival.patch(`/api/annotations/${list[1].id}`).send({ note: 'not mine to change' }).expect(403);
    await mallory.patch(`/api/annotations/${list[1].id}`).send({ note: 'mine now' }).expect(200);
  });
});

describe('finding 8: deleted annotations and removed notes are for reviewers and admins', () => {
  async function setUp() {
    const { app, db } = makeApp();
    const ana = await signIn(app, db, 'reviewer', 'ana');
    const articleId = (await ana.post('/api/articles').send({ title: 'Ferry', text }).expect(201)).body.results[0]
      .article.id as number;
    const gone = (
      await ana
        .post('/api/annotations')
        .send({ articleId, start: 4, end: 18, note: 'SECRET source: the deputy mayor' })
        .expect(201)
    ).body.annotation.id as number;
    await ana.delete(`/api/annotations/${gone}`).expect(200);
    const kept = (
      await ana
        .post('/api/annotations')
        .send({ articleId, start: 30, end: 35, note: 'CONFIDENTIAL first draft' })
        .expect(201)
    ).body.annotation.id as number;
    await ana.patch(`/api/annotations/${kept}`).send({ note: 'public wording' }).expect(200);
    const viewer = await signIn(app, db, 'viewer', 'vic');
    return { app, ana, viewer, gone, kept };
  }

  it('hides deleted annotations from anonymous readers and viewers: 403 for ?status=deleted, left out of ?status=all, 404 by id and history', async () => {
    const { app, viewer, gone } = await setUp();
    for (const reader of [request(app), viewer]) {
      const deleted = await reader.get('/api/annotations?status=deleted').expect(403);
      expect(deleted.body.error).toMatch(/reviewers and admins only/);
      const all = await reader.get('/api/annotations?status=all').expect(200);
      expect(JSON.stringify(all.body)).not.toContain('SECRET');
      await reader.get(`/api/annotations/${gone}`).expect(404);
      await reader.get(`/api/annotations/${gone}/history`).expect(404);
      await reader.get(`/annotations/${gone}`).expect(404);
      await reader.get('/annotations?status=deleted').expect(403);
    }
  });

  it('hides a removed note in the history of a live annotation from anonymous readers, and shows it to reviewers', async () => {
    const { app, ana, kept } = await setUp();
    const anon = await request(app).get(`/api/annotations/${kept}/history`).expect(200);
    expect(JSON.stringify(anon.body)).not.toContain('CONFIDENTIAL');
    expect(anon.body.history[0].after).toMatchObject({ note: null, noteHidden: true });
    expect(JSON.stringify(anon.body)).toContain('public wording');
    expect((await request(app).get(`/annotations/${kept}`).expect(200)).text).not.toContain('CONFIDENTIAL');
    expect(JSON.stringify((await ana.get(`/api/annotations/${kept}/history`).expect(200)).body)).toContain(
      'CONFIDENTIAL',
    );
  });

  it('shows deleted annotations, their notes and histories to reviewers', async () => {
    const { ana, gone } = await setUp();
    const deleted = await ana.get('/api/annotations?status=deleted').expect(200);
    expect(deleted.body.annotations.map((a: { id: number }) => a.id)).toEqual([gone]);
    expect(
      (await ana.get(`/api/annotations/${gone}/history`).expect(200)).body.history.map(
        (h: { action: string }) => h.action,
      ),
    ).toEqual(['create', 'delete']);
  });
});
