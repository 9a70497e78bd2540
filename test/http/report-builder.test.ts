/** The report builder: choosing pairs, the writer's summary and conclusion, saved reports, from the pages and the API. */
import request from 'supertest';
import type { Express } from 'express';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';
import type { Db } from '../../src/db.js';

const bridgeText =
  'Other news.\n\nThe mayor promised to "rebuild the bridge over the river by July" whatever the council decides.\n\n"Taxes will not rise this year," the treasurer said.';

/** Two dated articles: a full quote retold as a partial one (June became July), and a tax quote printed verbatim. */
async function twoArticles(app: Express, db: Db) {
  const api = await signIn(app, db);
  const add = async (body: object) =>
    (await api.post('/api/articles').send(body).expect(201)).body.results[0].article.id as number;
  const a = await add({
    title: 'Council day',
    outlet: 'Daily',
    published: '2024-01-01',
    text: 'City news.\n\n"We will rebuild the bridge over the river by June, whatever the council decides," the mayor said.\n\n"Taxes will not rise this year," the treasurer said.',
  });
  const b = await add({ title: 'Bridge promise', outlet: 'Weekly', published: '2024-01-05', text: bridgeText });
  const pairs = (await request(app).get(`/api/compare?a=${a}&b=${b}`).expect(200)).body.pairs as {
    id: number;
    relation: string;
    later: { kind: string };
  }[];
  expect(pairs).toHaveLength(2);
  const bridge = pairs.find((p) => p.later.kind === 'partial')!.id;
  const taxes = pairs.find((p) => p.later.kind === 'full')!.id;
  return { api, a, b, bridge, taxes };
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];

