import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { makeApp, signIn, snapshotCounts } from '../helpers/app.js';
import { importArticle } from '../../src/corpus/articles.js';
import type { Db } from '../../src/db.js';
import { getArticle } from '../../src/store/articles.js';

const text =
  'The minister said the plan was "a disaster for the region" and left the room.\n\n' +
  'Critics insisted the cuts would hurt families <script>alert("x")</script> across the north.';

function addArticle(db: Db, body = text, outlet = 'Daily Test'): number {
  const r = importArticle(db, { text: body, title: 'Cuts <b>bold</b>', outlet });
  if (r.status !== 'imported') throw new Error('not imported');
  return r.article.id;
}

const spanOf = (words: string, body = text) => ({
  start: body.indexOf(words),
  end: body.indexOf(words) + words.length,
  exact: words,
});

describe('annotation API and pages', () => {
  it('lets a reviewer create, read, edit and delete an annotation, keeping the history', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const agent = await signIn(app, db, 'reviewer');
    const created = await agent
      .post('/api/annotations')
      .send({ articleId, ...spanOf('insisted'), tagId: 'attribution-verb', note: 'Why **insisted**?' })
      .expect(201);
    const id = created.body.annotation.id as number;
    expect(created.body.annotation).toMatchObject({
      exact: 'insisted',
      tagId: 'attribution-verb',
      status: 'active',
      creator: { username: 'reviewer1' },
    });
    await agent.patch(`/api/annotations/${id}`).send({ note: 'Loaded verb.' }).expect(200);
    await agent.delete(`/api/annotations/${id}`).expect(200);
    // deleted annotations are for reviewers and admins (anonymous readers: see test/http/security-annotations.test.ts)
    const history = await agent.get(`/api/annotations/${id}/history`).expect(200);
    expect(history.body.history.map((h: { action: string }) => h.action)).toEqual(['create', 'update', 'delete']);
    const list = await agent.get(`/api/annotations?article=${articleId}&status=deleted`).expect(200);
    expect(list.body.annotations).toHaveLength(1);
    await agent
      .get(`/annotations/${id}`)
      .expect(200)
      .expect(/deleted/);
    await request(app).get(`/annotations/${id}`).expect(404);
  });

  it.each([
    ['a span outside the text', { start: 5, end: 99_999 }],
    ['words that are not in the text', { start: 4, end: 12, exact: 'banana split' }],
    ['neither tag nor note', { ...spanOf('minister'), tagId: null, note: '' }],
    ['an end before the start', { start: 12, end: 4 }],
  ])('refuses %s with 400', async (_name, body) => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const agent = await signIn(app, db, 'reviewer');
    const before = snapshotCounts(db);
    const res = await agent
      .post('/api/annotations')
      .send({ articleId, tagId: 'loaded-term', ...body })
      .expect(400);
    expect(res.body.error).toMatch(/^annotations:/);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('shows the annotation form again with 400, the input and what was wrong when a form is refused', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const agent = await signIn(app, db, 'reviewer');
    const before = snapshotCounts(db);
    const body = {
      articleId,
      start: 4,
      end: 12,
      exact: 'banana split',
      tagId: 'loaded-term',
      note: 'My careful <note>',
      back: `/articles/${articleId}#annotations`,
    };
    const res = await agent.post('/annotations').type('form').send(body).expect(400);
    expect(res.text).toContain('Cuts &lt;b&gt;bold&lt;/b&gt;');
    expect(res.text).toMatch(/<details class="annotate-fallback" open>/);
    expect(res.text).toContain('My careful &lt;note&gt;</textarea>');
    expect(res.text).toContain('value="banana split"');
    expect(res.text).toMatch(/<option value="loaded-term" selected>/);
    expect(res.text).toMatch(/class="form-errors"/);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('shows the edit form again with 400 and the input when an edit is refused', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const agent = await signIn(app, db, 'reviewer');
    const created = await agent
      .post('/api/annotations')
      .send({ articleId, ...spanOf('insisted'), tagId: 'attribution-verb', note: 'First.' })
      .expect(201);
    const id = created.body.annotation.id as number;
    const res = await agent
      .post(`/annotations/${id}/edit`)
      .type('form')
      .send({ note: 'A second thought', start: '12', end: '4' })
      .expect(400);
    expect(res.text).toContain('A second thought</textarea>');
    expect(res.text).toMatch(/class="form-errors"/);
    const stored = await agent.get(`/api/annotations/${id}`).expect(200);
    expect(stored.body.annotation.note).toBe('First.');
  });

  it('filters the list by article, tag, reviewer and date', async () => {
    const { app, db } = makeApp();
    const a = addArticle(db);
    const b = addArticle(db, 'Another outlet said the plan "a disaster" for everyone.', 'Other Times');
    const ann = await signIn(app, db, 'reviewer', 'ann');
    const ben = await signIn(app, db, 'reviewer', 'ben');
    await ann
      .post('/api/annotations')
      .send({ articleId: a, ...spanOf('insisted'), tagId: 'attribution-verb' })
      .expect(201);
    await ben
      .post('/api/annotations')
      .send({ articleId: a, ...spanOf('a disaster'), tagId: 'loaded-term' })
      .expect(201);
    await ben.post('/api/annotations').send({ articleId: b, start: 0, end: 7, tagId: 'loaded-term' }).expect(201);
    const get = async (q: string) =>
      (await request(app).get(`/api/annotations?${q}`).expect(200)).body.annotations.length as number;
    expect(await get(`article=${a}`)).toBe(2);
    expect(await get('tag=loaded-term')).toBe(2);
    expect(await get('reviewer=ann')).toBe(1);
    expect(await get(`reviewer=ben&article=${b}`)).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect(await get(`from=${today}&to=${today}`)).toBe(3);
    expect(await get('to=2000-01-01')).toBe(0);
    await request(app).get('/api/annotations?from=yesterday').expect(400);
    await request(app)
      .get('/annotations?reviewer=ann')
      .expect(200)
      .expect(/insisted/);
  });

  it('creates an annotation from the plain form and goes back to the article', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const agent = await signIn(app, db, 'reviewer');
    const page = await agent.get(`/articles/${articleId}`).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const { start, end, exact } = spanOf('hurt families');
    await agent
      .post('/annotations')
      .type('form')
      .send({
        _csrf: csrf,
        articleId: String(articleId),
        start: String(start),
        end: String(end),
        exact,
        tagId: 'loaded-term',
        note: '',
        back: `/articles/${articleId}#annotations`,
      })
      .expect(303)
      .expect('location', `/articles/${articleId}#annotations`);
    const shown = await agent.get(`/articles/${articleId}`).expect(200);
    expect(shown.text).toContain('Annotations (1)');
    expect(shown.text).toMatch(/class="ann"/);
  });

  it('keeps a note on a pair as a whole with the span in the other article', async () => {
    const { app, db } = makeApp();
    const a = addArticle(db);
    const otherText = 'Another outlet said the plan was "a disaster" for everyone.';
    const b = addArticle(db, otherText, 'Other Times');
    const agent = await signIn(app, db, 'reviewer');
    const res = await agent
      .post('/api/annotations')
      .send({
        articleId: a,
        ...spanOf('a disaster for the region'),
        note: 'Trimmed in the later version.',
        other: { articleId: b, ...spanOf('a disaster', otherText) },
      })
      .expect(201);
    expect(res.body.annotation.other).toMatchObject({ articleId: b, exact: 'a disaster' });
    const onB = await request(app).get(`/articles/${b}`).expect(200);
    expect(onB.text).toContain('Trimmed in the later version.');
  });
});

