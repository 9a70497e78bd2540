import { describe, expect, it } from 'vitest';
import { countWords, normalizeText } from '../../src/ingest/index.js';

describe('normalizeText', () => {
  it.each([
    ['composes decomposed accents (NFC)', 'Cafe\u0301 owner', 'Café owner'],
    ['turns CRLF and CR line ends into \\n', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['collapses runs of spaces, tabs, NBSP and thin spaces', 'a \t b\u00a0\u00a0c\u2009d\u202fe', 'a b c d e'],
    ['removes zero-width spaces, word joiners and the BOM', '\ufeffwo\u200brd\u2060s', 'words'],
    ['removes soft hyphens', 'inter\u00adnational', 'international'],
    ['replaces lone surrogate halves, keeps pairs', 'a\ud800b\udfffc\ud83d\ude00', 'a\ufffdb\ufffdc\ud83d\ude00'],
    ['keeps ZWNJ inside a Persian word', 'زبان\u200cهای', 'زبان\u200cهای'],
    ['removes a ZWNJ next to Latin letters', 'ab\u200ccd', 'abcd'],
    ['separates paragraphs by exactly one blank line', 'p1\n\n\n\n  \np2', 'p1\n\np2'],
    ['keeps single line breaks inside a paragraph', 'line one\nline two', 'line one\nline two'],
    ['trims lines and drops leading and trailing blank lines', '\n\n  hello  \n\n', 'hello'],
    ['turns line and paragraph separators into line breaks', 'a\u2028b\u2029c', 'a\nb\nc'],
    ['drops control characters', 'a\u0007b\u0000c', 'abc'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normalizeText(' A\u00a0b\r\n\r\n\r\nc\u200b ');
    expect(normalizeText(once)).toBe(once);
  });
});

describe('countWords', () => {
  it.each([
    ['plain words', 'the quick brown fox', 4],
    ['numbers with separators count once', 'about 2,500 U.S. troops', 4],
    ['hyphenated and apostrophe words count once', "al-Yasser's well-known", 2],
    ['punctuation is not a word', '— … !', 0],
  ])('%s', (_name, text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('normalizeText and paragraphs broken inside a sentence', () => {
  it.each([
    [
      'joins a sentence split by a blank line',
      'The force is one that cannot\n\nbe ignored by anyone in the region.',
      'The force is one that cannot be ignored by anyone in the region.',
    ],
    [
      'keeps a real paragraph break after a full stop',
      'The talks ended on Friday night.\n\nthe next round starts in May, officials said.',
      'The talks ended on Friday night.\n\nthe next round starts in May, officials said.',
    ],
    [
      'keeps a break before a capital letter',
      'Officials said the plan would go ahead\n\nPrices rose again in March across the country.',
      'Officials said the plan would go ahead\n\nPrices rose again in March across the country.',
    ],
    ['keeps short furniture lines apart', 'www.example.com\n\nnews@example.com', 'www.example.com\n\nnews@example.com'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