describe('report builder', () => {
  it('offers the pairs of a comparison with the reviewed ones ticked, saves a choice, and makes the report from it', async () => {
    const { app, db } = makeApp();
    const { api, a, b, bridge, taxes } = await twoArticles(app, db);
    await api.post(`/api/pairs/${taxes}/review`).send({ status: 'confirmed' }).expect(200);
    // an annotation on the partial quote's words, shown with its pair
    const start = bridgeText.indexOf('rebuild the bridge');
    await api
      .post('/api/annotations')
      .send({
        articleId: b,
        start,
        end: start + 'rebuild the bridge over the river by July'.length,
        note: 'June became *July*.',
      })
      .expect(201);

    const builder = await api.get(`/reports/new?compare=${a},${b}`).expect(200);
    expect(builder.text).toContain(`<input type="checkbox" name="pair" value="${taxes}" checked>`);
    expect(builder.text).toContain(`<input type="checkbox" name="pair" value="${bridge}">`);
    const all = await api.get(`/reports/new?compare=${a},${b}&pairs=all`).expect(200);
    expect(all.text).toContain(`<input type="checkbox" name="pair" value="${bridge}" checked>`);

    const saved = await api
      .post('/reports')
      .type('form')
      .send({
        _csrf: csrfOf(builder.text),
        compare: `${a},${b}`,
        pair: String(bridge),
        title: 'The bridge deadline',
        summary: 'The deadline **moved**.\n\nA second <script>alert(1)</script> paragraph.',
        conclusion: 'Misquoted: see [the council](https://example.org/c).',
      })
      .expect(303);
    const id = Number(/^\/reports\/(\d+)$/.exec(saved.headers.location)![1]);
    const page = await api.get(`/reports/${id}`).expect(200);
    expect(page.text).toContain('<h1>The bridge deadline</h1>');
    expect(page.text).toContain(`<input type="checkbox" name="pair" value="${bridge}" checked>`);
    expect(page.text).toContain(`<input type="checkbox" name="pair" value="${taxes}">`);
    expect(page.text).toContain('<p>The deadline <strong>moved</strong>.</p><p>A second &lt;script&gt;');

    const html = (await request(app).get(`/reports/${id}/export?format=html`).expect(200)).text;
    expect(html).toContain('<title>The bridge deadline</title>');
    expect(html).toContain('<section id="summary" class="summary"><h2>Summary</h2>');
    expect(html).toContain('A second &lt;script&gt;alert(1)&lt;/script&gt; paragraph.');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="https://example.org/c" rel="nofollow noopener">the council</a>');
    // the partial quote in its sentence, the annotation with its pair, the other pair left out
    expect(html).toMatch(
      /Later \(partial, in its sentence\)<\/p><p class="quote"><span class="context">The mayor promised to &quot;<\/span><strong class="quoted">.*July.*<\/strong><span class="context">&quot; whatever the council decides\.<\/span>/,
    );
    expect(html).toMatch(/<h4>Annotations on this pair<\/h4>[\s\S]*June became <em>July<\/em>/);
    expect(html).toContain('<h2>Other annotations</h2>');
    expect(html).toContain('Every annotation is shown with its pair.');
    expect(html).not.toContain('Taxes will not rise');
    expect(html).toContain('1 other pair of these articles is not in this report');
    expect(html.indexOf('<h2>Conclusion</h2>')).toBeGreaterThan(html.indexOf('Statement 1'));
    const md = await request(app).get(`/reports/${id}/export?format=md`).expect(200);
    expect(md.headers['content-disposition']).toContain(`retold-report-${id}.md`);
    expect(md.text).toContain(
      '## Summary\n\nThe deadline **moved**.\n\nA second \\<script\\>alert\\(1\\)\\</script\\> paragraph.',
    );
    expect(md.text).toMatch(/- Later \(partial, in its sentence\): The mayor promised to "\*\*.*July.*\*\*" whatever/);
    expect(md.text).toContain('**Annotations on this pair:**');
    expect(md.text).toContain('## Conclusion\n\nMisquoted: see [the council](<https://example.org/c>).');
    const csv = (await request(app).get(`/reports/${id}/export?format=pairs-csv`).expect(200)).text;
    expect(csv).toContain('rebuild the bridge');
    expect(csv).not.toContain('Taxes');
    expect((await request(app).get('/reports').expect(200)).text).toContain(
      `href="/reports/${id}">The bridge deadline</a>`,
    );
  });

  it('keeps a saved choice when an article is analysed again and its pairs get new ids', async () => {
    const { app, db } = makeApp();
    const { api, a, b, bridge } = await twoArticles(app, db);
    const r = await api
      .post('/api/reports')
      .send({ compare: `${a},${b}`, pairs: [bridge], title: 'Bridge' })
      .expect(201);
    const id = r.body.report.id as number;
    expect(r.body.report.selection).toBe('chosen');
    // the same quotes in another order: the store numbers the pairs afresh
    const reordered = bridgeText.split('\n\n').reverse().join('\n\n');
    await api.post(`/api/articles/${b}/text`).send({ text: reordered }).expect(200);
    const now = await request(app).get(`/api/compare?a=${a}&b=${b}`).expect(200);
    const newBridge = now.body.pairs.find((p: { later: { kind: string } }) => p.later.kind === 'partial').id;
    expect(newBridge).not.toBe(bridge);
    const shown = await request(app).get(`/api/reports/${id}`).expect(200);
    expect(shown.body.pairIds).toEqual([newBridge]);
    expect(shown.body.missing).toBe(0);
    const html = (await request(app).get(`/api/reports/${id}/export?format=html`).expect(200)).text;
    expect(html).toContain('rebuild the bridge');
    expect(html).not.toContain('Taxes will not rise');
  });

  it('saves and changes a report through the API; PATCH keeps what it does not name', async () => {
    const { app, db } = makeApp();
    const { api, a, b, bridge, taxes } = await twoArticles(app, db);
    const r = await api
      .post('/api/reports')
      .send({ compare: `${a},${b}`, pairs: `${taxes}`, summary: 'Only taxes.' })
      .expect(201);
    const id = r.body.report.id;
    const p = await api.patch(`/api/reports/${id}`).send({ conclusion: 'Faithful.' }).expect(200);
    expect(p.body.report).toMatchObject({ summary: 'Only taxes.', conclusion: 'Faithful.', selection: 'chosen' });
    expect((await request(app).get(`/api/reports/${id}`)).body.pairIds).toEqual([taxes]);
    await api.patch(`/api/reports/${id}`).send({ pairs: 'all' }).expect(200);
    expect((await request(app).get(`/api/reports/${id}`)).body.pairIds.sort()).toEqual([bridge, taxes].sort());
    expect((await request(app).get('/api/reports')).body.reports).toHaveLength(1);
    const candidates = (await request(app).get(`/api/reports/candidates?compare=${a},${b}`).expect(200)).body.pairs;
    expect(candidates.map((c: { id: number; earlier: { outlet: string } }) => [c.id, c.earlier.outlet]).sort()).toEqual(
      [
        [bridge, 'Daily'],
        [taxes, 'Daily'],
      ].sort(),
    );
  });

  it('refuses pairs outside the scope, bad input, readers who may not write, and unknown reports', async () => {
    const { app, db } = makeApp();
    const { api, a, b, bridge } = await twoArticles(app, db);
    const bad = await api
      .post('/api/reports')
      .send({ compare: `${a},${b}`, pairs: [bridge, 9999] })
      .expect(400);
    expect(bad.body.errors.pairs).toMatch(/9999/);
    await api
      .post('/api/reports')
      .send({ compare: `${a},${a}` })
      .expect(400);
    await api.post('/api/reports').send({ article: 9999 }).expect(404);
    await api
      .post('/api/reports')
      .send({ compare: `${a},${b}`, summary: 'x'.repeat(20_001) })
      .expect(400);
    const viewer = await signIn(app, db, 'viewer');
    await viewer
      .post('/api/reports')
      .send({ compare: `${a},${b}` })
      .expect(403);
    await request(app)
      .post('/api/reports')
      .send({ compare: `${a},${b}` })
      .expect(401);
    await request(app).get('/reports/9999').expect(404);
    await request(app).get('/api/reports/9999/export?format=html').expect(404);
    await request(app).get('/reports/new?article=9999').expect(404);
    // a refused form comes back with the user's words and the reason, 400
    const builder = await api.get(`/reports/new?compare=${a},${b}`).expect(200);
    const again = await api
      .post('/reports')
      .type('form')
      .send({ _csrf: csrfOf(builder.text), compare: `${a},${b}`, pair: '9999', summary: 'My careful summary' })
      .expect(400);
    expect(again.text).toContain('My careful summary');
    expect(again.text).toContain('9999 is not a pair of this report');
  });

  it('chooses pairs on the export itself: reviewed by default, all, or by id, with a summary and a conclusion', async () => {
    const { app, db } = makeApp();
    const { api, a, b, bridge, taxes } = await twoArticles(app, db);
    await api.post(`/api/pairs/${taxes}/review`).send({ status: 'confirmed' }).expect(200);
    const get = async (q: string) =>
      (await request(app).get(`/api/export?format=html&compare=${a},${b}${q}`).expect(200)).text;
    const reviewed = await get('');
    expect(reviewed).toContain('Taxes will not rise');
    expect(reviewed).not.toContain('rebuild the bridge');
    const every = await get('&pairs=all');
    expect(every).toContain('rebuild the bridge');
    const chosen = await get(`&pairs=${bridge}&summary=${encodeURIComponent('Short *summary*')}&conclusion=Done`);
    expect(chosen).toContain('rebuild the bridge');
    expect(chosen).not.toContain('Taxes will not rise');
    expect(chosen).toContain('Short <em>summary</em>');
    expect(chosen).toContain('<h2>Conclusion</h2>\n<p>Done</p>');
    const refused = await request(app)
      .get(`/api/export?format=html&compare=${a},${b}&pairs=${bridge},424242`)
      .expect(400);
    expect(refused.body.errors.pairs).toMatch(/424242/);
    await request(app).get(`/api/export?format=md&compare=${a},${b}&pairs=some`).expect(400);
  });
});
