/** The CSV of pairs: one row per pair, reviewed pairs by default, the verdict with it, and the CSV injection rules. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { exportReport } from '../../src/corpus/reports.js';
import { giveVerdict } from '../../src/corpus/verdicts.js';
import { renderPairsCsv, pairsCsvColumns, type PairCsvRow } from '../../src/reports/pairs-csv.js';
import { buildMissionExample } from '../helpers/report-fixture.js';
import { makeApp } from '../helpers/app.js';
import type { Db } from '../../src/db.js';

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF), independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') ((field += '"'), (i += 1));
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && s[i + 1] === '\n') continue;
    else if (c === '\n') (row.push(field), rows.push(row), (row = []), (field = ''));
    else field += c;
  }
  if (field !== '' || row.length) (row.push(field), rows.push(row));
  return rows;
}

function missionPairId(db: Db): number {
  return (
    db
      .prepare(
        "SELECT p.id FROM pairs p JOIN quotes qb ON qb.id = p.quote_b WHERE qb.text LIKE 'We know that the occupiers%'",
      )
      .get() as { id: number }
  ).id;
}

describe('pairs CSV of the mission example', () => {
  it('holds reviewed pairs by default and every pair with pairs=all, each with its verdict', () => {
    const m = buildMissionExample();
    const scope = { kind: 'compare' as const, articleIds: m.articles };
    const csv = (pairs?: 'all') => parseCsv(exportReport(m.db, 'pairs-csv', scope, { pairs })!.body);
    expect(csv()).toEqual([[...pairsCsvColumns]]);
    const all = csv('all');
    const total = (m.db.prepare('SELECT count(*) AS n FROM pairs').get() as { n: number }).n;
    expect(all.length - 1).toBe(total);
    const id = missionPairId(m.db);
    giveVerdict(
      m.db,
      id,
      { id: m.users.ana },
      { rating: 'distorted', rationale: '=HYPERLINK("http://x") "the occupiers", not the forces' },
    );
    const reviewed = csv();
    expect(reviewed).toHaveLength(2);
    const row = Object.fromEntries(pairsCsvColumns.map((c, i) => [c, reviewed[1][i]]));
    expect(row).toMatchObject({
      pair_id: String(id),
      state: 'verdict-given',
      verdict: 'distorted',
      verdict_label: 'Distorted',
      reviewer: 'ana',
      earlier_date: '2025-03-20',
      later_outlet: 'afgazad.com',
    });
    expect(row.earlier_version).toContain('occupying American forces');
    expect(row.later_version).toMatch(/^We know that the occupiers/);
    expect(row.speaker).toBe('Firas al-Yasser');
    expect(row.changes).toMatch(/Dropped from the quote: 'occupying', 'American', 'forces'/);
    // formula injection: the rationale starts with = and gets an apostrophe
    expect(row.rationale).toBe(`'=HYPERLINK("http://x") "the occupiers", not the forces`);
    expect(Number(row.fidelity)).toBeGreaterThan(0);
    expect(exportReport(m.db, 'pairs-csv', { kind: 'article', articleId: 9999 }, {})).toBeUndefined();
    expect(parseCsv(exportReport(m.db, 'pairs-csv', scope, { reviewer: 'ben' })!.body)).toHaveLength(1);
  });
});

describe('renderPairsCsv', () => {
  const row = (over: Partial<PairCsvRow>): PairCsvRow => ({
    pairId: 1,
    relation: 'trimmed',
    score: 0.81234,
    state: 'confirmed',
    earlier: { articleId: 1, title: 'A', outlet: 'Wire', published: '2025-01-01', text: 'one' },
    later: { articleId: 2, title: 'B', outlet: null, published: null, text: 'two' },
    speaker: null,
    alterations: [],
    changes: [],
    fidelity: 0.5,
    verdict: null,
    ...over,
  });
  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['line\nbreak, "quoted"', 'line\nbreak, "quoted"'],
  ])('keeps %j as %j when read back', (text, expected) => {
    const out = renderPairsCsv([row({ later: { articleId: 2, title: 'B', outlet: null, published: null, text } })]);
    expect(out.startsWith('\ufeff')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    const [, r] = parseCsv(out);
    expect(r[pairsCsvColumns.indexOf('later_version')]).toBe(expected);
    expect(r[pairsCsvColumns.indexOf('later_outlet')]).toBe('B');
    expect(r[pairsCsvColumns.indexOf('score')]).toBe('0.812');
  });
});

describe('GET /export?format=pairs-csv', () => {
  it('downloads the CSV of pairs with the pairs option', async () => {
    const { app, db } = makeApp();
    const m = buildMissionExample(db);
    const res = await request(app)
      .get(`/export?format=pairs-csv&pairs=all&compare=${m.articles[0]},${m.articles[1]}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toContain('-pairs.csv');
    expect(parseCsv(res.text).length).toBeGreaterThan(2);
    await request(app)
      .get(`/api/export?format=pairs-csv&pairs=some&compare=${m.articles[0]},${m.articles[1]}`)
      .expect(400);
  });
});
