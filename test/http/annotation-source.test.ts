import { describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';

const text = [
  'The city council approved a new bridge on Tuesday after a debate that lasted most of the evening.',
  '"This bridge will connect two neighbourhoods that have been apart for too long," Mayor Tom Reed said after the vote.',
  'Construction starts next year. The budget is twelve million dollars, paid by the state and the city.',
].join('\n\n');
const story = { title: 'Council approves new bridge', url: 'https://example.org/bridge', text };
const corrected = text.replace('twelve million', 'fifteen million');
const words = 'connect two neighbourhoods';

/** An instance with the story, one annotation on it, and a signed-in reviewer. */
async function instanceWith(article: object) {
  const { app, db } = makeApp();
  const api = await signIn(app, db);
  const id = (await api.post('/api/articles').send(article).expect(201)).body.results[0].article.id as number;
  return { api, id };
}

async function annotate(api: Awaited<ReturnType<typeof signIn>>, id: number, source: string) {
  const start = source.indexOf(words);
  await api
    .post('/api/annotations')
    .send({ articleId: id, start, end: start + words.length, note: 'check' })
    .expect(201);
}

const exportOf = async (api: Awaited<ReturnType<typeof signIn>>, id: number) =>
  JSON.parse((await api.get(`/api/export?format=jsonld&article=${id}`).expect(200)).text) as {
    first: { items: { target: Record<string, unknown> }[] };
  };

const importInto = (api: Awaited<ReturnType<typeof signIn>>, file: object) =>
  api.post('/api/annotations/import').set('content-type', 'application/ld+json').send(JSON.stringify(file)).expect(200);

describe('the source of exported annotations', () => {
  it('is the article’s address when it has one, with the text named beside it', async () => {
    const { api, id } = await instanceWith(story);
    await annotate(api, id, text);
    const target = (await exportOf(api, id)).first.items[0].target;
    expect(target.source).toBe('https://example.org/bridge');
    expect(target['dcterms:identifier']).toMatch(/^urn:retold:article:[0-9a-f]{64}$/);
  });

  it('is the text’s IRI when the article has no address', async () => {
    const { api, id } = await instanceWith({ ...story, url: undefined });
    await annotate(api, id, text);
    const target = (await exportOf(api, id)).first.items[0].target;
    expect(target.source).toMatch(/^urn:retold:article:/);
    expect(target['dcterms:identifier']).toBeUndefined();
  });

  it('lets an export made after a text replacement import where the original is held (found by the address)', async () => {
    const a = await instanceWith(story);
    await a.api.post(`/api/articles/${a.id}/text`).send({ text: corrected }).expect(200);
    await annotate(a.api, a.id, corrected);
    const file = await exportOf(a.api, a.id);
    const b = await instanceWith(story);
    const report = await importInto(b.api, file);
    expect(report.body.imported).toHaveLength(1);
    expect(report.body.imported[0]).toMatchObject({ articleId: b.id, placement: 'position' });
  });

  it('lets an export of the original import where the text was since replaced (found by the earlier version)', async () => {
    const a = await instanceWith({ ...story, url: undefined });
    await annotate(a.api, a.id, text);
    const file = await exportOf(a.api, a.id);
    const b = await instanceWith({ ...story, url: undefined });
    await b.api.post(`/api/articles/${b.id}/text`).send({ text: corrected }).expect(200);
    const report = await importInto(b.api, file);
    expect(report.body.imported).toHaveLength(1);
    expect(report.body.imported[0].articleId).toBe(b.id);
  });

  it('refuses a target no article here has, by either name', async () => {
    const a = await instanceWith(story);
    await annotate(a.api, a.id, text);
    const file = await exportOf(a.api, a.id);
    const b = await instanceWith({ ...story, url: 'https://example.org/other', text: `${text}\n\nA line added.` });
    const report = await importInto(b.api, file);
    expect(report.body.imported).toHaveLength(0);
    expect(report.body.refused[0].reason).toMatch(/no article here has the source https:\/\/example.org\/bridge/);
  });
});
