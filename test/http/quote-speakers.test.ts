import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn, snapshotCounts } from '../helpers/app.js';
import { importArticle } from '../../src/corpus/articles.js';
import { analyzeStoredArticle } from '../../src/corpus/analysis.js';
import { getArticle } from '../../src/store/articles.js';
import { listPairsBetween } from '../../src/store/pairs.js';
import { listQuotesOfArticle, type QuoteRow } from '../../src/store/quotes.js';
import type { Db } from '../../src/db.js';

// the second quotation has no attribution anywhere near it
const TEXT = [
  'Harbour Vote Delayed',
  '',
  'The council met on Monday to discuss the harbour plan.',
  '',
  '“We will not sign this plan,” said Mayor Jane Okafor.',
  '',
  'Residents gathered outside the hall in the rain.',
  '',
  '“Nobody asked the fishermen what they think.”',
].join('\n');

function importHarbour(db: Db, text = TEXT): number {
  const result = importArticle(db, {
    text,
    title: 'Harbour Vote Delayed',
    outlet: 'Coast Ledger',
    author: null,
    published: '2025-04-02',
    url: null,
    format: 'txt',
  });
  if (result.status !== 'imported') throw new Error(`test: import failed (${result.status})`);
  return result.article.id;
}

function quoteWith(db: Db, articleId: number, words: string): QuoteRow {
  const q = listQuotesOfArticle(db, articleId).find((x) => x.text.includes(words));
  if (!q) throw new Error(`test: no quote with "${words}"`);
  return q;
}

describe('quotes without a speaker on the article page', () => {
  it('marks them as having no speaker, and shows viewers no form', async () => {
    const { app, db } = makeApp();
    const id = importHarbour(db);
    expect(quoteWith(db, id, 'Nobody asked').speakerId).toBeNull();
    const res = await request(app).get(`/articles/${id}`).expect(200);
    expect(res.text).toContain('<span class="no-speaker">no speaker</span>');
    expect(res.text).toContain('1 of 2 quotes have no speaker');
    expect(res.text).not.toContain('/speaker"');
  });

  it('gives reviewers a form with the CSRF token for every quote', async () => {
    const { app, db } = makeApp();
    const id = importHarbour(db);
    const agent = await signIn(app, db, 'reviewer');
    const page = await agent.get(`/articles/${id}`).expect(200);
    for (const q of listQuotesOfArticle(db, id)) expect(page.text).toContain(`action="/quotes/${q.id}/speaker"`);
    expect(page.text).toMatch(/name="_csrf" value="[^"]+"/);
  });
});

