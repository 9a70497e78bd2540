import { describe, expect, it } from 'vitest';
import { groupStatements, type PairingQuote, type PairSuggestion } from '../../src/pairing/index.js';

const q = (id: string, article: string, published: string | null): PairingQuote => ({
  id,
  article,
  text: id,
  speaker: null,
  kind: 'full',
  published,
});
const p = (a: string, b: string, relation: PairSuggestion['relation'], score = 0.8): PairSuggestion => ({
  a,
  b,
  score,
  relation,
  alterations: [],
  reasons: [],
});

const quotes = [
  q('x', 'A', '2025-03-26'),
  q('y', 'B', '2025-03-20'),
  q('z', 'C', null),
  q('u', 'D', '2025-04-01'),
  q('v', 'E', '2024-01-01'),
  q('w', 'F', '2024-02-01'),
  q('alone', 'G', '2025-01-01'),
];

describe('groupStatements', () => {
  const statements = groupStatements(
    [p('x', 'y', 'paraphrase', 0.7), p('z', 'x', 'trimmed', 0.9), p('u', 'z', 'verbatim', 1), p('v', 'w', 'gist', 0.5)],
    quotes,
  );

  it('makes one statement per connected cluster and leaves unpaired quotes out', () => {
    expect(statements.map((s) => s.versions.map((v) => v.id).sort())).toEqual(
      expect.arrayContaining([
        ['u', 'x', 'y', 'z'],
        ['v', 'w'],
      ]),
    );
    expect(statements).toHaveLength(2);
  });

  it('orders versions by date, earliest first and undated last', () => {
    const big = statements.find((s) => s.versions.length === 4)!;
    expect(big.versions.map((v) => v.id)).toEqual(['y', 'x', 'u', 'z']);
  });

  it.each([
    ['y', null, null],
    ['x', 'paraphrase', 0.7],
    ['z', 'paraphrase', 0.7],
    ['u', 'paraphrase', 0.7],
  ])('relates %s to the earliest version as %s, through the loosest link on the way', (id, relation, score) => {
    const v = statements.find((s) => s.versions.length === 4)!.versions.find((x) => x.id === id)!;
    expect(v.relation).toBe(relation);
    expect(v.score).toBe(score);
  });

  it('rejects a pair that names an unknown quote', () => {
    expect(() => groupStatements([p('x', 'nope', 'gist')], quotes)).toThrow(/^pairing: pair x–nope/);
  });
});
