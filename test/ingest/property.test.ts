import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IngestError, parsePaste, parseUpload, prepareArticle } from '../../src/ingest/index.js';

/** Run and return nothing, or the error when it is not an IngestError. */
function unexpectedError(run: () => unknown): unknown {
  try {
    run();
    return null;
  } catch (err) {
    return err instanceof IngestError ? null : err;
  }
}

const newsish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'close',
        'Advertisement',
        'By Jane Doe',
        '26.03.2025',
        'www.example.com',
        'Hadi Mizban/AP',
        '“Quote,” he said.',
        'READ MORE: x',
        '*Bio, writer*',
        '\u00a0',
        '\u200b',
        '\n',
        '\n\n',
        '<p>',
        '# ',
        '{',
        '[',
      ),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(' '));

describe('ingest never fails with anything but IngestError', () => {
  it('parseUpload on arbitrary bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('a.txt', 'a.md', 'a.json', 'noext'),
        (bytes, name) => {
          expect(unexpectedError(() => parseUpload({ name, bytes }))).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parsePaste and prepareArticle on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), newsish), (text) => {
        expect(unexpectedError(() => parsePaste(text))).toBeNull();
        expect(unexpectedError(() => prepareArticle({ text }))).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('parseUpload on arbitrary markup inside an HTML page', () => {
    const markup = fc.array(
      fc.oneof(
        fc.constantFrom('<p>', '</p>', '<div>', '<br>', '<script>', '<figure>', '<!--', '&amp;', '&#0;', '<h1>'),
        fc.string({ maxLength: 30 }),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(markup, (parts) => {
        const bytes = new TextEncoder().encode(`<!doctype html><html><body>${parts.join('')}</body></html>`);
        expect(unexpectedError(() => parseUpload({ name: 'page.html', bytes }))).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it('prepareArticle keeps every word of text without furniture in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 30, maxLength: 60 }), (words) => {
        const text = words.join(' ') + '.';
        expect(prepareArticle({ text }).text).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});

describe('ingest on large input', () => {
  // The test timeout, not an assertion on elapsed time, catches super-linear behaviour.
  it('prepares and parses a 1 MB single line', { timeout: 10_000 }, () => {
    const line = 'word '.repeat(200_000) + '"quoted" <p> 26.03.2025 By Jane Doe';
    const article = prepareArticle({ text: line });
    const upload = parseUpload({ name: 'big.txt', bytes: new TextEncoder().encode(line) });
    expect(article.wordCount).toBeGreaterThan(200_000);
    expect(upload).toHaveLength(1);
  });
});
