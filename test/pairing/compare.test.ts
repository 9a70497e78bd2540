import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/vectors/load.js';
import { compareQuotes, PAIR_THRESHOLD } from '../../src/pairing/index.js';

const vectors = loadVectors();

describe('compareQuotes', () => {
  it.each([
    ['We will not back down,', '"We will not back down."', true, 'verbatim'],
    ['The ministry said the dam was safe and posed no threat to nearby villages.', 'the dam was safe', true, 'trimmed'],
    ['Talks with the union collapsed on Friday.', 'The museum reopens on Friday.', false, null],
  ])('%s ~ %s → same=%s, relation %s', (a, b, same, relation) => {
    const c = compareQuotes(a, b, vectors);
    expect(c.same).toBe(same);
    expect(c.relation).toBe(relation);
    expect(c.same).toBe(c.score >= PAIR_THRESHOLD);
    expect(c.altered).toEqual([]);
  });

  it('lists what the second version altered', () => {
    const c = compareQuotes(
      'Trump is obligated to withdraw his forces from Iraq by the end of 2025,',
      'Trump is obligated to withdraw his forces from Iraq by the end of 2026,',
      vectors,
    );
    expect(c.same).toBe(true);
    expect(c.altered).toEqual([{ kind: 'date', earlier: '2025', later: '2026' }]);
  });

  it('rejects input that is not text', () => {
    expect(() => compareQuotes(3 as unknown as string, 'x', vectors)).toThrow(/^pairing: compareQuotes/);
  });
});