describe('assigning and correcting a speaker', () => {
  it('assigns a speaker through the page form and redirects back to the quotes', async () => {
    const { app, db } = makeApp();
    const id = importHarbour(db);
    const q = quoteWith(db, id, 'Nobody asked');
    const agent = await signIn(app, db, 'reviewer');
    const res = await agent
      .post(`/quotes/${q.id}/speaker`)
      .type('form')
      .send({ speaker: 'Tom Reyes', back: `/articles/${id}#quotes` })
      .expect(303);
    expect(res.headers.location).toBe(`/articles/${id}#quotes`);
    const after = quoteWith(db, id, 'Nobody asked');
    expect(after).toMatchObject({ speaker: 'Tom Reyes', speakerName: 'Tom Reyes' });
    const page = await agent.get(`/articles/${id}`).expect(200);
    expect(page.text).toContain(`<a href="/speakers/${after.speakerId}">Tom Reyes</a>`);
  });

  it('corrects a speaker through the API and joins an existing speaker entity', async () => {
    const { app, db } = makeApp();
    const id = importHarbour(db);
    const okafor = quoteWith(db, id, 'not sign');
    const q = quoteWith(db, id, 'Nobody asked');
    const agent = await signIn(app, db, 'reviewer');
    const res = await agent.post(`/api/quotes/${q.id}/speaker`).send({ speaker: 'Okafor' }).expect(200);
    expect(res.body.quote).toMatchObject({
      id: q.id,
      speakerId: okafor.speakerId,
      speaker: 'Jane Okafor',
      speakerName: 'Okafor',
    });
  });

  it('keeps the correction when the article is analysed again and when its text is replaced', async () => {
    const { app, db } = makeApp();
    const id = importHarbour(db);
    const agent = await signIn(app, db, 'reviewer');
    await agent
      .post(`/api/quotes/${quoteWith(db, id, 'not sign').id}/speaker`)
      .send({ speaker: 'Jane Okafor-Reyes' })
      .expect(200);
    await agent
      .post(`/api/quotes/${quoteWith(db, id, 'Nobody asked').id}/speaker`)
      .send({ speaker: 'Tom Reyes' })
      .expect(200);
    db.transaction(() => analyzeStoredArticle(db, getArticle(db, id)!))();
    expect(quoteWith(db, id, 'Nobody asked').speakerName).toBe('Tom Reyes');
    expect(quoteWith(db, id, 'not sign').speakerName).toBe('Jane Okafor-Reyes');
    const corrected = TEXT.replace('in the rain', 'in the pouring rain');
    await agent.post(`/api/articles/${id}/text`).send({ text: corrected }).expect(200);
    expect(getArticle(db, id)!.text).toContain('pouring rain');
    expect(quoteWith(db, id, 'Nobody asked')).toMatchObject({ speaker: 'Tom Reyes', speakerName: 'Tom Reyes' });
    expect(quoteWith(db, id, 'not sign').speakerName).toBe('Jane Okafor-Reyes');
  });

  it('pairs with the reviewed speaker, not the extracted one, when the article is analysed again', async () => {
    const { app, db } = makeApp();
    const first = importHarbour(db);
    const retold = TEXT.replace('said Mayor Jane Okafor', 'said Councillor Tom Reyes');
    const second = importArticle(db, {
      text: retold,
      title: 'Harbour Plan Stalls',
      outlet: 'Bay Herald',
      author: null,
      published: '2025-04-03',
      url: null,
      format: 'txt',
    });
    if (second.status !== 'imported') throw new Error('test: import failed');
    const id = second.article.id;
    const reasons = () => listPairsBetween(db, first, id).flatMap((p) => p.reasons);
    expect(reasons()).toContain('different speakers');
    const agent = await signIn(app, db, 'reviewer');
    await agent
      .post(`/api/quotes/${quoteWith(db, id, 'not sign').id}/speaker`)
      .send({ speaker: 'Jane Okafor' })
      .expect(200);
    db.transaction(() => analyzeStoredArticle(db, getArticle(db, id)!))();
    expect(reasons()).toContain('same speaker');
    expect(reasons()).not.toContain('different speakers');
  });

  it('refuses anonymous users, viewers, a missing CSRF token, an empty name and an unknown quote, changing nothing', async () => {
    const { app, db } = makeApp();
    const id = importHarbour(db);
    const q = quoteWith(db, id, 'Nobody asked');
    const before = snapshotCounts(db);
    await request(app).post(`/api/quotes/${q.id}/speaker`).send({ speaker: 'Tom Reyes' }).expect(401);
    const viewer = await signIn(app, db, 'viewer');
    await viewer.post(`/api/quotes/${q.id}/speaker`).send({ speaker: 'Tom Reyes' }).expect(403);
    const reviewer = await signIn(app, db, 'reviewer');
    await reviewer
      .post(`/api/quotes/${q.id}/speaker`)
      .set('x-csrf-token', 'wrong')
      .send({ speaker: 'Tom Reyes' })
      .expect(403);
    const empty = await reviewer.post(`/api/quotes/${q.id}/speaker`).send({ speaker: '   ' }).expect(400);
    expect(empty.body.error).toContain('speaker name is required');
    await reviewer.post(`/api/quotes/${q.id}/speaker`).send({ speaker: 'Tom\nReyes' }).expect(400);
    await reviewer.post('/api/quotes/999999/speaker').send({ speaker: 'Tom Reyes' }).expect(404);
    const after = snapshotCounts(db);
    // signing in adds sessions and users; nothing else may change
    for (const table of ['quotes', 'speakers', 'quote_speaker_reviews']) expect(after[table]).toBe(before[table]);
    expect(quoteWith(db, id, 'Nobody asked').speakerId).toBeNull();
  });

  it('escapes the speaker name on the page', async () => {
    const { app, db } = makeApp();
    const id = importHarbour(db);
    const agent = await signIn(app, db, 'reviewer');
    await agent
      .post(`/api/quotes/${quoteWith(db, id, 'Nobody asked').id}/speaker`)
      .send({ speaker: '<script>x</script> Reyes' })
      .expect(200);
    const page = await agent.get(`/articles/${id}`).expect(200);
    expect(page.text).not.toContain('<script>x</script>');
    expect(page.text).toContain('&lt;script&gt;');
  });
});
