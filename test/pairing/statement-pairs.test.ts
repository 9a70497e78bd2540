/**
 * The hand-written statement table (test/fixtures/pairing/statement-pairs.json),
 * part of the pairing model's training data: precision and recall of the
 * decision, and the relations the surface tests must get exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/vectors/load.js';
import { decidePair, matchSpeakers, mayPair, prepareQuote } from '../../src/pairing/index.js';

interface TablePair {
  id: string;
  same: boolean;
  relation?: string;
  kind?: string;
  a: string;
  b: string;
  speakerA: string | null;
  speakerB: string | null;
}
const table = JSON.parse(
  readFileSync(new URL('../fixtures/pairing/statement-pairs.json', import.meta.url), 'utf8'),
) as { pairs: TablePair[] };
const vectors = loadVectors();
const scored = table.pairs.map((p) => ({
  p,
  s: decidePair(prepareQuote(p.a, vectors), prepareQuote(p.b, vectors), matchSpeakers(p.speakerA, p.speakerB)),
}));

describe('statement table', () => {
  it('has at least 30 pairs with both positives and hard negatives', () => {
    expect(table.pairs.length).toBeGreaterThanOrEqual(30);
    expect(table.pairs.filter((p) => !p.same).length).toBeGreaterThanOrEqual(15);
  });

  it('reaches precision >= 0.8 and recall >= 0.9', () => {
    const predicted = scored.filter((x) => x.s.same);
    const tp = predicted.filter((x) => x.p.same).length;
    const positives = scored.filter((x) => x.p.same).length;
    expect(tp / predicted.length).toBeGreaterThanOrEqual(0.8);
    expect(tp / positives).toBeGreaterThanOrEqual(0.9);
  });

  it('rules out by the cheap bound only pairs that are not the same statement', () => {
    const ruledOut = table.pairs.filter((p) => !mayPair(prepareQuote(p.a, vectors), prepareQuote(p.b, vectors)));
    expect(ruledOut.filter((p) => p.same)).toEqual([]);
  });

  it.each(
    table.pairs
      .filter((p) => p.same && ['verbatim', 'near-verbatim', 'trimmed'].includes(p.relation ?? ''))
      .map((p) => [p.id, p.relation]),
  )('gets the surface relation of %s (%s)', (id, relation) => {
    expect(scored.find((x) => x.p.id === id)!.s.relation).toBe(relation);
  });

  it.each(
    table.pairs
      .filter((p) => !p.same && /different speakers|only a date|only a number/.test(p.kind ?? ''))
      .map((p) => [p.id, p.kind]),
  )('does not pair hard negative %s (%s)', (id) => {
    expect(scored.find((x) => x.p.id === id)!.s.same).toBe(false);
  });
});
