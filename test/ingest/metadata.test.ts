import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectMetadata, findSelfReference, makeFallbackTitle, prepareArticle } from '../../src/ingest/index.js';

const dir = fileURLToPath(new URL('../../data/samples/', import.meta.url));
const sample = (key: string): string =>
  readFileSync(dir + readdirSync(dir).find((f) => f.startsWith(key) && f.endsWith('.txt')), 'utf8');

const BODY =
  'The minister said on Tuesday that the talks would continue next week despite the protests outside parliament.';

describe('detectMetadata on the sample articles', () => {
  it.each([
    ['000', { title: null, published: '2025-03-20', author: null, outlet: null }],
    [
      '001',
      {
        title: 'Iraq Demands the Withdrawal of U.S. Troops',
        published: '2025-03-26',
        author: 'Viktor Mikhin',
        outlet: 'afgazad.com',
      },
    ],
    ['002', { title: null, published: null, author: null, outlet: 'Daily Express US' }],
    [
      '003',
      {
        title: 'US Troops Withdrawal from Iraq: Rising Tensions and Demands',
        published: null,
        author: null,
        outlet: null,
      },
    ],
    [
      '004',
      {
        title: 'Iraqi militias fighting US troops are not convinced Biden is ready to step down',
        published: null,
        author: null,
        outlet: 'Newsweek',
      },
    ],
  ])('reads the metadata of sample %s', (key, expected) => {
    expect(detectMetadata(sample(key))).toEqual(expected);
  });
});

describe("detectMetadata on other outlets' pages", () => {
  it.each([
    [
      'a wire story with a dateline header',
      `Ceasefire talks stall in Cairo\nBy Jane Doe\nMarch 5, 2024\n\n${BODY}`,
      { title: 'Ceasefire talks stall in Cairo', author: 'Jane Doe', published: '2024-03-05' },
    ],
    [
      'a newspaper byline with outlet and date',
      `Rail fares to rise again next year\n\nBy JOHN SMITH | Daily Planet | 24 March 2025\n\n${BODY}`,
      { title: 'Rail fares to rise again next year', author: 'John Smith', published: '2025-03-24' },
    ],
    [
      'a byline naming the writer and her paper',
      `Lake levels fall for a third summer\n\nBy Dana Whitfield, Lakeshore Ledger\n\n${BODY}`,
      { title: 'Lake levels fall for a third summer', author: 'Dana Whitfield' },
    ],
    [
      'a byline with two writers',
      `Port strike enters second week\n\nBy Ana Costa, Liam Byrne and Jo Park\n\n${BODY}`,
      { author: 'Ana Costa and Liam Byrne and Jo Park' },
    ],
    [
      'an ISO timestamp header',
      `Published: 2025-03-20T10:00:00Z\n\nCouncil approves new housing plan\n\n${BODY}`,
      { title: 'Council approves new housing plan', published: '2025-03-20' },
    ],
    ['an opinion signature', `${BODY}\n\nJane Roe, 24 March 2025`, { author: 'Jane Roe', published: '2025-03-24' }],
    ['a bio in asterisks', `${BODY}\n\n*Carlos Ruiz is a columnist based in Madrid.*`, { author: 'Carlos Ruiz' }],
    ['a footer web address', `${BODY}\n\nhttps://www.northern-post.example/news`, { outlet: 'northern-post.example' }],
    ['a copyright footer', `${BODY}\n\n© 2024 Northern Post. All rights reserved.`, { outlet: 'Northern Post' }],
    [
      'a promotional line naming the site',
      `${BODY}\n\nFor more of the latest news, visit The Daily Ledger.\n\n${BODY}`,
      { outlet: 'The Daily Ledger' },
    ],
    [
      'a headline in a script without capitals',
      `عراق خواستار خروج نیروهای آمریکایی شد\n\nیک مقام ارشد یک گروه شبه‌نظامی عراقی روز پنجشنبه گفت که نیروهای آمریکایی باید تا پایان سال ۲۰۲۵ از کشور خارج شوند و این خواسته قطعی است.`,
      { title: 'عراق خواستار خروج نیروهای آمریکایی شد' },
    ],
    [
      'an outlet asking for comment',
      `${BODY} The Guardian has contacted the ministry for comment.`,
      { outlet: 'The Guardian' },
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(detectMetadata(text)).toMatchObject(expected);
  });

  it('prefers the header date to a signature date and ignores dates in the story', () => {
    const text = `12.01.2024\n\nHospital strike enters second week\n\nThe strike began on January 3, 2024, doctors said, and talks are set for 15 January 2024.\n\nAnn Lee, January 10, 2024`;
    expect(detectMetadata(text)).toMatchObject({ published: '2024-01-12', author: 'Ann Lee' });
  });

  it('finds no date in a story that only mentions dates', () => {
    expect(detectMetadata(`${BODY} The deal was signed on March 14, 2024, in Baghdad.`).published).toBeNull();
  });

  it('does not take "told Reuters" in a retelling as the outlet', () => {
    expect(findSelfReference('"We will leave," he told Reuters, Reuters reported on Monday.')).toBeNull();
  });
});

describe('prepareArticle metadata', () => {
  it('keeps metadata given with the input over what the text says', () => {
    const a = prepareArticle({
      text: `Headline from the page text here\n\nBy Jane Doe\n\n${BODY}`,
      title: 'Given title',
      author: 'Given Author',
      outlet: 'Given Outlet',
      published: '5 March 2024',
    });
    expect(a).toMatchObject({
      title: 'Given title',
      titleSource: 'input',
      author: 'Given Author',
      outlet: 'Given Outlet',
      published: '2024-03-05',
    });
  });

  it('falls back to the first sentence, cut at a word boundary, when there is no title', () => {
    const a = prepareArticle({ text: `${BODY} ${BODY}` });
    expect(a.titleSource).toBe('fallback');
    expect(a.title.length).toBeLessThanOrEqual(101);
    expect(a.title.endsWith('…')).toBe(true);
    expect(BODY.startsWith(a.title.slice(0, -1))).toBe(true);
  });

  it.each([
    ['a short first sentence', 'Talks resumed. Nobody expected a deal.', 'Talks resumed'],
    [
      'a first line without a full stop',
      'Breaking news from the capital\nMore later',
      'Breaking news from the capital',
    ],
  ])('makes a fallback title from %s', (_name, text, title) => {
    expect(makeFallbackTitle(text)).toBe(title);
  });
});
