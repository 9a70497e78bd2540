import { describe, expect, it } from 'vitest';
import { loadEvalContext } from '../../bench/eval/corpus.js';
import { pairsSection, scorePairs } from '../../bench/eval/pairs.js';

const ctx = loadEvalContext();

describe.skipIf(!ctx)('pair quality on the sample corpus', () => {
  it('keeps pair recall and precision above their floors', () => {
    expect(pairsSection.run(ctx!).failures).toEqual([]);
  });

  it('judges every predicted pair or reports it apart', () => {
    const s = scorePairs(ctx!);
    expect(s.counted + s.uncounted).toBe(ctx!.output.pairs.length);
    expect(s.correct + s.wrong.length).toBe(s.counted);
  });
});
