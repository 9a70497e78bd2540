import { describe, expect, it } from 'vitest';
import { rankCandidates, rememberPostings, type PostingSource } from '../../src/pairing/index.js';

/** A posting source over fixed lists that counts the questions asked of it. */
function countingSource(lists: Record<string, string[]>): PostingSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    size: () => {
      asked.push('size');
      return 10;
    },
    frequency: (term) => {
      asked.push(`frequency ${term}`);
      return lists[term]?.length ?? 0;
    },
    postings: (term, excludeArticle, cap) => {
      asked.push(`postings ${term} ${excludeArticle} ${cap}`);
      return (lists[term] ?? []).slice(0, cap);
    },
  };
}

describe('a posting source that keeps its answers', () => {
  const lists = { tax: ['q1', 'q2', 'q3'], cut: ['q2'], wall: ['q4', 'q1'] };

  it('ranks candidates as the source it wraps does', () => {
    const kept = rememberPostings(countingSource(lists));
    for (const terms of [['tax', 'cut'], ['wall', 'tax'], ['cut'], ['none', 'wall']])
      expect(rankCandidates(kept, terms, '7')).toEqual(rankCandidates(countingSource(lists), terms, '7'));
  });

  it("asks the store about each term once over an article's look-ups", () => {
    const source = countingSource(lists);
    const kept = rememberPostings(source);
    rankCandidates(kept, ['tax', 'cut'], '7');
    rankCandidates(kept, ['tax', 'wall'], '7');
    rankCandidates(kept, ['cut', 'wall', 'tax'], '7');
    expect(source.asked.filter((q) => q === 'frequency tax')).toHaveLength(1);
    expect(source.asked.filter((q) => q.startsWith('postings tax 7'))).toHaveLength(1);
    expect(source.asked.filter((q) => q === 'size')).toHaveLength(1);
  });

  it('asks again for another article or another cap', () => {
    const source = countingSource(lists);
    const kept = rememberPostings(source);
    kept.postings('tax', '7', 400);
    kept.postings('tax', '8', 400);
    kept.postings('tax', '7', 2);
    expect(source.asked.filter((q) => q.startsWith('postings tax'))).toHaveLength(3);
  });
});
