import { describe, expect, it } from 'vitest';
import { loadEvalContext } from '../../bench/eval/corpus.js';
import { metadataSection, scoreMetadata } from '../../bench/eval/metadata.js';

const ctx = loadEvalContext();

describe.skipIf(!ctx)('ingest quality on the sample corpus', () => {
  it('locates every reference quotation in the normalized text', () => {
    expect(metadataSection.run(ctx!).failures).toEqual([]);
  });

  it('compares four fields for every reference article', () => {
    const s = scoreMetadata(ctx!);
    expect(s.rows).toHaveLength(ctx!.gold.articles.length * 4);
    expect(s.share.all).toBe(s.rows.filter((r) => r.correct).length / s.rows.length);
  });
});
