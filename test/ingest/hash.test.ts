import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashText, prepareArticle } from '../../src/ingest/index.js';

const TEXT =
  'The minister said on Tuesday that the talks would continue next week.\n\n"We are not giving up," she told reporters.';

describe('hashText', () => {
  it('is the sha256 hex of the text with whitespace collapsed', () => {
    expect(hashText('  a \n\n\tb  ')).toBe(createHash('sha256').update('a b').digest('hex'));
  });

  it.each([
    ['CRLF line ends', TEXT.replace(/\n/g, '\r\n'), TEXT],
    ['extra spaces and NBSP', TEXT.replace(/ /g, ' \u00a0'), TEXT],
    ['decomposed accents', `${TEXT} Cafe\u0301`, `${TEXT} Café`],
  ])('gives the same hash for a copy with %s', (_name, copy, base) => {
    expect(hashText(copy)).toBe(hashText(base));
  });

  it.each([
    ['a changed word', TEXT.replace('Tuesday', 'Wednesday')],
    ['changed case', TEXT.toUpperCase()],
  ])('gives a different hash for %s', (_name, other) => {
    expect(hashText(other)).not.toBe(hashText(TEXT));
  });

  it('matches for two copies of a page that differ only in furniture', () => {
    const a = prepareArticle({ text: `Advertisement\n\n${TEXT}\n\nShare this article` });
    const b = prepareArticle({ text: `${TEXT}\n\nFollow us on Twitter` });
    expect(hashText(a.text)).toBe(hashText(b.text));
  });
});
