/** The ClaimReview export: schema validation, the mission example's snapshot, scopes and filters. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import ajvFormats from 'ajv-formats';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportReport } from '../../src/corpus/reports.js';
import { completeSecondReview, giveVerdict, getPairVerdict } from '../../src/corpus/verdicts.js';
import { updateVerdict } from '../../src/store/verdicts.js';
import { getArticle } from '../../src/store/articles.js';
import type { ClaimReviewPublisher } from '../../src/reports/claimreview.js';
import type { Db } from '../../src/db.js';
import { projectRoot } from '../../src/paths.js';
import { buildMissionExample, type MissionExample } from '../helpers/report-fixture.js';
import { makeApp } from '../helpers/app.js';

// both packages are CommonJS: under NodeNext their default export is the module, which carries `default`
const AjvClass = Ajv.default;
const addFormats = ajvFormats.default;
const schema = JSON.parse(
  readFileSync(join(projectRoot, 'test/fixtures/claimreview/claimreview.schema.json'), 'utf8'),
) as object;
// strictRequired is off: "url or identifier" is required inside anyOf branches that do not repeat the properties
const ajv = new AjvClass({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const publisher: ClaimReviewPublisher = {
  name: 'Example Fact Desk',
  url: 'https://factdesk.example/',
  baseUrl: 'https://retold.factdesk.example',
};

/** The mission pair: "occupying American forces" retold as "the occupiers". */
function missionPairId(db: Db): number {
  const row = db
    .prepare(
      "SELECT p.id FROM pairs p JOIN quotes qa ON qa.id = p.quote_a JOIN quotes qb ON qb.id = p.quote_b WHERE qa.text LIKE '%occupying American forces%' AND qb.text LIKE 'We know that the occupiers%'",
    )
    .get() as { id: number } | undefined;
  if (!row) throw new Error('fixture: the mission pair was not found');
  return row.id;
}

/** The mission example with a second-reviewed verdict on the mission pair, at fixed times. */
function withVerdict(): MissionExample & { pairId: number } {
  const m = buildMissionExample();
  const pairId = missionPairId(m.db);
  const given = giveVerdict(
    m.db,
    pairId,
    { id: m.users.ana },
    {
      rating: 'distorted',
      rationale:
        'Newsweek printed "occupying American forces"; the later version puts "the occupiers" inside the quote marks.',
      needsSecondReview: true,
    },
  );
  expect(given.status).toBe('ok');
  expect(completeSecondReview(m.db, pairId, { id: m.users.ben }).status).toBe('ok');
  const v = getPairVerdict(m.db, pairId)!.verdict!;
  updateVerdict(m.db, v.id, {
    state: v.state,
    ratingId: v.ratingId,
    rationale: v.rationale,
    reviewerId: v.reviewerId,
    givenAt: '2025-04-10T09:30:00.000Z',
    needsSecondReview: false,
    secondReviewerId: v.secondReviewerId,
    secondReviewedAt: '2025-04-11T10:00:00.000Z',
    assigneeId: null,
  });
  return { ...m, pairId };
}

const exportOf = (m: MissionExample, scope: Parameters<typeof exportReport>[2], filters = {}) =>
  exportReport(m.db, 'claimreview', scope, filters, { claimReview: publisher });

