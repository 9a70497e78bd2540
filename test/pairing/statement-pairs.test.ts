/**
 * The hand-written statement table (test/fixtures/pairing/statement-pairs.json)
 * that PAIR_THRESHOLD was chosen on: precision and recall at the threshold,
 * and the relations the surface tests must get exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/vectors/load.js';
import { matchSpeakers, PAIR_THRESHOLD, prepareStatement, scoreFeatures } from '../../src/pairing/index.js';

interface TablePair { id: string; same: boolean; relation?: string; kind?: string; a: string; b: string; speakerA: string | null; speakerB: string | null }
const table = JSON.parse(readFileSync(new URL('../fixtures/pairing/statement-pairs.json', import.meta.url), 'utf8')) as { pairs: TablePair[] };
const vectors = loadVectors();
const scored = table.pairs.map((p) => ({ p, s: scoreFeatures(prepareStatement(p.a, vectors), prepareStatement(p.b, vectors), matchSpeakers(p.speakerA, p.speakerB)) }));

describe('statement table', () => {
  it('has at least 30 pairs with both positives and hard negatives', () => {
    expect(table.pairs.length).toBeGreaterThanOrEqual(30);
    expect(table.pairs.filter((p) => !p.same).length).toBeGreaterThanOrEqual(15);
  });

  it('reaches precision >= 0.8 and recall >= 0.9 at the pairing threshold', () => {
    const predicted = scored.filter((x) => x.s.score >= PAIR_THRESHOLD);
    const tp = predicted.filter((x) => x.p.same).length;
    const positives = scored.filter((x) => x.p.same).length;
    expect(tp / predicted.length).toBeGreaterThanOrEqual(0.8);
    expect(tp / positives).toBeGreaterThanOrEqual(0.9);
  });

  it('decides every pair the same way when the scorer may stop early below the threshold', () => {
    const early = table.pairs.map((p) => scoreFeatures(prepareStatement(p.a, vectors), prepareStatement(p.b, vectors), matchSpeakers(p.speakerA, p.speakerB), PAIR_THRESHOLD));
    expect(early.map((s) => s.score >= PAIR_THRESHOLD)).toEqual(scored.map((x) => x.s.score >= PAIR_THRESHOLD));
  });

  it.each(table.pairs.filter((p) => p.same && ['verbatim', 'near-verbatim', 'trimmed'].includes(p.relation ?? '')).map((p) => [p.id, p.relation]))(
    'gets the surface relation of %s (%s)',
    (id, relation) => {
      expect(scored.find((x) => x.p.id === id)!.s.relation).toBe(relation);
    },
  );

  it.each(table.pairs.filter((p) => !p.same && /different speakers|only a date|only a number/.test(p.kind ?? '')).map((p) => [p.id, p.kind]))(
    'keeps hard negative %s (%s) below the threshold',
    (id) => {
      expect(scored.find((x) => x.p.id === id)!.s.score).toBeLessThan(PAIR_THRESHOLD);
    },
  );
});
