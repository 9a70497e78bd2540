/**
 * Possible misquotes (pairs with alterations) come first and carry a badge
 * with the alteration on the comparison page, the statement pages, the home
 * page's featured comparisons and in the exports (issue 14).
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

"We will hire 500 new teachers for the schools of this city," Mayor Jane Okafor said.

"The library on Main Street will stay open every weekend this year," Okafor said.`;

const later = `City hall and its schools

Reporters asked the mayor about the budget on Tuesday.

"We will hire 5,000 new teachers for the schools of this city," Mayor Jane Okafor said.

"The library on Main Street will stay open every weekend this year," Okafor told the paper.`;

describe('possible misquotes first', () => {
  let app: Express;
  let db: Db;
  let a: number;
  let b: number;
  beforeAll(() => {
    ({ app, db } = makeApp());
    const add = (text: string, outlet: string, published: string) => {
      const r = importArticle(db, { text, format: 'txt', outlet, published, title: null, author: null, url: null });
      if (r.status !== 'imported') throw new Error('fixture not imported');
      return r.article.id;
    };
    a = add(earlier, 'The Morning Paper', '2026-03-01');
    b = add(later, 'The Evening Post', '2026-03-02');
  }, 60_000);

  it('pairs both statements, the changed figure as a possible misquote', () => {
    const pairs = listPairsBetween(db, a, b);
    expect(pairs).toHaveLength(2);
    expect(pairs[0].alterations).toEqual([{ kind: 'number', earlier: '500', later: '5,000' }]);
    expect(pairs[1].alterations).toEqual([]);
  });

  it('puts the misquote first on the comparison page with its badge and its alteration above the other changes', async () => {
    const page = (await request(app).get(`/compare?a=${b}&b=${a}`).expect(200)).text;
    const first = page.indexOf('id="pair-1"');
    const second = page.indexOf('id="pair-2"');
    const badge = page.indexOf('<strong>Possible misquote</strong> — figure changed: 500 → 5,000');
    expect(badge).toBeGreaterThan(first);
    expect(badge).toBeLessThan(second);
    expect(page.slice(first, second)).toMatch(
      /<ul class="changes">\s*<li class="change change-alteration"><strong>figure changed: 500 → 5,000<\/strong><\/li>/,
    );
    expect(page.slice(second)).not.toContain('Possible misquote');
    // listed once, as the alteration: not again as the word diff's figure bullet
    expect(page.slice(first, second)).not.toContain('change-number-changed');
    expect(page.slice(second)).not.toContain('figure changed');
  });

  it('marks the misquote on the statements list, the statement timeline and the home page', async () => {
    const list = (await request(app).get('/statements').expect(200)).text;
    const hire = list.indexOf('hire');
    const library = list.indexOf('library');
    expect(hire).toBeGreaterThan(0);
    expect(hire).toBeLessThan(library);
    expect(list).toContain('<strong>Possible misquote</strong> — figure changed: 500 → 5,000');
    const id = listPairsBetween(db, a, b)[0].quoteA;
    const show = (await request(app).get(`/statements/${id}`).expect(200)).text;
    expect(show).toContain('<strong>Possible misquote</strong> — figure changed: 500 → 5,000');
    const home = (await request(app).get('/').expect(200)).text;
    expect(home).toContain('<strong>1 possible misquote</strong> — figure changed: 500 → 5,000');
  });

  it('puts the misquote first in the HTML, Markdown and pairs CSV exports, marked', async () => {
    const html = (await request(app).get(`/export?format=html&pairs=all&compare=${a},${b}`).expect(200)).text;
    expect(html.indexOf('Possible misquote')).toBeLessThan(html.indexOf('library'));
    expect(html).toContain('<p class="misquote"><strong>Possible misquote</strong> — figure changed: 500 → 5,000</p>');
    const md = (await request(app).get(`/export?format=md&pairs=all&compare=${a},${b}`).expect(200)).text;
    expect(md).toContain('**Possible misquote** — figure changed: 500 → 5,000');
    expect(md.indexOf('Possible misquote')).toBeLessThan(md.indexOf('library'));
    const csv = (await request(app).get(`/export?format=pairs-csv&pairs=all&compare=${a},${b}`).expect(200)).text;
    const [header, first, second] = csv.replace(/^\ufeff/, '').split('\r\n');
    const col = header.split(',').indexOf('possible_misquote');
    expect(col).toBeGreaterThan(0);
    expect(first).toContain('figure changed: 500 → 5,000');
    expect(first).toContain(',yes,');
    expect(second).toContain('library');
  });
});
