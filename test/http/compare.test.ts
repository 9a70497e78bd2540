import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';
import { loadSampleCorpus } from '../../src/corpus/samples.js';
import type { Db } from '../../src/db.js';

/** The ids of the sample articles by their file prefix. */
function sampleIds(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT id, original FROM articles ORDER BY id').all() as { id: number; original: string }[];
  const files = ['000', '001', '002', '003', '004'];
  return Object.fromEntries(rows.map((r, i) => [files[i], r.id]));
}

describe('comparison of the mission example', () => {
  it('shows the paired statements with word diffs, strongest first', async () => {
    const { app, db } = makeApp();
    loadSampleCorpus(db);
    const ids = sampleIds(db);
    const res = await request(app).get(`/compare?a=${ids['001']}&b=${ids['000']}`).expect(200);
    // the earlier article (000, 20 March) is on the left whatever the order asked
    expect(/Earlier<\/p>\s*<h2><a href="\/articles\/(\d+)"/.exec(res.text)?.[1]).toBe(String(ids['000']));
    expect(res.text).toMatch(/Statements in common \(\d+\)/);
    // the mission pair: occupying American forces → occupiers
    expect(res.text).toMatch(/<del>[^<]*occupying American forces[^<]*<\/del>/);
    expect(res.text).toMatch(/<ins>[^<]*occupiers[^<]*<\/ins>/);
    expect(res.text).toContain('What changed');
    expect(res.text).toMatch(/moved from inside the quote into the writer/);
    expect(res.text).toContain('/static/compare.js');
  });

  it('offers the comparison from the home page and the article page', async () => {
    const { app, db } = makeApp();
    loadSampleCorpus(db);
    const ids = sampleIds(db);
    const home = await request(app).get('/').expect(200);
    const first = /<li class="card first">\s*<a href="\/compare\?a=(\d+)&amp;b=(\d+)"/.exec(home.text);
    expect(first).not.toBeNull();
    expect([Number(first![1]), Number(first![2])].sort()).toEqual([ids['000'], ids['001']].sort());
    const article = await request(app).get(`/articles/${ids['000']}`).expect(200);
    expect(article.text).toContain('Compare with…');
    expect(article.text).toContain(`/compare?a=${ids['000']}&amp;b=${ids['001']}`);
  });

  it('returns the comparison and its diffs as JSON', async () => {
    const { app, db } = makeApp();
    loadSampleCorpus(db);
    const ids = sampleIds(db);
    const res = await request(app).get(`/api/compare?a=${ids['000']}&b=${ids['001']}`).expect(200);
    expect(res.body.earlier.id).toBe(ids['000']);
    expect(res.body.pairs.length).toBeGreaterThan(3);
    const scores = res.body.pairs.map((p: { score: number }) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const mission = res.body.pairs.find((p: { later: { text: string } }) =>
      p.later.text.startsWith('We know that the occupiers'),
    );
    expect(mission).toBeDefined();
    expect(mission.earlier.text).toContain('occupying American forces');
    expect(mission.diffHtml).toContain('<del>');
    expect(mission.fidelity).toBeGreaterThan(0);
    expect(mission.fidelity).toBeLessThan(1);
    await request(app).get('/api/compare?a=1').expect(400);
    await request(app).get('/api/compare?a=1&b=999').expect(404);
  });

  it('compares two articles with nothing in common, side by side', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const a = (
      await api
        .post('/api/articles')
        .send({ title: 'Bakery', text: 'A bakery opened on Main Street.\n\nIt sells bread.' })
    ).body.results[0].article.id;
    const b = (await api.post('/api/articles').send({ title: 'Ferry', text: 'The ferry was delayed by fog.' })).body
      .results[0].article.id;
    const res = await request(app).get(`/compare?a=${a}&b=${b}`).expect(200);
    expect(res.text).toContain('Statements in common (0)');
    expect(res.text).toContain('It sells bread.');
    expect(res.text).toContain('class="gap"');
  });

  it('escapes markup in article text in both the pairs and the whole-article view', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const quote = '"We will <script>alert(1)</script> rebuild the bridge by June," the mayor said.';
    const a = (
      await api.post('/api/articles').send({ title: 'A', published: '2024-01-01', text: `City news.\n\n${quote}` })
    ).body.results[0].article.id;
    const b = (
      await api
        .post('/api/articles')
        .send({ title: 'B', published: '2024-01-02', text: `Other news.\n\n${quote.replace('by June', 'by July')}` })
    ).body.results[0].article.id;
    const res = await request(app).get(`/compare?a=${a}&b=${b}`).expect(200);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;');
  });

  it('lets a reviewer reject a pair, which is then never suggested again', async () => {
    const { app, db } = makeApp();
    loadSampleCorpus(db);
    const ids = sampleIds(db);
    const reviewer = await signIn(app, db);
    const before = (await request(app).get(`/api/compare?a=${ids['000']}&b=${ids['001']}`)).body.pairs;
    const target = before[before.length - 1];
    await request(app).post(`/api/pairs/${target.id}/review`).send({ status: 'rejected' }).expect(401);
    await reviewer.post(`/api/pairs/${target.id}/review`).send({ status: 'rejected' }).expect(200);
    const after = (await request(app).get(`/api/compare?a=${ids['000']}&b=${ids['001']}`)).body.pairs;
    expect(after.map((p: { id: number }) => p.id)).not.toContain(target.id);
    expect(after).toHaveLength(before.length - 1);
  });
});

describe('linking two statements by hand', () => {
  it('offers reviewers a form that links two quotes, shown afterwards as a confirmed pair', async () => {
    const { app, db } = makeApp();
    const reviewer = await signIn(app, db);
    const a = (
      await reviewer.post('/api/articles').send({
        title: 'A',
        published: '2024-01-01',
        text: 'The mayor spoke on Monday.\n\n"The bridge will reopen in June," the mayor said.',
      })
    ).body.results[0].article.id;
    const b = (
      await reviewer.post('/api/articles').send({
        title: 'B',
        published: '2024-01-02',
        text: 'Council news.\n\n"Schools get new roofs this summer," the treasurer said.',
      })
    ).body.results[0].article.id;
    const page = await reviewer.get(`/compare?a=${a}&b=${b}`).expect(200);
    expect(page.text).toContain('Statements in common (0)');
    expect(page.text).toContain('Link two statements by hand');
    const quoteA = /<select id="link-a" name="quoteA"><option value="(\d+)"/.exec(page.text)![1];
    const quoteB = /<select id="link-b" name="quoteB"><option value="(\d+)"/.exec(page.text)![1];
    const res = await reviewer.post('/pairs').type('form').send({ quoteA, quoteB }).expect(303);
    const after = await reviewer.get(res.headers.location).expect(200);
    expect(after.text).toContain('Statements in common (1)');
    expect(after.text).toContain('<strong>confirmed</strong> by a reviewer');
    const anonymous = await request(app).get(`/compare?a=${a}&b=${b}`).expect(200);
    expect(anonymous.text).not.toContain('Link two statements by hand');
    await reviewer.post('/pairs').type('form').send({ quoteA, quoteB: quoteA }).expect(400);
  });
});
