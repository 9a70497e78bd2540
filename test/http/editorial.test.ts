import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, signIn, snapshotCounts } from '../helpers/app.js';
import { importArticle } from '../../src/corpus/articles.js';
import { analyzeStoredArticle } from '../../src/corpus/analysis.js';
import { loadSampleCorpus } from '../../src/corpus/samples.js';
import { listAnnotations } from '../../src/corpus/annotations.js';
import { changeTag, ensureTags } from '../../src/corpus/tags.js';
import { EDITORIAL_CATEGORIES } from '../../src/editorial/index.js';
import { getArticle } from '../../src/store/articles.js';
import { listEditorialSpans } from '../../src/store/editorial.js';
import type { Db } from '../../src/db.js';

// An opinion-site paragraph with loaded words in the writer's voice and in a quotation.
const OPINION = [
  'Regime Digs In',
  '',
  'The brazen regime has, of course, trampled on every promise it made. Officials insisted the talks were a success.',
  '',
  '"We will crush the traitors who sow chaos," the minister said on Tuesday.',
].join('\n');

function importOpinion(db: Db, text = OPINION): number {
  const result = importArticle(db, {
    text,
    title: 'Regime Digs In',
    outlet: 'The Daily Opinion',
    author: null,
    published: '2025-04-02',
    url: null,
    format: 'txt',
  });
  if (result.status !== 'imported') throw new Error(`test: import failed (${result.status})`);
  return result.article.id;
}

function firstSpan(db: Db, articleId: number) {
  const spans = listEditorialSpans(db, articleId);
  if (spans.length === 0) throw new Error('test: the opinion text should yield suggestions');
  return spans[0];
}

describe('editorial categories', () => {
  it('lists every category with its definition on /editorial', async () => {
    const { app } = makeApp();
    const res = await request(app).get('/editorial').expect(200);
    for (const c of EDITORIAL_CATEGORIES) {
      expect(res.text).toContain(`id="${c.id}"`);
      // definitions are escaped text; compare without the apostrophes EJS encodes
      expect(res.text).toContain(c.definition.split("'")[0].slice(0, 40));
    }
    expect(res.text).toContain('href="/editorial">Editorial categories</a>');
  });

  it('returns the categories as JSON', async () => {
    const { app } = makeApp();
    const res = await request(app).get('/api/editorial/categories').expect(200);
    expect(res.body.categories.map((c: { id: string }) => c.id)).toEqual(EDITORIAL_CATEGORIES.map((c) => c.id));
    expect(res.body.categories.every((c: { definition: string }) => c.definition.length > 20)).toBe(true);
  });
});

describe("an article's suggestions", () => {
  it('lists the suggestions with links to their highlights, a density chart and a link to the categories', async () => {
    const { app, db } = makeApp();
    const id = importOpinion(db);
    const spans = listEditorialSpans(db, id);
    const res = await request(app).get(`/articles/${id}`).expect(200);
    expect(res.text).toContain('id="suggestions"');
    for (const s of spans) expect(res.text).toContain(`href="#editorial-${s.id}"`);
    expect(res.text).toMatch(/<svg class="density-chart"[^>]*role="img"/);
    expect(res.text).toContain('<title id="density-title">');
    // viewers see the list but no decision buttons
    expect(res.text).not.toContain(`/editorial/${spans[0].id}/accept`);
    const reviewer = await signIn(app, db, 'reviewer');
    const page = await reviewer.get(`/articles/${id}`).expect(200);
    expect(page.text).toContain(`action="/editorial/${spans[0].id}/accept"`);
    expect(page.text).toContain(`action="/editorial/${spans[0].id}/dismiss"`);
    expect(page.text).toMatch(/name="_csrf" value="[^"]+"/);
  });

  it('returns the suggestions with status and density as JSON', async () => {
    const { app, db } = makeApp();
    const id = importOpinion(db);
    const res = await request(app).get(`/api/articles/${id}/editorial`).expect(200);
    expect(res.body.spans.length).toBe(listEditorialSpans(db, id).length);
    expect(res.body.spans.every((s: { status: string }) => s.status === 'suggested')).toBe(true);
    const words = getArticle(db, id)!.wordCount;
    expect(res.body.density.total).toBeCloseTo((res.body.spans.length * 1000) / words);
    await request(app).get('/api/articles/999/editorial').expect(404);
  });

  it('escapes article text in the suggestions list and the chart', async () => {
    const { app, db } = makeApp();
    const id = importOpinion(db, `${OPINION}\n\nThe <b>brazen</b> regime's "reforms" are a sham.`);
    const res = await request(app).get(`/articles/${id}`).expect(200);
    expect(res.text).not.toContain('<b>brazen</b>');
    expect(res.text).toContain('&lt;b&gt;');
  });
});

