import { describe, expect, it } from 'vitest';
import { computeCohenKappa, computeKrippendorffAlpha, measureAgreement } from '../../src/annotations/agreement.js';

/** Two raters' yes/no labels from a 2×2 table: [yes-yes, yes-no, no-yes, no-no]. */
function fromTable([yy, yn, ny, nn]: number[]): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  const push = (n: number, x: string, y: string) => {
    for (let i = 0; i < n; i++) {
      a.push(x);
      b.push(y);
    }
  };
  push(yy, 'yes', 'yes');
  push(yn, 'yes', 'no');
  push(ny, 'no', 'yes');
  push(nn, 'no', 'no');
  return [a, b];
}

describe('Cohen’s kappa', () => {
  // the worked 2×2 examples of the Wikipedia article "Cohen's kappa":
  // po = 0.7, pe = 0.5 → 0.4; and the two tables with equal po = 0.60 but different kappas
  it.each([
    [[20, 5, 10, 15], 0.4],
    [[45, 15, 25, 15], 0.1304],
    [[25, 35, 5, 35], 0.2593],
  ])('gives the textbook value for the table %j', (table, expected) => {
    const [a, b] = fromTable(table);
    expect(computeCohenKappa(a, b)).toBeCloseTo(expected, 4);
  });

  it('is 1 for identical labels with two values in use and undefined with one', () => {
    expect(computeCohenKappa(['x', 'y', 'x'], ['x', 'y', 'x'])).toBe(1);
    expect(computeCohenKappa(['x', 'x'], ['x', 'x'])).toBeNull();
  });

  it('skips units a rater left missing', () => {
    const [a, b] = fromTable([20, 5, 10, 15]);
    expect(computeCohenKappa([...a, null, 'yes'], [...b, 'no', null])).toBeCloseTo(0.4, 10);
  });
});

describe('Krippendorff’s alpha (nominal)', () => {
  const _ = null;
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
  // four observers, twelve units, missing values; nominal alpha = 0.743
  const reliabilityData = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];

  it('gives the published 0.743 for the four-observer example with missing values', () => {
    expect(computeKrippendorffAlpha(reliabilityData)).toBeCloseTo(0.743, 3);
  });

  it('gives the published 0.095 for the two-observer binary example', () => {
    // the same paper, section A: two observers, ten units
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(computeKrippendorffAlpha([a, b])).toBeCloseTo(0.095, 3);
  });

  it('is 1 for perfect agreement and undefined when one value is used throughout', () => {
    expect(
      computeKrippendorffAlpha([
        [1, 2, 1],
        [1, 2, 1],
        [1, 2, 1],
      ]),
    ).toBe(1);
    expect(
      computeKrippendorffAlpha([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
  });
});

describe('measureAgreement', () => {
  const text = 'The senator slammed the reckless plan on Tuesday.';
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

  it('uses kappa for two reviewers and lists where they disagree', () => {
    const [result] = measureAgreement(
      text,
      ['ann', 'ben'],
      [
        { reviewer: 'ann', tagId: 'loaded-term', ...at('slammed the reckless') },
        { reviewer: 'ben', tagId: 'loaded-term', ...at('reckless') },
      ],
    );
    expect(result).toMatchObject({ tagId: 'loaded-term', measure: 'kappa', tokens: 8 });
    expect(result.disagreements).toEqual([
      { ...at('slammed the'), text: 'slammed the', marked: ['ann'], unmarked: ['ben'] },
    ]);
    // 8 tokens: ann marks 3, ben 1, they agree on 6 → po = 0.75, pe = (3·1 + 5·7)/64
    const pe = (3 * 1 + 5 * 7) / 64;
    expect(result.value).toBeCloseTo((0.75 - pe) / (1 - pe), 10);
  });

  it('uses alpha for three reviewers, counting a reviewer who never used the tag as marking nothing', () => {
    const results = measureAgreement(
      text,
      ['ann', 'ben', 'cat'],
      [
        { reviewer: 'ann', tagId: 'loaded-term', ...at('reckless') },
        { reviewer: 'ben', tagId: 'loaded-term', ...at('reckless') },
        { reviewer: 'cat', tagId: 'intensifier', ...at('slammed') },
      ],
    );
    expect(results.map((r) => r.tagId)).toEqual(['intensifier', 'loaded-term']);
    const result = results[1];
    expect(result.measure).toBe('alpha');
    expect(result.disagreements).toEqual([
      { ...at('reckless'), text: 'reckless', marked: ['ann', 'ben'], unmarked: ['cat'] },
    ]);
  });

  it('needs two reviewers', () => {
    expect(measureAgreement(text, ['ann'], [{ reviewer: 'ann', tagId: 'x', start: 0, end: 3 }])).toEqual([]);
  });
});
