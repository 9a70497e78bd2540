import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDITORIAL_CATEGORY_IDS, suggestEditorial, tagText } from '../../src/editorial/index.js';
import { analyzeText } from '../../src/nlp/index.js';
import { extractQuotes } from '../../src/quotes/index.js';

describe('tagText', () => {
  it('tags a bare text with offsets into the text as given', () => {
    const text = '  Of course, the occupiers brazenly ignored the ruling.';
    const { spans } = tagText(text);
    expect(spans.map((s) => s.text)).toEqual(['Of course', 'occupiers', 'brazenly']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it.each([
    ['marked quotations', 'The occupiers, he said, were “brazenly ignoring” the so-called “ruling”.'],
    ['indirect speech alone', 'Police Chief Dana Ortiz said that the radical suspect had brazenly fled the state.'],
    ['no quote at all', 'Of course the occupiers brazenly ignored the ruling.'],
  ])('tags a text with %s as detection over every extracted quote does', (_, text) => {
    const analysis = analyzeText(text);
    const quotes = extractQuotes(text, analysis).map((q) => ({ start: q.start, end: q.end, kind: q.kind }));
    expect(tagText(text)).toEqual(suggestEditorial(text, quotes, analysis));
  });

  it('returns no span for an empty text', () => {
    expect(tagText('')).toEqual({ spans: [], sentences: [] });
  });

  it('rejects a non-string with a message naming the module', () => {
    expect(() => tagText(7 as unknown as string)).toThrow(/^editorial:/);
  });

  it('keeps every span inside the text, sliceable, in a known category and voice', () => {
    const words = [
      'the',
      'occupiers',
      'brazenly',
      'said',
      'insisted',
      'that',
      'Of',
      'course',
      ',',
      '.',
      '?',
      '“',
      '”',
      'who',
      'and',
      'all',
      'problems',
      'stem',
      'from',
      'force',
      'to',
      'be',
      'reckoned',
      'with',
      '\n\n',
      'so-called',
      'It',
      'is',
      'important',
      'remember',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        for (const s of tagText(text).spans) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(s.end).toBeGreaterThan(s.start);
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(EDITORIAL_CATEGORY_IDS).toContain(s.category);
          expect(['writer', 'quoted']).toContain(s.voice);
        }
      }),
      { numRuns: 60 },
    );
  });
});