describe('accepting and dismissing suggestions', () => {
  it.each(['accept', 'dismiss'] as const)(
    'lets a reviewer %s a suggestion through the form and redirects to the article',
    async (action) => {
      const { app, db } = makeApp();
      const id = importOpinion(db);
      const span = firstSpan(db, id);
      const agent = await signIn(app, db, 'reviewer');
      const res = await agent
        .post(`/editorial/${span.id}/${action}`)
        .type('form')
        .send({ back: `/articles/${id}#suggestions` })
        .expect(303);
      expect(res.headers.location).toBe(`/articles/${id}#suggestions`);
      const status = listEditorialSpans(db, id).find((s) => s.id === span.id)!.status;
      expect(status).toBe(action === 'accept' ? 'accepted' : 'dismissed');
    },
  );

  it('does not redirect to another site', async () => {
    const { app, db } = makeApp();
    const id = importOpinion(db);
    const span = firstSpan(db, id);
    const agent = await signIn(app, db, 'reviewer');
    const res = await agent
      .post(`/editorial/${span.id}/dismiss`)
      .type('form')
      .send({ back: '//evil.example/' })
      .expect(303);
    expect(res.headers.location).toBe(`/articles/${id}#suggestions`);
  });

  it('annotates the accepted words with the category tag in one click, once', async () => {
    const { app, db } = makeApp();
    const id = importOpinion(db);
    const span = firstSpan(db, id);
    const agent = await signIn(app, db, 'reviewer', 'rita');
    const res = await agent.post(`/api/editorial/${span.id}/accept`).send({}).expect(200);
    expect(res.body.annotation).toMatchObject({
      articleId: id,
      start: span.start,
      end: span.end,
      exact: span.text,
      tagId: span.category,
      creatorName: 'rita',
      status: 'active',
    });
    await agent.post(`/editorial/${span.id}/accept`).type('form').send({}).expect(303);
    const made = listAnnotations(db, { articleId: id });
    expect(made).toHaveLength(1);
    expect(made[0].id).toBe(res.body.annotation.id);
  });

  it('still accepts the suggestion when its tag is retired, and says why no annotation was made', async () => {
    const { app, db } = makeApp();
    const id = importOpinion(db);
    const span = firstSpan(db, id);
    ensureTags(db);
    expect(changeTag(db, span.category, { retired: true }).status).toBe('ok');
    const agent = await signIn(app, db, 'reviewer');
    const res = await agent.post(`/api/editorial/${span.id}/accept`).send({}).expect(200);
    expect(res.body.span.status).toBe('accepted');
    expect(res.body.annotation).toBeNull();
    expect(res.body.annotationError).toMatch(/retired/);
    expect(listAnnotations(db, { articleId: id })).toHaveLength(0);
  });

  it.each(['accept', 'dismiss'] as const)('answers the API %s with the span and its new status', async (action) => {
    const { app, db } = makeApp();
    const id = importOpinion(db);
    const span = firstSpan(db, id);
    const agent = await signIn(app, db, 'reviewer');
    const res = await agent.post(`/api/editorial/${span.id}/${action}`).send({}).expect(200);
    expect(res.body.span).toMatchObject({ id: span.id, status: action === 'accept' ? 'accepted' : 'dismissed' });
    await agent.post(`/api/editorial/99999/${action}`).send({}).expect(404);
  });

  it.each([
    ['anonymous', 401],
    ['viewer', 403],
  ] as const)('refuses an %s user with %i and changes nothing', async (who, status) => {
    const { app, db } = makeApp();
    const id = importOpinion(db);
    const span = firstSpan(db, id);
    const agent = who === 'anonymous' ? request.agent(app) : await signIn(app, db, 'viewer');
    if (who === 'anonymous') {
      const me = await agent.get('/api/me').expect(200);
      agent.set('x-csrf-token', me.body.csrfToken as string);
    }
    const before = snapshotCounts(db);
    await agent.post(`/api/editorial/${span.id}/dismiss`).send({}).expect(status);
    expect(snapshotCounts(db)).toEqual(before);
    expect(listEditorialSpans(db, id)[0].status).toBe('suggested');
  });

  it('refuses a decision without the CSRF token', async () => {
    const { app, db } = makeApp();
    const id = importOpinion(db);
    const span = firstSpan(db, id);
    const agent = await signIn(app, db, 'reviewer');
    agent.set('x-csrf-token', 'wrong');
    const res = await agent.post(`/editorial/${span.id}/dismiss`).type('form').send({});
    expect(res.status).toBe(403);
    expect(listEditorialSpans(db, id)[0].status).toBe('suggested');
  });

  it('keeps a dismissed suggestion dismissed after the article is analysed again', async () => {
    const { app, db } = makeApp();
    const id = importOpinion(db);
    const span = firstSpan(db, id);
    const agent = await signIn(app, db, 'reviewer');
    await agent.post(`/api/editorial/${span.id}/dismiss`).send({}).expect(200);
    // another article's spans take the next ids, so the re-analysed spans get new ones
    importOpinion(db, OPINION.replace('Tuesday', 'Wednesday'));
    db.transaction(() => analyzeStoredArticle(db, getArticle(db, id)!))();
    const after = listEditorialSpans(db, id);
    // the spans were stored afresh; the decision finds them by words, category and start
    expect(after.some((s) => s.id === span.id)).toBe(false);
    const same = after.find((s) => s.text === span.text && s.start === span.start && s.category === span.category);
    expect(same?.status).toBe('dismissed');
    expect(after.filter((s) => s !== same).every((s) => s.status === 'suggested')).toBe(true);
    // and it is no longer highlighted on the page
    const page = await request(app).get(`/articles/${id}`).expect(200);
    expect(page.text).not.toContain(`id="editorial-${same!.id}"`);
    expect(page.text).toContain(`id="editorial-${after.find((s) => s !== same)!.id}"`);
  });
});

