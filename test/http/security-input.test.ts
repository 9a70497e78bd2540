/**
 * Issue 17, findings 5 and 6: one web-address rule for every path that stores
 * an address; control characters never stored; names compared without
 * zero-width and bidi controls.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { speakerKey } from '../../src/speakers/names.js';
import { makeApp, signIn } from '../helpers/app.js';

const text = (n: number) =>
  `The ferry sank near the pier on Monday, officials said. Story number ${n} tells how the harbour master reported it to the council.`;

describe('finding 5: only http(s) addresses are stored', () => {
  it.each([
    ['javascript:alert(document.domain)//'],
    ['JavaScript:alert(1)'],
    [' java\tscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['vbscript:msgbox(1)'],
    ['/relative/path'],
  ])('refuses the JSON import of an article whose url is %j with a clear 400', async (url) => {
    const { app, db } = makeApp();
    const agent = await signIn(app, db);
    const res = await agent
      .post('/api/articles')
      .send({ title: 'T', url, text: text(1) })
      .expect(400);
    expect(res.body.results[0].error).toMatch(
      /field "url": (only http and https addresses are accepted|not a valid web address)/,
    );
    expect((await agent.get('/api/articles').expect(200)).body.articles).toHaveLength(0);
  });

  it('refuses a javascript: address in a JSON file uploaded as multipart and in pasted-text metadata', async () => {
    const { app, db } = makeApp();
    const agent = await signIn(app, db);
    const file = Buffer.from(JSON.stringify({ title: 'T', url: 'javascript:alert(1)', text: text(2) }));
    const up = await agent
      .post('/api/articles')
      .attach('files', file, { filename: 'a.json', contentType: 'application/json' })
      .expect(400);
    expect(up.body.results[0].error).toMatch(/only http and https/);
    const csrf = (await agent.get('/api/me')).body.csrfToken as string;
    const page = await agent
      .post('/articles')
      .type('form')
      .send({ _csrf: csrf, text: text(3), title: 'Pasted', url: 'javascript:alert(1)' })
      .expect(400);
    expect(page.text).toMatch(/only http and https addresses are accepted, not javascript:/);
    expect((await agent.get('/api/articles')).body.articles).toHaveLength(0);
  });

  it('refuses a javascript: address on edit (API and form) and on import by URL, with 400', async () => {
    const { app, db } = makeApp();
    const agent = await signIn(app, db);
    const id = (
      await agent
        .post('/api/articles')
        .send({ title: 'T', url: 'https://example.org/a', text: text(4) })
        .expect(201)
    ).body.results[0].article.id as number;
    const patch = await agent.patch(`/api/articles/${id}`).send({ url: 'javascript:alert(1)' }).expect(400);
    expect(patch.body.errors.url).toMatch(/only http and https addresses are accepted, not javascript:/);
    const csrf = (await agent.get('/api/me')).body.csrfToken as string;
    const form = await agent
      .post(`/articles/${id}/edit`)
      .type('form')
      .send({ _csrf: csrf, title: 'T', url: 'data:text/html,x' })
      .expect(400);
    expect(form.text).toMatch(/only http and https addresses are accepted, not data:/);
    const fetched = await agent.post('/api/articles/fetch').send({ url: 'javascript:alert(1)' }).expect(400);
    expect(fetched.body.results[0].error).toMatch(/only http and https addresses are accepted, not javascript:/);
    const page = await request(app).get(`/articles/${id}`).expect(200);
    expect(page.text).not.toMatch(/href="javascript:/i);
    expect(page.text).toContain('href="https://example.org/a"');
  });
});

describe('finding 6: control characters and invisible name differences', () => {
  it('strips NUL and other controls from titles, outlets, authors and notes, so exports carry none', async () => {
    const { app, db } = makeApp();
    const agent = await signIn(app, db);
    const res = await agent
      .post('/api/articles')
      .send({ title: 'Fer\u0000ry \u0007sank\u001b', outlet: 'Wire\u0000', author: 'Ann\u0085 Lee', text: text(5) })
      .expect(201);
    const id = res.body.results[0].article.id as number;
    const article = (await agent.get(`/api/articles/${id}`)).body.article;
    expect(article.title).toBe('Fer ry sank');
    expect(article.outlet).toBe('Wire');
    expect(article.author).toBe('Ann Lee');
    const note = await agent
      .post('/api/annotations')
      .send({ articleId: id, start: 4, end: 9, note: 'first\u0000 line\n\tsecond\u0001 line\u007f' })
      .expect(201);
    expect(note.body.annotation.note).toBe('first line\n\tsecond line');
    await agent.patch(`/api/annotations/${note.body.annotation.id}`).send({ note: 'edited\u0000' }).expect(200);
    const md = await request(app).get(`/export?format=md&article=${id}`).expect(200);
    const csv = await request(app).get(`/export?format=csv&article=${id}`).expect(200);
    for (const body of [md.text, csv.text])
      expect(body).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });

  it('imports a text holding lone surrogate halves (valid JSON escapes) as U+FFFD, not a 500', async () => {
    const { app, db } = makeApp();
    const agent = await signIn(app, db);
    // written as escapes in the raw body: a JavaScript string would be re-encoded on the way
    const body = `{"title":"Halves","text":"The mayor said \\"we \\ud800 rebuild \\udfff\\" today. ${text(5)}"}`;
    const res = await agent.post('/api/articles').set('content-type', 'application/json').send(body).expect(201);
    const article = (await agent.get(`/api/articles/${res.body.results[0].article.id}`)).body.article;
    expect(article.text).toContain('we \ufffd rebuild \ufffd');
  });

  it('treats Reu\\u200Bters and Reuters (and a bidi-marked spelling) as one outlet, keeping each as written', async () => {
    const { app, db } = makeApp();
    const agent = await signIn(app, db);
    await agent
      .post('/api/articles')
      .send({ title: 'A', outlet: 'Reuters', text: text(6) })
      .expect(201);
    const b = await agent
      .post('/api/articles')
      .send({ title: 'B', outlet: 'Reu\u200Bters', text: text(7) })
      .expect(201);
    await agent
      .post('/api/articles')
      .send({ title: 'C', outlet: '\u202AREUTERS\u202C', text: text(8) })
      .expect(201);
    expect((await agent.get(`/api/articles/${b.body.results[0].article.id}`)).body.article.outlet).toBe(
      'Reu\u200Bters',
    );
    const outlets = (await request(app).get('/api/outlets').expect(200)).body.outlets as {
      outlet: string;
      articles: number;
    }[];
    expect(outlets).toHaveLength(1);
    expect(outlets[0].articles).toBe(3);
    expect((await request(app).get('/api/outlets/Reuters').expect(200)).body.articles).toBe(3);
    expect(
      (
        await request(app)
          .get(`/api/outlets/${encodeURIComponent('Reu\u200Bters')}`)
          .expect(200)
      ).body.articles,
    ).toBe(3);
  });

  it('keys speaker names without zero-width and bidi controls', () => {
    expect(speakerKey('Firas al-Yas\u200Bser')).toBe(speakerKey('Firas al-Yasser'));
    expect(speakerKey('\u2067Firas al-Yasser\u2069')).toBe(speakerKey('Firas al-Yasser'));
  });
});
