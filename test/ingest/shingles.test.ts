import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mayBeNearDuplicates,
  nearDuplicateShare,
  shareIfAtLeast,
  sharedShingles,
  shingleSet,
  sketchShingles,
} from '../../src/ingest/shingles.js';

const base =
  'The city council approved a new bridge on Tuesday after a long debate. Mayor Tom Reed said the bridge will connect two neighbourhoods. ' +
  'Construction starts next year and should take three years. The budget is twelve million dollars, paid by the state and the city. ' +
  'Residents who spoke at the meeting were divided. Some welcomed the shorter commute, others feared more traffic on their streets.';

describe('shared word shingles', () => {
  it.each([
    ['the same text', base, 1],
    ['case and punctuation changed', base.toUpperCase().replace(/\./g, ';'), 1],
  ])('gives 1 for %s', (_label, other, share) => {
    expect(sharedShingles(shingleSet(base), shingleSet(other))).toBe(share);
  });

  it('keeps a text with one word changed above the near-duplicate share', () => {
    const edited = base.replace('twelve million', 'fifteen million');
    expect(sharedShingles(shingleSet(base), shingleSet(edited))).toBeGreaterThanOrEqual(nearDuplicateShare);
  });

  it('puts a text with a sentence added and one dropped in between, and a different story far below', () => {
    const rewritten = base.replace('Residents who spoke at the meeting were divided.', 'The vote was five to two.');
    const share = sharedShingles(shingleSet(base), shingleSet(rewritten));
    expect(share).toBeLessThan(1);
    expect(share).toBeGreaterThan(0.6);
    const other = 'A storm closed the harbour on Monday and fishing boats stayed in port until the wind dropped.';
    expect(sharedShingles(shingleSet(base), shingleSet(other))).toBe(0);
  });

  it('gives 0 for two empty texts', () => {
    expect(sharedShingles(shingleSet(''), shingleSet(''))).toBe(0);
  });
});

describe('shareIfAtLeast', () => {
  const edited = base.replace('twelve million', 'fifteen million');
  const rewritten = base.replace('Residents who spoke at the meeting were divided.', 'The vote was five to two.');
  const texts = [base, edited, rewritten, base.toUpperCase(), 'A storm closed the harbour.', 'Two words', 'one', ''];

  it.each(texts.flatMap((a) => texts.map((b) => [a, b] as const)))(
    'gives the share of %j and %j when it reaches the bound, null only when it cannot',
    (a, b) => {
      const share = sharedShingles(shingleSet(a), shingleSet(b));
      for (const bound of [nearDuplicateShare, 0.5, 0.99]) {
        const got = shareIfAtLeast(shingleSet(a), b, bound);
        if (got === null) expect(share).toBeLessThan(bound);
        else expect(got).toBe(share);
      }
      expect(shareIfAtLeast(shingleSet(a), b, 0.0001) ?? 0).toBe(share);
    },
  );

  it('reads words as the lower-cased text does, whatever the letters (dotted capital I, final sigma)', () => {
    const pieces = [
      'İstanbul',
      'ΟΔΟΣ',
      'ΑΣ',
      'Σ',
      'σ',
      'ς',
      'A',
      'b',
      'É',
      'ß',
      'ﬀ',
      'Ⅻ',
      '1',
      ' ',
      '.',
      '-',
      '\u0307',
      '\n',
    ];
    const piece = fc.constantFrom(...pieces);
    const text = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));
    // the sigma before "." and a capital is not final in the whole text: "ασ", not "ας"
    const sigma = 'aa  ΑΣ.İstanbul.É  ';
    expect(shareIfAtLeast(shingleSet('ς .ΑΣ.İstanbul xYBY'), sigma, 0.0001)).toBe(
      sharedShingles(shingleSet('ς .ΑΣ.İstanbul xYBY'), shingleSet(sigma)),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(shareIfAtLeast(shingleSet(a), b, 0.0001) ?? 0).toBe(sharedShingles(shingleSet(a), shingleSet(b)));
      }),
      { numRuns: 3000, seed: 18 },
    );
  });

  it('gives null for a different story', () => {
    const other =
      'A storm closed the harbour on Monday and fishing boats stayed in port until the wind dropped. '.repeat(20);
    expect(shareIfAtLeast(shingleSet(base), other, nearDuplicateShare)).toBeNull();
  });
});

describe('shingle sketches', () => {
  const words =
    'council bridge mayor budget city state residents traffic vote harbour storm port wind school teacher year'.split(
      ' ',
    );
  /** A text of n words drawn from a small vocabulary (many repeated shingles), seeded. */
  const draw = (n: number, seed: number) => {
    let s = seed;
    return Array.from({ length: n }, () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return words[s % words.length] + (s % 7 === 0 ? 's' : '');
    });
  };

  it('never rules out two texts that share the near-duplicate share, long or short', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 900 }), fc.integer(), fc.integer({ min: 0, max: 30 }), (n, seed, edits) => {
        const a = draw(n, seed);
        const b = a.slice();
        for (let k = 0; k < edits; k += 1) b[Math.abs(k * 7919 + seed) % n] = `edited${k}`;
        const share = sharedShingles(shingleSet(a.join(' ')), shingleSet(b.join(' ')));
        if (share >= nearDuplicateShare)
          expect(mayBeNearDuplicates(sketchShingles(a.join(' ')), sketchShingles(b.join(' ')))).toBe(true);
      }),
      { seed: 19, numRuns: 300 },
    );
  });

  it('rules out a different story and keeps a text with one word changed', () => {
    const other = draw(120, 5).join(' ');
    expect(mayBeNearDuplicates(sketchShingles(base), sketchShingles(other))).toBe(false);
    expect(mayBeNearDuplicates(sketchShingles(base), sketchShingles(base.replace('twelve', 'fifteen')))).toBe(true);
    // the lowest 64 hashes of a long text; every one of a short one (base has 63 shingles)
    expect(sketchShingles(draw(500, 3).join(' ')).length).toBe(64);
    expect(sketchShingles(base).length).toBe(shingleSet(base).size);
    expect(mayBeNearDuplicates(sketchShingles(''), sketchShingles(''))).toBe(false);
  });
});
