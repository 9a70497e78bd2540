import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn, snapshotCounts } from '../helpers/app.js';
import { countArticles, listArticles } from '../../src/store/articles.js';

const text = 'Officials said the dam would open in June.\n\n"We are ready," the engineer said.';

describe('article pages', () => {
  it('imports pasted text from the form and redirects to the new article', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const res = await api
      .post('/articles')
      .type('form')
      .send({ text, title: 'Dam to open in June', outlet: 'Hill News', published: '2024-03-01' })
      .expect(303);
    const page = await api.get(res.headers.location).expect(200);
    expect(page.text).toContain('Dam to open in June');
    expect(page.text).toContain('Hill News');
    expect(page.text).toContain('We are ready,');
  });

  it('imports several uploaded files of different formats at once and lists each result', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const res = await api
      .post('/articles')
      .attach(
        'files',
        Buffer.from(
          '# Storm hits coast\n\nA storm hit the coast on **Monday**, officials said.\n\nPower was cut to 3,000 homes.',
        ),
        'storm.md',
      )
      .attach(
        'files',
        Buffer.from(
          JSON.stringify({
            title: 'Rail strike ends',
            outlet: 'Wire',
            text: 'The rail strike ended after talks on Friday.',
          }),
        ),
        'rail.json',
      )
      .attach(
        'files',
        Buffer.from(
          '<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1><p>The harbour reopened on Sunday after repairs that took three months, the port authority said in a statement.</p><p>Fishing boats returned to the docks within hours, and traders said business would recover quickly once the fish market reopened next week.</p><p>The repairs cost more than expected, officials said.</p></article></body></html>',
        ),
        'harbour.html',
      )
      .attach('files', Buffer.from('Plain text story about a library opening downtown.'), 'library.txt')
      .expect(201);
    expect(res.text).toContain('Import results');
    expect(countArticles(db)).toBe(4);
    const list = await api.get('/articles').expect(200);
    for (const title of ['Storm hits coast', 'Rail strike ends', 'Harbour reopens']) expect(list.text).toContain(title);
  });

  it('re-renders the import form with the input and an error when nothing was given', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const res = await api.post('/articles').type('form').send({ text: '   ', title: 'kept title' }).expect(400);
    expect(res.text).toContain('Paste a text, choose one or more files');
  });

  it('tells the user which article a duplicate matches', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    await api.post('/articles').type('form').send({ text, title: 'First' }).expect(303);
    const res = await api
      .post('/articles')
      .type('form')
      .send({ text: `  ${text}\r\n` })
      .expect(200);
    expect(res.text).toMatch(/already in the corpus as <a href="\/articles\/\d+">First<\/a>/);
    expect(countArticles(db)).toBe(1);
  });

  it('edits metadata, and a bad date re-renders the form with the input and the error', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const loc = (await api.post('/articles').type('form').send({ text, title: 'Dam' })).headers.location;
    const bad = await api
      .post(`${loc}/edit`)
      .type('form')
      .send({ title: 'Dam story', published: '31/02/2024' })
      .expect(400);
    expect(bad.text).toContain('value="Dam story"');
    expect(bad.text).toContain('YYYY-MM-DD');
    await api
      .post(`${loc}/edit`)
      .type('form')
      .send({ title: 'Dam story', outlet: 'Hill News', published: '2024-03-02' })
      .expect(303);
    const page = await api.get(loc).expect(200);
    expect(page.text).toContain('Dam story');
    expect(page.text).toContain('2 Mar 2024');
  });

  it('asks for confirmation before deleting, then deletes', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const loc = (await api.post('/articles').type('form').send({ text, title: 'Dam' })).headers.location;
    const confirm = await api.get(`${loc}/delete`).expect(200);
    expect(confirm.text).toContain('Delete this article?');
    expect(countArticles(db)).toBe(1);
    await api.post(`${loc}/delete`).expect(303);
    // deletion is soft: the row stays (an admin can restore it), the article is gone from lists and pages
    expect(countArticles(db)).toBe(1);
    expect(listArticles(db)).toHaveLength(0);
    await api.get(loc).expect(404);
  });

  it('sorts the list by each column', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    await api
      .post('/api/articles')
      .send({ title: 'B story', outlet: 'Zed', published: '2024-01-01', text: 'Bbb text one here.' });
    await api.post('/api/articles').send({
      title: 'A story',
      outlet: 'Alpha',
      published: '2024-06-01',
      text: 'Aaa text two here, longer than the other one.',
    });
    const byTitle = (await api.get('/articles?sort=title&dir=asc')).text;
    expect(byTitle.indexOf('A story')).toBeLessThan(byTitle.indexOf('B story'));
    const byDateDesc = (await api.get('/articles?sort=published&dir=desc')).text;
    expect(byDateDesc.indexOf('A story')).toBeLessThan(byDateDesc.indexOf('B story'));
    const byOutlet = (await api.get('/articles?sort=outlet&dir=desc')).text;
    expect(byOutlet.indexOf('B story')).toBeLessThan(byOutlet.indexOf('A story'));
    await api.get('/articles?sort=nonsense').expect(200);
  });

  it('searches from the search page with highlighted matches', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    await api.post('/articles').type('form').send({ text, title: 'Dam' });
    const res = await api.get('/search?q=engineer').expect(200);
    expect(res.text).toContain('href="#found-articles">1 article<');
    expect(res.text).toContain('<mark>engineer</mark>');
  });

  it('shows article text containing markup as text, never as HTML', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const loc = (
      await api.post('/articles').type('form').send({
        text: 'He wrote <script>alert(1)</script> and <img src=x onerror=alert(2)> in the post.',
        title: '<b>bold</b> title',
      })
    ).headers.location;
    const page = await api.get(loc).expect(200);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).toContain('&lt;b&gt;bold&lt;/b&gt; title');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it.each(['/articles/12345', '/articles/12345/edit', '/articles/nope/delete', '/no-such-page'])(
    'answers %s with a 404 page',
    async (path) => {
      const { app, db } = makeApp();
      const api = await signIn(app, db);
      const res = await api.get(path).expect(404);
      expect(res.text).toContain('Error 404');
    },
  );

  it('leaves the database as it was when an uploaded file is refused', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const before = snapshotCounts(db);
    const res = await api.post('/articles').attach('files', Buffer.alloc(0), 'empty.txt').expect(400);
    expect(res.text).toContain('empty.txt');
    expect(snapshotCounts(db)).toEqual(before);
  });
});

describe('import form with odd input', () => {
  it('answers a field given twice with 400, not an error page', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const res = await api.post('/articles').type('form').send('text=Some+story+here.&outlet=A&outlet=B').expect(400);
    expect(res.text).toContain('give each field once');
  });
});
