import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  IngestError,
  MAX_INPUT_BYTES,
  parsePaste,
  parseUpload,
  prepareArticle,
  sniffFormat,
} from '../../src/ingest/index.js';

const fixtures = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const fixture = (name: string): Uint8Array => readFileSync(fixtures + name);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The IngestError status a call fails with (or the error itself when it is not one). */
function failure(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (err) {
    if (err instanceof IngestError) return { status: err.status, message: err.message };
    throw err;
  }
  throw new Error('expected an IngestError');
}

const ARTICLE =
  'The minister said on Tuesday that the talks would continue next week.\n\n"We are not giving up," she told reporters.';

describe('parseUpload: plain text', () => {
  it('reads a .txt file as text, keeping the original', () => {
    const [input] = parseUpload({ name: 'story.txt', bytes: utf8(ARTICLE) });
    expect(input).toEqual({ text: ARTICLE, original: ARTICLE, format: 'txt' });
  });

  it('decodes UTF-16 text with a byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from('Hi there, world', (c) => [c.charCodeAt(0), 0]).flat()]);
    expect(parseUpload({ name: 'win.txt', bytes })[0].text).toBe('Hi there, world');
  });
});

describe('parseUpload: Markdown', () => {
  it('strips markup, keeps paragraphs and takes the first heading as the title', () => {
    const [input] = parseUpload({ name: 'opinion.md', bytes: fixture('opinion.md') });
    expect(input.title).toBe('Why the bridge vote matters');
    expect(input).toMatchObject({
      author: 'Sam Okafor',
      published: '2024-06-14',
      outlet: 'Riverside Review',
      format: 'md',
    });
    expect(input.text).toBe(
      [
        'Why the bridge vote matters',
        "The council's decision on Thursday to delay the bridge repairs again is a failure of nerve, and residents deserve better.",
        '"We will not gamble with public money," the mayor said, defending the delay.',
        'Read the full council minutes before you decide.',
        'the bridge is 80 years old\nrepairs were first proposed in 2019',
      ].join('\n\n'),
    );
  });

  it.each([
    ['inline code and strikethrough', 'Plain `code` and ~~gone~~ text', 'Plain code and gone text'],
    ['an escaped asterisk', 'Five \\* stars', 'Five * stars'],
    ['a setext heading', 'Big news today\n==============\n\nBody text here.', 'Big news today\n\nBody text here.'],
    ['a fenced code block', '```\nline one\nline two\n```', 'line one\nline two'],
    ['a reference link and its definition', 'See [the report][r].\n\n[r]: https://example.org', 'See the report.'],
  ])('converts %s', (_name, md, text) => {
    expect(parseUpload({ name: 'x.md', bytes: utf8(md) })[0].text).toBe(text);
  });
});

