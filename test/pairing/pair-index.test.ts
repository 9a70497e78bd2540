import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/vectors/load.js';
import {
  addToIndex,
  createPairIndex,
  findPairsFor,
  pairCorpus,
  removeFromIndex,
  type PairingQuote,
} from '../../src/pairing/index.js';

const vectors = loadVectors();
const q = (id: string, article: string, text: string, speaker: string | null = null, kind = 'full'): PairingQuote => ({
  id,
  article,
  text,
  speaker,
  kind,
});

const wire = [
  q(
    'w1',
    'wire',
    'The government will raise the minimum wage by ten percent from January.',
    'Labour Minister Ana Ruiz',
  ),
  q('w2', 'wire', 'Small businesses have nothing to fear from this increase.', 'Ana Ruiz'),
];
const paper = [
  q('p1', 'paper', 'The minimum wage will go up by ten percent in January,', 'Ruiz'),
  q('p2', 'paper', 'small businesses have nothing to fear', 'Ruiz', 'partial'),
  q('p3', 'paper', 'The harbour will be dredged next spring.', 'Port director Ole Berg'),
  q('p4', 'paper', 'the minimum wage', null, 'scare'),
];

describe('pair index', () => {
  it('finds the versions of each statement in other articles', () => {
    const index = createPairIndex();
    addToIndex(index, wire, vectors);
    const pairs = findPairsFor(index, paper, vectors);
    expect(pairs.map((p) => `${p.a}-${p.b}`).sort()).toEqual(['w1-p1', 'w2-p2']);
    expect(pairs.find((p) => p.b === 'p2')!.relation).toBe('trimmed');
  });

  it('never pairs two quotes of the same article', () => {
    const same = [q('a1', 'x', 'We will win this election.'), q('a2', 'x', 'We will win this election.')];
    expect(pairCorpus(same, vectors)).toEqual([]);
  });

  it('finds each pair once in a whole-corpus run', () => {
    const pairs = pairCorpus(
      [...wire, ...paper, q('t1', 'tv', 'The minimum wage rises by ten percent in January.', 'Ana Ruiz')],
      vectors,
    );
    const keys = pairs.map((p) => [p.a, p.b].sort().join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['p1|w1', 'p2|w2', 'p1|t1', 't1|w1']));
  });

  it('forgets an article after it is removed', () => {
    const index = createPairIndex();
    addToIndex(index, wire, vectors);
    addToIndex(index, paper.slice(2), vectors);
    removeFromIndex(index, 'wire');
    expect(findPairsFor(index, paper.slice(0, 2), vectors)).toEqual([]);
    expect([...index.postings.values()].flat().some((id) => id.startsWith('w'))).toBe(false);
    expect(index.articles.has('wire')).toBe(false);
  });

  it('leaves scare quotes out of the index', () => {
    const index = createPairIndex();
    addToIndex(index, paper, vectors);
    expect(index.quotes.has('p4')).toBe(false);
  });

  it('refuses a quote id that is already indexed', () => {
    const index = createPairIndex();
    addToIndex(index, wire, vectors);
    expect(() => addToIndex(index, [wire[0]], vectors)).toThrow(/^pairing: quote id "w1" is already indexed/);
  });

  it('reads at most the capped number of entries of a posting list', () => {
    const index = createPairIndex();
    for (let i = 0; i < 50; i += 1)
      addToIndex(index, [q(`c${i}`, `a${i}`, 'The minimum wage will rise by ten percent in January.')], vectors);
    const pairs = findPairsFor(
      index,
      [q('new', 'fresh', 'The minimum wage will rise by ten percent in January.')],
      vectors,
      { postingCap: 5, candidates: 100 },
    );
    // only the newest five entries of each list are read
    expect(pairs.length).toBe(5);
    expect(pairs.map((p) => p.a).sort()).toEqual(['c45', 'c46', 'c47', 'c48', 'c49']);
  });
});