describe('annotation security', () => {
  it('answers an anonymous API write with 401 and sends a form to the login page', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    await request(app)
      .post('/api/annotations')
      .send({ articleId, start: 4, end: 12, tagId: 'loaded-term' })
      .expect(401);
    const form = await request(app)
      .post('/annotations')
      .type('form')
      .send({ articleId: String(articleId), start: '4', end: '12', tagId: 'loaded-term' })
      .expect(303);
    expect(form.headers.location).toMatch(/^\/login/);
    await request(app).patch('/api/annotations/1').send({ note: 'x' }).expect(401);
    await request(app).delete('/api/annotations/1').expect(401);
  });

  it('forbids a viewer to write (403)', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const viewer = await signIn(app, db, 'viewer');
    await viewer
      .post('/api/annotations')
      .send({ articleId, ...spanOf('minister'), tagId: 'loaded-term' })
      .expect(403);
    await viewer.post('/api/tags').send({ family: 'framing', label: 'Sneaky' }).expect(403);
  });

  it('forbids a reviewer to change another reviewer’s annotation, but lets an admin', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const ann = await signIn(app, db, 'reviewer', 'ann');
    const ben = await signIn(app, db, 'reviewer', 'ben');
    const admin = await signIn(app, db, 'admin');
    const id = (
      await ann
        .post('/api/annotations')
        .send({ articleId, ...spanOf('minister'), note: 'who?' })
        .expect(201)
    ).body.annotation.id;
    await ben.patch(`/api/annotations/${id}`).send({ note: 'mine now' }).expect(403);
    await ben.delete(`/api/annotations/${id}`).expect(403);
    const page = await ben.get(`/annotations/${id}`).expect(200);
    expect(page.text).not.toContain('Delete annotation');
    await admin.patch(`/api/annotations/${id}`).send({ note: 'edited by the admin' }).expect(200);
    await admin.delete(`/api/annotations/${id}`).expect(200);
  });

  it.each([
    ['missing', undefined],
    ['wrong', 'not-the-token-at-all-0123456789'],
  ])('refuses a write with a %s CSRF token (403)', async (_name, token) => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const agent = await signIn(app, db, 'reviewer');
    agent.set('x-csrf-token', token ?? '');
    const before = snapshotCounts(db);
    await agent
      .post('/api/annotations')
      .send({ articleId, ...spanOf('minister'), tagId: 'loaded-term' })
      .expect(403);
    await agent
      .post('/annotations')
      .type('form')
      .send({ articleId: String(articleId), start: '4', end: '12', tagId: 'loaded-term' })
      .expect(403);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('shows an XSS payload in a note and in an article as text', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const agent = await signIn(app, db, 'reviewer');
    const payload = '<img src=x onerror=alert(1)> [x](javascript:alert(2)) **<script>alert(3)</script>**';
    const id = (
      await agent
        .post('/api/annotations')
        .send({ articleId, ...spanOf('<script>alert("x")</script>'), note: payload })
        .expect(201)
    ).body.annotation.id;
    for (const path of [`/articles/${articleId}`, `/annotations/${id}`, `/annotations?article=${articleId}`]) {
      const page = await request(app).get(path).expect(200);
      expect(page.text).not.toContain('<img src=x');
      expect(page.text).not.toContain('<script>alert');
      expect(page.text).not.toContain('href="javascript:');
      expect(page.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
  });
});

