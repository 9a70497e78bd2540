import { describe, expect, it } from 'vitest';
import { measureDensity } from '../../src/editorial/index.js';

describe('measureDensity', () => {
  it.each([
    // spans, words, total, writer, quoted
    [
      [
        ['loaded-term', 'writer'],
        ['loaded-term', 'writer'],
        ['intensifier', 'quoted'],
      ],
      500,
      6,
      4,
      2,
    ],
    [[['doubt', 'writer']], 2000, 0.5, 0.5, 0],
    [[], 800, 0, 0, 0],
    [[['puffery', 'quoted']], 0, 0, 0, 0],
  ] as const)(
    'counts %j over %i words as %d per 1,000 (writer %d, quoted %d)',
    (list, words, total, writer, quoted) => {
      const d = measureDensity(
        list.map(([category, voice]) => ({ category, voice })),
        words,
      );
      expect(d.total).toBeCloseTo(total);
      expect(d.writer).toBeCloseTo(writer);
      expect(d.quoted).toBeCloseTo(quoted);
    },
  );

  it('splits every category by voice and lists unused categories as zero', () => {
    const d = measureDensity(
      [
        { category: 'loaded-term', voice: 'writer' },
        { category: 'loaded-term', voice: 'quoted' },
        { category: 'intensifier', voice: 'quoted' },
      ],
      1000,
    );
    expect(d.byCategory['loaded-term']).toEqual({ writer: 1, quoted: 1 });
    expect(d.byCategory.intensifier).toEqual({ writer: 0, quoted: 1 });
    expect(d.byCategory.puffery).toEqual({ writer: 0, quoted: 0 });
    expect(Object.keys(d.byCategory)).toHaveLength(10);
  });

  it('rejects a negative word count with a message naming the module', () => {
    expect(() => measureDensity([], -1)).toThrow(/^editorial:/);
  });
});