describe('editorial language on the comparison page', () => {
  /** The ids of the sample articles by their file prefix (imported in manifest order). */
  function sampleIds(db: Db): Record<string, number> {
    const rows = db.prepare('SELECT id FROM articles ORDER BY id').all() as { id: number }[];
    return Object.fromEntries(rows.map((r, i) => [`00${i}`, r.id]));
  }

  it('reports loaded words the later retelling puts inside the quote marks (samples 000 and 001)', async () => {
    const { app, db } = makeApp();
    loadSampleCorpus(db);
    const ids = sampleIds(db);
    const res = await request(app).get(`/compare?a=${ids['000']}&b=${ids['001']}`).expect(200);
    const lines = [...res.text.matchAll(/<li class="change change-loaded-inside-quote">([^<]*)<\/li>/g)].map(
      (m) => m[1],
    );
    expect(lines.some((l) => l.includes('destroy the Palestinians') && l.includes('inside the quote marks'))).toBe(
      true,
    );
    const api = await request(app).get(`/api/compare?a=${ids['000']}&b=${ids['001']}`).expect(200);
    const pair = api.body.pairs.find((p: { later: { text: string } }) =>
      p.later.text.includes('to destroy the Palestinians'),
    );
    expect(pair.earlier.text).toContain('Battle of the Al-Aqsa Flood');
    const finding = pair.changes.find((c: { type: string }) => c.type === 'loaded-inside-quote');
    expect(finding).toMatchObject({ category: 'loaded-term', later: 'destroy the Palestinians' });
    expect(finding.words).toEqual(expect.arrayContaining(['destroy', 'Palestinians']));
  });

  it('stops reporting the words once a reviewer dismisses the suggestion', async () => {
    const { app, db } = makeApp();
    loadSampleCorpus(db);
    const ids = sampleIds(db);
    const span = listEditorialSpans(db, ids['001']).find((s) => s.text.includes('destroy the Palestinians'))!;
    const agent = await signIn(app, db, 'reviewer');
    await agent.post(`/api/editorial/${span.id}/dismiss`).send({}).expect(200);
    const api = await request(app).get(`/api/compare?a=${ids['000']}&b=${ids['001']}`).expect(200);
    const found = api.body.pairs
      .flatMap((p: { changes: { type: string; later?: string }[] }) => p.changes)
      .filter((c: { type: string; later?: string }) => c.type === 'loaded-inside-quote');
    expect(found.map((c: { later?: string }) => c.later)).not.toContain('destroy the Palestinians');
  });

  it("shows both articles' density charts side by side with their own ids", async () => {
    const { app, db } = makeApp();
    loadSampleCorpus(db);
    const ids = sampleIds(db);
    const res = await request(app).get(`/compare?a=${ids['000']}&b=${ids['001']}`).expect(200);
    expect(res.text.match(/<svg class="density-chart"/g)).toHaveLength(2);
    expect(res.text).toContain('id="density-earlier-title"');
    expect(res.text).toContain('id="density-later-title"');
  });

  it('escapes an outlet name in the chart title', async () => {
    const { app, db } = makeApp();
    const a = importOpinion(db);
    const b = importArticle(db, {
      text: OPINION.replace('Tuesday', 'Friday'),
      title: 'Second',
      outlet: 'Tom & <Jerry>',
      author: null,
      published: '2025-05-01',
      url: null,
      format: 'txt',
    });
    if (b.status !== 'imported') throw new Error('test: import failed');
    const res = await request(app).get(`/compare?a=${a}&b=${b.article.id}`).expect(200);
    expect(res.text).toContain('Editorial language per 1,000 words: Tom &amp; &lt;Jerry&gt;</title>');
    expect(res.text).not.toContain('<Jerry>');
  });
});
