/** The statements pages and the comparison page over the sample corpus. */
import request from 'supertest';
import type { Express } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeApp, signIn } from '../helpers/app.js';
import { loadSampleCorpus } from '../../src/corpus/samples.js';
import type { Db } from '../../src/db.js';

interface Version {
  quote: { id: number; articleId: number; text: string; kind: string };
}
const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

describe('statements and comparison pages', () => {
  let app: Express;
  let db: Db;
  let statements: { id: number; versions: Version[] }[];
  beforeAll(async () => {
    ({ app, db } = makeApp());
    loadSampleCorpus(db);
    statements = (await request(app).get('/api/statements').expect(200)).body.statements;
  }, 60_000);

  it('lists reported speech without quotation marks and quotes with them', async () => {
    const page = (await request(app).get('/statements').expect(200)).text;
    const kinds = new Set(statements.map((s) => s.versions[0].quote.kind));
    expect(kinds.size).toBeGreaterThan(0);
    for (const s of statements) {
      const q = s.versions[0].quote;
      const shown = escape(q.text.length > 140 ? q.text.slice(0, 137) + '…' : q.text);
      if (q.kind === 'indirect') {
        expect(page).toContain(`title="reported speech, not a quotation">${shown}`);
        expect(page).not.toContain(`“${shown}”`);
      } else expect(page).toContain(`“${shown}”`);
    }
  });

  it('never links a statement to an article compared with itself, and lands at the pair', async () => {
    let links = 0;
    for (const s of statements) {
      const page = (await request(app).get(`/statements/${s.id}`).expect(200)).text;
      expect(page).not.toMatch(/\/compare\?a=(\d+)&amp;b=\1\b/);
      for (const m of page.matchAll(/href="(\/compare\?a=(\d+)&amp;b=(\d+)#pair-id-(\d+))"/g)) {
        links++;
        expect(m[2]).not.toBe(m[3]);
        const compare = (await request(app).get(m[1].replace(/&amp;/g, '&').replace(/#.*/, '')).expect(200)).text;
        expect(compare).toContain(`id="pair-id-${m[4]}"`);
      }
      expect(page).not.toMatch(/href="\/compare\?a=\d+&amp;b=\d+"/);
    }
    expect(links).toBeGreaterThan(0);
  });

  it('shows each later version of a statement with its diff against the earliest', async () => {
    const s = statements.find((x) => x.versions.some((v) => v.quote.text !== x.versions[0].quote.text))!;
    const page = (await request(app).get(`/statements/${s.id}`).expect(200)).text;
    const diffs = [...page.matchAll(/<p class="timeline-diff">([\s\S]*?)<\/p>/g)].map((m) => m[1]);
    expect(diffs).toHaveLength(s.versions.length - 1);
    expect(diffs.some((d) => /<(del|ins)>/.test(d))).toBe(true);
  });

  it('keeps the downloads and a table of the statements in a bar at the top of the comparison', async () => {
    const [a, b] = [
      statements[0].versions[0].quote.articleId,
      statements[0].versions.find((v) => v.quote.articleId !== statements[0].versions[0].quote.articleId)!.quote
        .articleId,
    ];
    const page = (await request(app).get(`/compare?a=${a}&b=${b}`).expect(200)).text;
    const bar = /<nav class="compare-bar"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? '';
    expect(page.indexOf('class="compare-bar"')).toBeLessThan(page.indexOf('class="pair"'));
    expect(bar).toMatch(/download href="\/export\?format=html&amp;compare=/);
    const pairs = (page.match(/<li class="pair" /g) ?? []).length;
    expect(pairs).toBeGreaterThan(0);
    expect((bar.match(/<li><a href="#pair-\d+">/g) ?? []).length).toBe(pairs);
    // score and fidelity are two separate, labelled figures
    expect(page).toMatch(
      /<span class="figure-label">Same statement<\/span> <span class="figure-value">score [\d.]+<\/span>/,
    );
    expect(page).toMatch(
      /<span class="figure-label">Words kept<\/span> <span class="figure-value">fidelity [^<]+%<\/span>/,
    );
  });

  it('draws both density charts on one scale with labels of 12 px or more', async () => {
    const page = (await request(app).get('/compare?a=1&b=2').expect(200)).text;
    const charts = page.match(/<svg class="density-chart"[\s\S]*?<\/svg>/g) ?? [];
    expect(charts).toHaveLength(2);
    const ratios = charts.flatMap((svg) =>
      [
        ...svg.matchAll(
          /<rect class="bar bar-\w+"[^>]* width="([\d.]+)"[^>]*\/><text class="bar-value"[^>]*>\w+ ([\d.]+)<\/text>/g,
        ),
      ]
        // bars of 2 or more per 1,000 words: their one-decimal labels are within 2.5 % of the value drawn
        .filter((m) => Number(m[2]) >= 2)
        .map((m) => ({ chart: svg, perUnit: Number(m[1]) / Number(m[2]) })),
    );
    expect(new Set(ratios.map((r) => r.chart)).size).toBe(2);
    // pixels per unit of density: the same in both charts
    const perUnit = ratios.map((r) => r.perUnit);
    expect(Math.max(...perUnit) / Math.min(...perUnit)).toBeLessThan(1.06);
    for (const svg of charts)
      for (const m of svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(12);
  });

  it('shows an annotation made on the comparison page there after saving', async () => {
    const s = statements.find((x) => new Set(x.versions.map((v) => v.quote.articleId)).size > 1)!;
    const q = s.versions[0].quote;
    const other = s.versions.find((v) => v.quote.articleId !== q.articleId)!.quote;
    const agent = await signIn(app, db);
    const words = q.text.split(' ').slice(0, 3).join(' ');
    const article =
      (await request(app).get(`/api/articles/${q.articleId}`)).body.article ??
      (await request(app).get(`/api/articles/${q.articleId}`)).body;
    const start = (article.text as string).indexOf(words);
    await agent
      .post('/api/annotations')
      .send({ articleId: q.articleId, start, end: start + words.length, exact: words, note: 'Seen on the comparison' })
      .expect(201);
    const page = (await agent.get(`/compare?a=${q.articleId}&b=${other.articleId}`).expect(200)).text;
    expect(page).toMatch(/<span class="ann"[^>]*data-annotation="\d+"/);
    expect(page).toContain('Seen on the comparison');
  });
});
