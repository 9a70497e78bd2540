/**
 * A trimmed quote whose later sentence changes what its kept words say is a
 * possible misquote (alteration kind `context`), from import through the
 * store to the comparison page, the API and the exports; the same trim in a
 * sentence that only attributes stays faithful (issue 14).
 */
import request from 'supertest';
import type { Express } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import { importArticle } from '../../src/corpus/articles.js';
import { listPairsBetween } from '../../src/store/pairs.js';
import type { Db } from '../../src/db.js';

const earlier = `Mayor promises teachers

The mayor spoke to reporters on Monday about the city budget and the schools.

"We will hire 500 new teachers for the schools of this city, and every one of them will be paid properly," Mayor Jane Okafor said.`;

const changed = `City hall and its schools

Reporters asked the mayor about the budget on Tuesday.

Mayor Jane Okafor promised to hire 5,000 "new teachers for the schools of this city" by the autumn.`;

const neutral = `Schools get more staff

Reporters asked the mayor about the budget on Wednesday.

Mayor Jane Okafor told reporters the city "will hire 500 new teachers for the schools of this city" and pay them properly.`;

describe('a trim in a sentence that changes its words', () => {
  let app: Express;
  let db: Db;
  const ids: number[] = [];
  beforeAll(() => {
    ({ app, db } = makeApp());
    for (const [text, outlet, published] of [
      [earlier, 'The Morning Paper', '2026-03-01'],
      [changed, 'The Evening Post', '2026-03-02'],
      [neutral, 'The Weekly', '2026-03-03'],
    ]) {
      const r = importArticle(db, { text, format: 'txt', outlet, published, title: null, author: null, url: null });
      if (r.status !== 'imported') throw new Error('fixture not imported');
      ids.push(r.article.id);
    }
  }, 60_000);

  const context = {
    kind: 'context',
    earlier: '500 new teachers for the schools of this city',
    later: 'Mayor Jane Okafor promised to hire 5,000 “new teachers for the schools of this city” by the autumn',
  };

  it('stores the pair with a context alteration, and the neutral trim with none', () => {
    const [a, b, c] = ids;
    const changedPairs = listPairsBetween(db, a, b);
    expect(changedPairs).toHaveLength(1);
    expect(changedPairs[0].alterations).toEqual([context]);
    const neutralPairs = listPairsBetween(db, a, c);
    expect(neutralPairs).toHaveLength(1);
    expect(neutralPairs[0].alterations).toEqual([]);
  });

  it('shows it as a possible misquote on the comparison page and in the API', async () => {
    const [a, b] = ids;
    const page = (await request(app).get(`/compare?a=${a}&b=${b}`).expect(200)).text;
    expect(page).toContain('<strong>Possible misquote</strong> — meaning changed by its sentence: 500 new teachers');
    const api = (await request(app).get(`/api/compare?a=${a}&b=${b}`).expect(200)).body as {
      pairs: { altered: unknown[] }[];
    };
    expect(api.pairs[0].altered).toEqual([context]);
  });

  it('marks it in the pairs CSV export', async () => {
    const [a, b] = ids;
    const csv = (await request(app).get(`/export?format=pairs-csv&pairs=all&compare=${a},${b}`).expect(200)).text;
    const [, first] = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(first).toContain('meaning changed by its sentence: 500 new teachers');
    expect(first).toContain(',yes,');
  });
});