describe('ClaimReview export of the mission example', () => {
  let m: MissionExample & { pairId: number };
  beforeAll(() => {
    m = withVerdict();
  });

  it('is valid against the ClaimReview schema and matches the snapshot', async () => {
    const out = exportOf(m, { kind: 'compare', articleIds: m.articles })!;
    expect(out.contentType).toMatch(/application\/ld\+json/);
    expect(out.filename).toBe(`retold-compare-${m.articles[0]}-${m.articles[1]}-claimreview.jsonld`);
    const doc = JSON.parse(out.body);
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
    expect(doc).toHaveLength(1);
    await expect(out.body).toMatchFileSnapshot('__snapshots__/mission.claimreview.jsonld');
  });

  it('reviews the retold version: its words, the speaker, and the later article that printed it', () => {
    const [review] = JSON.parse(exportOf(m, { kind: 'corpus' })!.body);
    const later = getArticle(m.db, m.articles[1])!;
    expect(review.claimReviewed).toMatch(/^We know that the occupiers/);
    expect(review.itemReviewed.author).toEqual({
      '@type': 'Person',
      name: expect.stringMatching(/Kataib|Hezbollah|Yasser|Yasir|al-/i),
    });
    expect(review.itemReviewed.appearance).toMatchObject({
      '@type': 'NewsArticle',
      headline: later.title,
      datePublished: later.published,
    });
    if (later.url) expect(review.itemReviewed.appearance.url).toBe(later.url);
    expect(review.reviewRating).toEqual({
      '@type': 'Rating',
      ratingValue: 3,
      bestRating: 6,
      worstRating: 1,
      alternateName: 'Distorted',
    });
    expect(review.author).toEqual({
      '@type': 'Organization',
      name: 'Example Fact Desk',
      url: 'https://factdesk.example/',
    });
    expect(review.url).toBe(`https://retold.factdesk.example/verdicts/${getPairVerdict(m.db, m.pairId)!.verdict!.id}`);
    expect(review.datePublished).toBe('2025-04-10');
  });

  it('follows the scope and filters of the other exports', () => {
    const count = (scope: Parameters<typeof exportReport>[2], filters = {}) =>
      JSON.parse(exportOf(m, scope, filters)!.body).length;
    expect(count({ kind: 'article', articleId: m.articles[0] })).toBe(1);
    expect(count({ kind: 'corpus' }, { reviewer: 'ana' })).toBe(1);
    expect(count({ kind: 'corpus' }, { reviewer: 'ben' })).toBe(0);
    expect(count({ kind: 'corpus' }, { from: '2025-04-10', to: '2025-04-10' })).toBe(1);
    expect(count({ kind: 'corpus' }, { from: '2025-04-11' })).toBe(0);
    const laterOutlet = getArticle(m.db, m.articles[1])!.outlet!;
    expect(count({ kind: 'outlet', outlet: laterOutlet })).toBe(1);
    expect(count({ kind: 'outlet', outlet: laterOutlet.toUpperCase() })).toBe(1);
    // the outlet filter keeps reviews of versions that outlet printed
    expect(count({ kind: 'compare', articleIds: m.articles }, { outlet: laterOutlet })).toBe(1);
    expect(count({ kind: 'compare', articleIds: m.articles }, { outlet: 'Newsweek' })).toBe(0);
    expect(exportOf(m, { kind: 'article', articleId: 9999 })).toBeUndefined();
  });

  it('leaves out pairs without a verdict', () => {
    const plain = buildMissionExample();
    expect(
      JSON.parse(exportReport(plain.db, 'claimreview', { kind: 'corpus' }, {}, { claimReview: publisher })!.body),
    ).toEqual([]);
  });
});

describe('the ClaimReview schema', () => {
  const good = () => JSON.parse(exportOf(withVerdict(), { kind: 'corpus' })!.body)[0];
  it.each([
    ['claimReviewed missing', (r: Record<string, any>) => delete r.claimReviewed],
    ['claimReviewed empty', (r: Record<string, any>) => (r.claimReviewed = '')],
    ['the rating without alternateName', (r: Record<string, any>) => delete r.reviewRating.alternateName],
    ['url missing', (r: Record<string, any>) => delete r.url],
    ['url not http(s)', (r: Record<string, any>) => (r.url = 'urn:x:1')],
    ['author missing', (r: Record<string, any>) => delete r.author],
    ['author without a name', (r: Record<string, any>) => delete r.author.name],
    ['a misspelt property', (r: Record<string, any>) => (r.claimReview = 'x')],
    ['the item not a Claim', (r: Record<string, any>) => (r.itemReviewed['@type'] = 'Thing')],
    ['a ratingValue without bounds', (r: Record<string, any>) => delete r.reviewRating.bestRating],
  ])('refuses a review with %s', (_name, spoil) => {
    const r = good();
    expect(validate([r])).toBe(true);
    spoil(r);
    expect(validate([r])).toBe(false);
  });
});

describe('GET /export?format=claimreview', () => {
  it('downloads the verdicts as ClaimReview with the configured organisation and address', async () => {
    const { app, db } = makeApp({
      publicUrl: 'https://checks.example.org',
      claimReviewAuthor: 'Checks Org',
      claimReviewAuthorUrl: null,
    });
    const m = buildMissionExample(db);
    const pairId = missionPairId(db);
    giveVerdict(db, pairId, { id: m.users.ana }, { rating: 'misleading', rationale: 'Loaded word put in the quote.' });
    for (const path of ['/export', '/api/export']) {
      const res = await request(app)
        .get(`${path}?format=claimreview&compare=${m.articles[0]},${m.articles[1]}`)
        .expect(200);
      expect(res.headers['content-type']).toMatch(/application\/ld\+json/);
      expect(res.headers['content-disposition']).toContain('claimreview.jsonld');
      const doc = JSON.parse(res.text);
      expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
      expect(doc[0].author).toEqual({ '@type': 'Organization', name: 'Checks Org' });
      expect(doc[0].url).toMatch(/^https:\/\/checks\.example\.org\/verdicts\/\d+$/);
      expect(doc[0].reviewRating.alternateName).toBe('Misleading');
    }
    await request(app).get('/api/export?format=claimreview&article=9999').expect(404);
    const page = await request(app).get(`/compare?a=${m.articles[0]}&b=${m.articles[1]}`).expect(200);
    expect(page.text).toContain('/export?format=claimreview&amp;compare=');
  });
});
