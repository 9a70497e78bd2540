import { describe, expect, it } from 'vitest';
import { computeCosine, decodeVectorTable, encodeVectorTable } from '../../src/vectors/table.js';

const words = ['troops', 'soldiers', 'banana'];
const vectors = [
  [0.9, 0.1, 0.3, -0.2],
  [0.8, 0.2, 0.35, -0.1],
  [-0.5, 0.9, -0.1, 0.4],
];

describe('vector table', () => {
  const table = decodeVectorTable(encodeVectorTable(words, vectors, 4));

  it('keeps frequency ranks in word order', () => {
    expect(words.map((w) => table.rank(w))).toEqual([0, 1, 2]);
    expect(table.rank('unknown')).toBeUndefined();
  });

  it.each([
    ['troops', 'soldiers'],
    ['troops', 'banana'],
    ['soldiers', 'banana'],
  ])('keeps the cosine of %s and %s within quantization error', (x, y) => {
    const exact = (a: number[], b: number[]) => {
      const dot = a.reduce((s, v, i) => s + v * b[i], 0);
      return dot / Math.hypot(...a) / Math.hypot(...b);
    };
    const got = computeCosine(table.lookup(x)!, table.lookup(y)!);
    expect(Math.abs(got - exact(vectors[words.indexOf(x)], vectors[words.indexOf(y)]))).toBeLessThan(0.02);
  });

  it('returns unit-length vectors', () => {
    const v = table.lookup('banana')!;
    expect(computeCosine(v, v)).toBeCloseTo(1, 5);
  });

  it('rejects bytes that are not a table', () => {
    expect(() => decodeVectorTable(new Uint8Array(40))).toThrow(/^vectors: not a vector table/);
  });

  it('rejects a truncated table', () => {
    const bytes = encodeVectorTable(words, vectors, 4);
    expect(() => decodeVectorTable(bytes.subarray(0, bytes.length - 3))).toThrow(/^vectors: table truncated/);
  });
});
