/** Each export format on the mission example, and the escaping rules of each. */
import { beforeAll, describe, expect, it } from 'vitest';
import { exportReport } from '../../src/corpus/reports.js';
import { formatCsvField, neutralizeCell, renderAnnotationsCsv } from '../../src/reports/csv.js';
import { escapeMarkdown, renderReportMarkdown } from '../../src/reports/markdown.js';
import { renderReportHtml } from '../../src/reports/html.js';
import { measureDensity } from '../../src/editorial/index.js';
import type { Report, ReportAnnotation } from '../../src/reports/model.js';
import { buildMissionExample, type MissionExample } from '../helpers/report-fixture.js';

const fixed = {
  generatedAt: '2025-05-01T12:00:00.000Z',
  collectionId: 'urn:uuid:0b6c5a4e-1f2d-4e3c-9b8a-7d6e5f4a3b2c',
};

/**
 * A spreadsheet-style CSV reader (RFC 4180: quoted fields, doubled quotes,
 * CRLF or LF records, a leading byte order mark dropped), written here so the
 * test does not trust the writer's own assumptions.
 */
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

function annotation(over: Partial<ReportAnnotation>): ReportAnnotation {
  return {
    uuid: '00000000-0000-4000-8000-000000000001',
    articleId: 1,
    articleTitle: 'A title',
    articleSource: 'urn:retold:article:abc',
    articleOutlet: 'Wire',
    articlePublished: '2025-01-02',
    start: 0,
    end: 5,
    exact: 'words',
    prefix: '',
    suffix: '',
    tagId: 'trimmed',
    tagLabel: 'Trimmed',
    tagFamily: 'quote-handling',
    note: null,
    other: null,
    creatorName: 'ana',
    status: 'active',
    createdAt: '2025-04-01T09:00:00.000Z',
    modifiedAt: '2025-04-01T09:00:00.000Z',
    ...over,
  };
}

