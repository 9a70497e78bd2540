import { describe, expect, it } from 'vitest';
import { loadEvalContext } from '../../bench/eval/corpus.js';
import { editorialSection, scoreEditorial } from '../../bench/eval/editorial.js';

const ctx = loadEvalContext();

describe('editorial quality on the sample corpus', () => {
  it.skipIf(ctx === null)('keeps core recall and the opinion-piece density above their floors', () => {
    const result = editorialSection.run(ctx!);
    expect(result.failures, result.lines.join('\n')).toEqual([]);
  });

  it.skipIf(ctx === null)('names most matched spans with the category of the reference', () => {
    const scores = scoreEditorial(ctx!);
    expect(scores.matched).toBeGreaterThan(0);
    expect(scores.categoryAgree / scores.matched).toBeGreaterThanOrEqual(0.7);
  });

  it.runIf(ctx === null)('is skipped: reference annotations ../shared/gold/seed-gold.json not found', () => {
    expect(ctx).toBeNull();
  });
});
