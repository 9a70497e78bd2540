import { describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';

const paragraphs = [
  'The city council approved a new bridge on Tuesday after a debate that lasted most of the evening and drew a large crowd.',
  '"This bridge will connect two neighbourhoods that have been apart for too long," Mayor Tom Reed said after the vote.',
  'Construction starts next year and should take three years. The budget is twelve million dollars, paid by the state and the city.',
  'Residents who spoke at the meeting were divided. Some welcomed a shorter commute, others feared more traffic on quiet streets.',
  'The council will publish the contract next month, and a public meeting on the design is planned for the autumn.',
];
const story = {
  title: 'Council approves new bridge',
  outlet: 'Riverside Gazette',
  published: '2024-05-02',
  url: 'https://example.org/bridge',
  text: paragraphs.join('\n\n'),
};
const edited = story.text.replace('twelve million dollars', 'fifteen million dollars');

describe('article versions', () => {
  it('keeps the old text as a version when the text is replaced, and diffs the two word by word', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const id = (await api.post('/api/articles').send(story).expect(201)).body.results[0].article.id as number;
    // an annotation on words that stay finds its place in the new text and can still be opened on the old
    const ann = await api
      .post('/api/annotations')
      .send({
        articleId: id,
        start: story.text.indexOf('Mayor Tom Reed'),
        end: story.text.indexOf('Mayor Tom Reed') + 14,
        note: 'who',
      })
      .expect(201);
    const replaced = await api.post(`/api/articles/${id}/text`).send({ text: edited }).expect(200);
    expect(replaced.body).toMatchObject({ status: 'replaced', version: 2 });

    const list = await api.get(`/api/articles/${id}/versions`).expect(200);
    expect(list.body.versions.map((v: { number: number; current: boolean }) => [v.number, v.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(list.body.versions[0].supersededBy).toBe('replace');
    const old = await api.get(`/api/articles/${id}/versions/1`).expect(200);
    expect(old.body.version.text).toContain('twelve million dollars');
    expect(old.body.version.quotes.some((q: { text: string }) => q.text.includes('connect two neighbourhoods'))).toBe(
      true,
    );
    await api.get(`/api/articles/${id}/versions/3`).expect(404);

    const page = await api.get(`/articles/${id}/versions`).expect(200);
    expect(page.text).toMatch(/<del>twelve<\/del>\s*<ins>fifteen<\/ins>/);
    const oldPage = await api.get(`/articles/${id}/versions/1`).expect(200);
    expect(oldPage.text).toContain(`data-annotation="${ann.body.annotation.id}"`);
    const articlePage = await api.get(`/articles/${id}`).expect(200);
    expect(articlePage.text).toContain(`href="/articles/${id}/versions"`);
  });

  it('makes a re-import of the same address with changed text a version, and an earlier version a duplicate', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const id = (await api.post('/api/articles').send(story).expect(201)).body.results[0].article.id as number;
    const again = await api
      .post('/api/articles')
      .send({ ...story, text: edited })
      .expect(201);
    expect(again.body.results[0]).toMatchObject({ status: 'version', article: { id }, version: 2 });
    expect((await api.get('/api/articles')).body.articles).toHaveLength(1);
    expect((await api.get(`/api/articles/${id}`)).body.article.text).toContain('fifteen million');
    const old = await api
      .post('/api/articles')
      .send({ ...story, url: undefined })
      .expect(200);
    expect(old.body.results[0]).toMatchObject({ status: 'duplicate', existing: { id } });
  });

  it('asks whether a near-identical import from another address is a new version, and merges it when told so', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const id = (await api.post('/api/articles').send(story).expect(201)).body.results[0].article.id as number;
    const near = await api
      .post('/api/articles')
      .send({ ...story, url: 'https://mirror.example.net/bridge', text: edited })
      .expect(201);
    const result = near.body.results[0];
    expect(result).toMatchObject({ status: 'imported', newVersionOf: { id } });
    expect(result.newVersionOf.shared).toBeGreaterThanOrEqual(0.9);
    const newId = result.article.id as number;
    const page = await api.get(`/articles/${newId}`).expect(200);
    expect(page.text).toContain('Is it a new version of it?');

    const merged = await api.post(`/api/articles/${newId}/version-of`).send({ target: id }).expect(200);
    expect(merged.body).toMatchObject({ articleId: id, version: 2 });
    await api.get(`/api/articles/${newId}`).expect(404);
    const versions = (await api.get(`/api/articles/${id}/versions`)).body.versions;
    expect(versions.map((v: { supersededBy: string | null }) => v.supersededBy)).toEqual(['merge', null]);
  });

  it('does not ask about a different story, and forgets the question when told it is separate', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    await api.post('/api/articles').send(story).expect(201);
    const other = await api
      .post('/api/articles')
      .send({
        ...story,
        url: 'https://example.org/harbour',
        text: paragraphs.slice(0, 2).join('\n\n') + '\n\nA storm closed the harbour.',
      })
      .expect(201);
    expect(other.body.results[0].newVersionOf).toBeUndefined();
    const near = await api
      .post('/api/articles')
      .send({ ...story, url: 'https://mirror.example.net/bridge', text: edited })
      .expect(201);
    const newId = near.body.results[0].article.id as number;
    await api.post(`/api/articles/${newId}/separate`).expect(200);
    expect((await api.get(`/articles/${newId}`)).text).not.toContain('Is it a new version of it?');
  });
});