describe('exports of the mission example (samples 000 and 001)', () => {
  let m: MissionExample;
  beforeAll(() => {
    m = buildMissionExample();
  });
  // every pair, reviewed or not: the snapshot shows how each pair is rendered
  const render = (format: 'html' | 'md' | 'csv' | 'jsonld') =>
    exportReport(m.db, format, { kind: 'compare', articleIds: m.articles }, { pairs: 'all' }, fixed)!;

  it.each([
    ['html', 'mission.html'],
    ['md', 'mission.md'],
    ['csv', 'mission.csv'],
    ['jsonld', 'mission.jsonld'],
  ] as const)('renders %s as in the reviewed snapshot', async (format, file) => {
    await expect(render(format).body).toMatchFileSnapshot(`__snapshots__/${file}`);
  });

  it.each([
    ['html', 'text/html; charset=utf-8', 'retold-compare-1-2.html'],
    ['md', 'text/markdown; charset=utf-8', 'retold-compare-1-2.md'],
    ['csv', 'text/csv; charset=utf-8', 'retold-compare-1-2.csv'],
    ['jsonld', 'application/ld+json; charset=utf-8', 'retold-compare-1-2.jsonld'],
  ] as const)('gives %s its media type and file name', (format, type, name) => {
    const out = render(format);
    expect([out.contentType, out.filename]).toEqual([type, name]);
  });

  it('makes an HTML file that needs nothing from outside: no script, no stylesheet link, no remote source', () => {
    const html = render('html').body;
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(\s*['"]?https?:/i);
    expect(html).toMatch(/@media print/);
    expect(html).toMatch(/break-before: page/);
    expect(html).toMatch(/<del>[^<]+<\/del>/);
    expect(html).toContain('<svg class="density-chart"');
  });

  it('filters by reviewer and by tag', () => {
    const byBen = exportReport(m.db, 'csv', { kind: 'corpus' }, { reviewer: 'ben' }, fixed)!.body;
    expect(
      parseCsv(byBen)
        .slice(1)
        .map((r) => r[10]),
    ).toEqual(['ben', 'ben']);
    const trimmed = exportReport(m.db, 'csv', { kind: 'corpus' }, { tag: 'trimmed' }, fixed)!.body;
    expect(
      parseCsv(trimmed)
        .slice(1)
        .map((r) => r[8]),
    ).toEqual(['Trimmed']);
    const none = exportReport(m.db, 'csv', { kind: 'corpus' }, { from: '2025-04-06' }, fixed)!.body;
    expect(parseCsv(none)).toHaveLength(1);
  });

  it('gives undefined for an article that does not exist', () => {
    expect(exportReport(m.db, 'html', { kind: 'article', articleId: 999 }, {}, fixed)).toBeUndefined();
    expect(exportReport(m.db, 'csv', { kind: 'compare', articleIds: [1, 999] }, {}, fixed)).toBeUndefined();
  });
});

describe('CSV', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tlead tab', "'\tlead tab"],
    ['\rlead return', "'\rlead return"],
    ['plain = fine', 'plain = fine'],
  ])('neutralises a cell starting %j', (value, expected) => {
    expect(neutralizeCell(value)).toBe(expected);
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['plain', 'plain'],
  ])('quotes %j as RFC 4180 requires', (value, expected) => {
    expect(formatCsvField(value)).toBe(expected);
  });

  it('keeps notes with commas, quotes and line breaks intact through a spreadsheet-style parser', () => {
    const notes = [
      'one, two',
      'He said "stop", then left',
      'first line\nsecond line\r\nthird',
      '=HYPERLINK("http://x")',
      'ok',
    ];
    const csv = renderAnnotationsCsv(
      notes.map((note, i) => annotation({ note, uuid: `00000000-0000-4000-8000-00000000000${i}` })),
    );
    const rows = parseCsv(csv);
    expect(rows[0][9]).toBe('note');
    expect(rows.slice(1).map((r) => r[9])).toEqual([
      'one, two',
      'He said "stop", then left',
      'first line\nsecond line\r\nthird',
      '\'=HYPERLINK("http://x")',
      'ok',
    ]);
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
    expect(csv.startsWith('\ufeffid,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('Markdown and HTML escaping', () => {
  it.each([
    ['*bold* and _it_', '\\*bold\\* and \\_it\\_'],
    ['[link](http://x)', '\\[link\\](http://x)'.replace('(http', '\\(http').replace('x)', 'x\\)')],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['a | b', 'a \\| b'],
    ['<script>', '\\<script\\>'],
    ['line\nbreak', 'line<br>break'],
    ['U.S. troops - 2,500', 'U.S. troops - 2,500'],
  ])('escapes %j for Markdown', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  const report = (note: string): Report => ({
    title: 'T <b>',
    scope: { kind: 'corpus' },
    filters: {},
    generatedAt: '2025-05-01T12:00:00.000Z',
    articles: [
      {
        id: 1,
        title: '<img src=x onerror=alert(1)>',
        outlet: 'O&O',
        author: null,
        published: null,
        url: 'javascript:alert(1)',
        wordCount: 10,
        source: 'urn:retold:article:abc',
        density: measureDensity([], 10),
      },
    ],
    comparisons: [],
    annotations: [annotation({ note, exact: '<i>quoted</i>' })],
    tagTallies: [],
    categoryTallies: [],
  });

  it('escapes every piece of text in HTML and links only web addresses', () => {
    const html = renderReportHtml(report('</p><script>alert(1)</script>'));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;i&gt;quoted&lt;/i&gt;');
  });

  it('escapes article text and notes in Markdown', () => {
    const md = renderReportMarkdown(report('__not bold__ <script> **bold <b>**'));
    // the note's own marks stay marks, with their words escaped; nothing else of the writer's is markup
    expect(md).toContain('\\_\\_not bold\\_\\_ \\<script\\> **bold \\<b\\>**');
    expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(md).not.toContain('<javascript:');
  });
});
