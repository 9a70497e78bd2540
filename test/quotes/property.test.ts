import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/index.js';
import { extractQuotes, type Quote } from '../../src/quotes/index.js';

function checkSpans(input: string, quotes: Quote[]): void {
  for (const q of quotes) {
    expect(q.start).toBeGreaterThanOrEqual(0);
    expect(q.end).toBeLessThanOrEqual(input.length);
    expect(q.start).toBeLessThan(q.end);
    expect(q.text).toBe(input.slice(q.start, q.end));
  }
}

const pieces = [
  '“',
  '”',
  '"',
  '«',
  '»',
  '„',
  '‘',
  '’',
  "'",
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  ',',
  '.',
  ':',
  'said',
  'told',
  'he',
  'the official',
  'Yasser',
  'Firas al-Yasir',
  'Newsweek',
  'that',
  'we',
  'will',
  'go',
  'Iraq’s',
];
const newsish = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((a) => a.join(''));

describe('extractQuotes on any input', () => {
  it('never throws and keeps offsets within the text on random Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        checkSpans(input, extractQuotes(input));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on lone, unbalanced and nested quote marks mixed with attribution words', () => {
    fc.assert(
      fc.property(newsish, (input) => {
        checkSpans(input, extractQuotes(input, analyzeText(input)));
      }),
      { numRuns: 300 },
    );
  });

  it('finds no direct quotation in text without quote marks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('said', 'the', 'Yasser', 'told', 'that', 'we', 'go', '.', ',', ' ', ' ', '\n\n'), {
          maxLength: 60,
        }),
        (parts) => {
          const input = parts.join('');
          expect(extractQuotes(input).filter((q) => q.kind !== 'indirect')).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('grows linearly: a 1 MB paragraph takes well under 30 times a 100 KB one', () => {
    const unit =
      'Officials said the “talks” were over. “We will not stop,” Firas al-Yasir told Newsweek, and he said that the "deadline was near while «al-Nujaba» waited ‘quietly’ ';
    const make = (size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const small = make(100_000);
    const large = make(1_000_000);
    const smallAnalysis = analyzeText(small);
    const largeAnalysis = analyzeText(large);
    const time = (text: string, analysis: ReturnType<typeof analyzeText>): number => {
      const t0 = performance.now();
      const quotes = extractQuotes(text, analysis);
      const t = performance.now() - t0;
      checkSpans(text, quotes);
      expect(quotes.length).toBeGreaterThan(0);
      return t;
    };
    time(small, smallAnalysis);
    const ts = Math.min(time(small, smallAnalysis), time(small, smallAnalysis));
    const tl = time(large, largeAnalysis);
    expect(tl / Math.max(ts, 1)).toBeLessThan(30);
  }, 120_000);
});