describe('parseUpload: HTML', () => {
  it('extracts the article text and metadata without running scripts', () => {
    const [input] = parseUpload({ name: 'wire-article.html', bytes: fixture('wire-article.html') });
    expect(input).toMatchObject({
      title: 'Port workers strike over pay',
      outlet: 'The Harbour Gazette',
      author: 'Maria Lopez',
      published: '2024-11-05',
      url: 'https://harbour-gazette.example/news/port-strike',
      format: 'html',
    });
    expect(input.text).toContain(
      '"We have waited three years for an offer that keeps up with prices," said union organiser Tomas Berg',
    );
    expect(input.text).toContain('at risk.\nTalks are due to resume on Friday.');
    expect(input.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
    for (const absent of [
      'injected by a script',
      'Photo: Harbour Gazette',
      'Home',
      'color: red',
      'All rights reserved',
    ]) {
      expect(input.text).not.toContain(absent);
    }
  });

  it('recognizes HTML by its content when the name has no extension', () => {
    const [input] = parseUpload({ name: 'download', bytes: fixture('wire-article.html') });
    expect(input.format).toBe('html');
  });

  it('rejects a page with no article text with 422', () => {
    expect(failure(() => parseUpload({ name: 'no-article.html', bytes: fixture('no-article.html') }))).toEqual({
      status: 422,
      message: 'ingest: "no-article.html" is an HTML page with no article text',
    });
  });
});

describe('parseUpload: JSON', () => {
  it('reads an array of articles with their metadata', () => {
    const inputs = parseUpload({ name: 'batch.json', bytes: fixture('batch.json') });
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toMatchObject({
      title: 'Minister resigns after budget row',
      outlet: 'Capital Times',
      author: 'Lena Fischer',
      published: '2024-02-01',
      format: 'json',
    });
    expect(inputs[1]).toMatchObject({ outlet: 'Northern Post', format: 'json' });
    expect(prepareArticle(inputs[0]).text).toContain('"I can no longer support this plan," she told reporters.');
  });

  it('reads a single object', () => {
    const [input] = parseUpload({ name: 'one.json', bytes: utf8(JSON.stringify({ text: ARTICLE, outlet: 'X' })) });
    expect(input).toMatchObject({ text: ARTICLE, outlet: 'X' });
  });

  it.each([
    [
      'an item without text',
      JSON.stringify([{ text: 'ok text here' }, { title: 'No body' }]),
      'ingest: item 2 of "in.json" has no "text"',
    ],
    ['an object without text', JSON.stringify({ title: 'No body' }), 'ingest: "in.json" has no "text"'],
    ['empty text', JSON.stringify({ text: '   ' }), 'ingest: "in.json" "text" is empty'],
    [
      'a number as title',
      JSON.stringify({ text: 'x y z', title: 5 }),
      expect.stringMatching(/^ingest: "in.json" field "title": /),
    ],
    ['malformed JSON', '{"text": "unterminated', expect.stringMatching(/^ingest: "in.json" is not valid JSON/)],
    ['an empty list', '[]', 'ingest: "in.json" holds an empty list of articles'],
    ['a list of strings', '["just text"]', 'ingest: item 1 of "in.json" is not an article object'],
  ])('rejects %s with 400', (_name, json, message) => {
    expect(failure(() => parseUpload({ name: 'in.json', bytes: utf8(json) }))).toEqual({ status: 400, message });
  });
});

describe('parseUpload: bad input', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 400],
    ['a file of blanks', utf8('  \n\t\n '), 400],
    ['PNG bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 415],
    ['a PDF', utf8('%PDF-1.7\n...'), 415],
    ['bytes with NUL', new Uint8Array([0x41, 0x00, 0x42]), 415],
    ['invalid UTF-8', new Uint8Array([0x48, 0x69, 0x20, 0xc3, 0x28]), 400],
    ['Latin-1 text', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 400],
    ['too many bytes', new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61), 413],
  ])('rejects %s', (_name, bytes, status) => {
    expect(failure(() => parseUpload({ name: 'f.txt', bytes })).status).toBe(status);
  });

  it('names the file and the problem in the message', () => {
    expect(
      failure(() => parseUpload({ name: 'photo.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) })).message,
    ).toBe('ingest: "photo.txt" is a PNG image, not text');
  });
});

describe('sniffFormat', () => {
  it.each([
    ['<!DOCTYPE html><html><body><p>Hi</p></body></html>', 'html'],
    ['<p>One</p>\n<p>Two</p>\n<p>Three</p>', 'html'],
    ['{"text": "hello"}', 'json'],
    ['[{"text": "hello"}]', 'json'],
    ['# Title\n\nSome [link](https://example.org) here.', 'md'],
    ['[Reuters] Talks resumed on Monday.', 'txt'],
    ['Plain words only.', 'txt'],
    ['He said "5 < 6" and left.', 'txt'],
  ])('%j is %s', (text, format) => {
    expect(sniffFormat(text)).toBe(format);
  });
});

describe('parsePaste', () => {
  it('reads pasted plain text', () => {
    expect(parsePaste(ARTICLE)).toEqual([{ text: ARTICLE, original: ARTICLE, format: 'txt' }]);
  });

  it('reads pasted HTML as a page', () => {
    const html = readFileSync(fixtures + 'wire-article.html', 'utf8');
    expect(parsePaste(html)[0]).toMatchObject({ format: 'html', title: 'Port workers strike over pay' });
  });

  it('rejects empty paste with 400', () => {
    expect(failure(() => parsePaste(' \n ')).status).toBe(400);
  });
});
