/**
 * An article in a right-to-left script reads right to left: the title, every
 * paragraph and every quote shown on its own take their direction from their
 * own first strong letter (dir="auto", <bdi>), so an Arabic sentence is not
 * laid out as a left-to-right line with its full stop at the wrong end.
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { makeApp } from '../helpers/app.js';
import { importArticle } from '../../src/corpus/articles.js';

const arabic = `تقرير عن الانسحاب

قال المتحدث إن "القوات ستنسحب بحلول نهاية 2025" في بيان رسمي يوم الثلاثاء.`;

const retold = `المتحدث يؤكد موعد الانسحاب

أكد المتحدث في مؤتمر صحفي أن "القوات ستنسحب بحلول نهاية 2025" كما أعلن سابقا.`;

describe('right-to-left articles', () => {
  let app: Express;
  let id: number;
  beforeAll(() => {
    const made = makeApp();
    app = made.app;
    const first = importArticle(made.db, { text: arabic, format: 'txt' });
    if (first.status !== 'imported') throw new Error('the article was not imported');
    id = first.article.id;
    importArticle(made.db, { text: retold, format: 'txt' });
  });

  it('gives the title and each paragraph their own direction on the article page', async () => {
    const page = (await request(app).get(`/articles/${id}`).expect(200)).text;
    expect(page).toMatch(/<h1 dir="auto">تقرير عن الانسحاب<\/h1>/);
    const paragraphs = page.match(/<p [^>]*data-start="\d+"/g) ?? [];
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const p of paragraphs) expect(p).toContain('dir="auto"');
  });

  it('isolates each quote listed on the statements page', async () => {
    const page = (await request(app).get('/statements').expect(200)).text;
    expect(page).toContain('<bdi>“القوات ستنسحب بحلول نهاية 2025”</bdi>');
  });
});
