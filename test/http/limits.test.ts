/** Bounded requests: the number of articles one request may hold. */
import { describe, expect, it } from 'vitest';
import { makeApp, signIn, snapshotCounts } from '../helpers/app.js';

const article = (i: number) => ({
  title: `Story ${i}`,
  text: `The harbour reopened on day ${i}, officials said, and boats went out again.`,
});

describe('articles per request', () => {
  it('refuses a JSON array over the limit with 413 naming the limit, and stores none of it', async () => {
    const { app, db } = makeApp({ maxArticles: 3 });
    const api = await signIn(app, db);
    const before = snapshotCounts(db);
    const res = await api.post('/api/articles').send([1, 2, 3, 4].map(article)).expect(413);
    expect(res.body.results[0].error).toMatch(/4 articles, over the limit of 3 per request \(RETOLD_MAX_ARTICLES\)/);
    expect(snapshotCounts(db)).toEqual(before);
    const ok = await api.post('/api/articles').send([1, 2, 3].map(article)).expect(201);
    expect(ok.body.results).toHaveLength(3);
  });
});
