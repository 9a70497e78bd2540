/**
 * Every stage of an import is linear in its input (issue 16): a text twice as
 * long takes about twice as long to prepare and analyse, whatever its shape —
 * one long token without spaces, one long paragraph, many short sentences.
 * Ratios of times measured in the same run, never absolute times; the bound
 * (3×) sits between linear (2×) and quadratic (4×) growth.
 */
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/ingest/index.js';
import { analyzeArticleText } from '../../src/analysis/article.js';
import { analyzeText, LONGEST_WINK_TOKEN } from '../../src/nlp/index.js';

const WORDS =
  'the council said that the new bridge will open soon and "people cheered" loudly for the mayor who promised more'.split(
    ' ',
  );

/** Each shape with the smaller of its two sizes (large enough to take tens of milliseconds). */
const shapes: [string, number, (chars: number) => string][] = [
  ['one long token', 1_600_000, (n) => 'abcdefghij'.repeat(Math.ceil(n / 10)).slice(0, n)],
  [
    'one long paragraph',
    40_000,
    (n) => {
      const out: string[] = [];
      for (let i = 0, len = 0; len < n; i += 1) {
        out.push(WORDS[i % WORDS.length]);
        len += WORDS[i % WORDS.length].length + 1;
      }
      return out.join(' ');
    },
  ],
  [
    'many sentences on one line',
    40_000,
    (n) =>
      'The mayor said the bridge "will open in June," and nobody doubted her. '.repeat(Math.ceil(n / 71)).slice(0, n),
  ],
  // every mark opens a quotation that none closes: editorial spans nested in spans were compared pairwise
  ['unbalanced opening quotation marks', 24_000, (n) => 'Word “'.repeat(Math.ceil(n / 6)).slice(0, n)],
];

/** The import's CPU work: prepare the text, then the whole per-article analysis. */
function pipeline(body: string): void {
  const prepared = prepareArticle({
    text: `A bridge for the city\n\nThe story begins here. ${body} The end.\n`,
    format: 'txt',
  });
  analyzeArticleText(prepared.text);
}

/**
 * The best of a few runs of each, in milliseconds, taken in turns so that
 * other work on the machine disturbs both sizes alike; the best run is the
 * least disturbed.
 */
function timeBestOfEach(runs: (() => void)[], rounds = 5): number[] {
  const best = runs.map(() => Infinity);
  for (let r = 0; r < rounds; r += 1) {
    runs.forEach((run, i) => {
      const t = performance.now();
      run();
      best[i] = Math.min(best[i], performance.now() - t);
    });
  }
  return best;
}

describe('import stages scale linearly', () => {
  it.each(shapes)(
    '%s (%i characters): twice the text takes about twice the time',
    (_name, chars, make) => {
      const small = make(chars);
      const large = make(chars * 2);
      // warm the model, the caches and the compiled code outside the clock
      pipeline(small);
      pipeline(large);
      const [smallMs, largeMs] = timeBestOfEach([() => pipeline(small), () => pipeline(large)]);
      expect(largeMs / smallMs).toBeLessThan(3);
    },
    120_000,
  );

  it('keeps a run longer than the bound whole as one token with exact offsets', () => {
    const run = 'x'.repeat(LONGEST_WINK_TOKEN * 3);
    const text = `He said "no." ${run} Then she left.`;
    const a = analyzeText(text);
    for (const t of a.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(a.tokens.map((t) => t.index)).toEqual(a.tokens.map((_, i) => i));
    expect(a.tokens.filter((t) => t.text === run)).toHaveLength(1);
    for (const s of a.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(a.sentences.map((s) => s.text)).toEqual(['He said "no."', run, 'Then she left.']);
  });
});
