import { describe, expect, it } from 'vitest';
import { loadEvalContext } from '../../bench/eval/corpus.js';
import { quotesSection, scoreQuotes } from '../../bench/eval/quotes.js';

const ctx = loadEvalContext();

describe('quote and speaker quality on the sample corpus', () => {
  it.skipIf(ctx === null)(
    'keeps quote F1 and speaker accuracy above their floors and reports no names in marks',
    () => {
      const result = quotesSection.run(ctx!);
      expect(result.failures, result.lines.join('\n')).toEqual([]);
    },
  );

  it.skipIf(ctx === null)('gives most matched quotations the reference kind', () => {
    const s = scoreQuotes(ctx!);
    expect(s.matched).toBeGreaterThan(0);
    expect(s.kindAgree / s.matched).toBeGreaterThanOrEqual(0.8);
  });

  it.runIf(ctx === null)('is skipped: reference annotations ../shared/gold/seed-gold.json not found', () => {
    expect(ctx).toBeNull();
  });
});