describe('tags', () => {
  it('lets an admin add, rename and retire a tag; a retired tag is not offered', async () => {
    const { app, db } = makeApp();
    const admin = await signIn(app, db, 'admin');
    const all = await request(app).get('/api/tags').expect(200);
    expect(all.body.tags.filter((t: { family: string }) => t.family === 'framing')).toHaveLength(15);
    await admin
      .post('/api/tags')
      .send({ family: 'quote-handling', label: 'Spliced quotes', description: 'Two remarks joined as one.' })
      .expect(201);
    await admin.patch('/api/tags/spliced-quotes').send({ label: 'Spliced', retired: true }).expect(200);
    const tag = (await request(app).get('/api/tags').expect(200)).body.tags.find(
      (t: { id: string }) => t.id === 'spliced-quotes',
    );
    expect(tag).toMatchObject({ label: 'Spliced' });
    expect(tag.retiredAt).toMatch(/Z$/);
    const articleId = addArticle(db);
    const reviewer = await signIn(app, db, 'reviewer');
    await reviewer
      .post('/api/annotations')
      .send({ articleId, ...spanOf('minister'), tagId: 'spliced-quotes' })
      .expect(400);
    const page = await reviewer.get(`/articles/${articleId}`).expect(200);
    expect(page.text).not.toContain('value="spliced-quotes"');
  });

  it('refuses tag changes from a reviewer', async () => {
    const { app, db } = makeApp();
    const reviewer = await signIn(app, db, 'reviewer');
    await reviewer.patch('/api/tags/loaded-term').send({ retired: true }).expect(403);
  });
});

describe('replacing an article’s text', () => {
  it('re-analyses the article and re-anchors or orphans its annotations', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const agent = await signIn(app, db, 'reviewer');
    await agent
      .post('/api/annotations')
      .send({ articleId, ...spanOf('insisted'), tagId: 'attribution-verb' })
      .expect(201);
    await agent
      .post('/api/annotations')
      .send({ articleId, ...spanOf('hurt families'), tagId: 'loaded-term' })
      .expect(201);
    const corrected = `Correction appended.\n\n${text.replace('hurt families', 'affect households')}`;
    const res = await agent.post(`/api/articles/${articleId}/text`).send({ text: corrected }).expect(200);
    expect(res.body.annotations).toMatchObject({ moved: 1, orphaned: 1 });
    const page = await request(app).get(`/articles/${articleId}`).expect(200);
    expect(page.text).toContain('Orphaned annotations (1)');
    const list = (await request(app).get(`/api/annotations?article=${articleId}`).expect(200)).body.annotations;
    const moved = list.find((a: { exact: string }) => a.exact === 'insisted');
    const stored = getArticle(db, articleId)!.text;
    expect(stored).toContain('affect households');
    expect(moved).toMatchObject({ start: stored.indexOf('insisted'), status: 'active' });
  });
});

describe('agreement', () => {
  it('gives kappa and the disagreeing spans for two reviewers', async () => {
    const { app, db } = makeApp();
    const articleId = addArticle(db);
    const ann = await signIn(app, db, 'reviewer', 'ann');
    const ben = await signIn(app, db, 'reviewer', 'ben');
    await ann
      .post('/api/annotations')
      .send({ articleId, ...spanOf('a disaster for the region'), tagId: 'loaded-term' })
      .expect(201);
    await ben
      .post('/api/annotations')
      .send({ articleId, ...spanOf('a disaster'), tagId: 'loaded-term' })
      .expect(201);
    const res = await request(app).get(`/api/articles/${articleId}/agreement`).expect(200);
    expect(res.body.reviewers).toEqual(['ann', 'ben']);
    const [tag] = res.body.tags;
    expect(tag).toMatchObject({ tagId: 'loaded-term', measure: 'kappa' });
    expect(tag.value).toBeGreaterThan(0);
    expect(tag.value).toBeLessThan(1);
    expect(tag.disagreements).toEqual([
      expect.objectContaining({ text: 'for the region', marked: ['ann'], unmarked: ['ben'] }),
    ]);
    await request(app)
      .get(`/articles/${articleId}/agreement`)
      .expect(200)
      .expect(/for the region/);
  });
});
