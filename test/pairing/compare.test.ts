import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/vectors/load.js';
import { compareStatements, PAIR_THRESHOLD } from '../../src/pairing/index.js';

const vectors = loadVectors();

describe('compareStatements', () => {
  it.each([
    ['We will not back down,', '"We will not back down."', true, 'verbatim'],
    ['The ministry said the dam was safe and posed no threat to nearby villages.', 'the dam was safe', true, 'trimmed'],
    ['Talks with the union collapsed on Friday.', 'The museum reopens on Friday.', false, null],
  ])('%s ~ %s → same=%s, relation %s', (a, b, same, relation) => {
    const c = compareStatements(a, b, vectors);
    expect(c.same).toBe(same);
    expect(c.relation).toBe(relation);
    expect(c.same).toBe(c.score >= PAIR_THRESHOLD);
  });

  it('rejects input that is not text', () => {
    expect(() => compareStatements(3 as unknown as string, 'x', vectors)).toThrow(/^pairing: compareStatements/);
  });
});
