import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/vectors/load.js';
import { alignQuotes, findAlterations, prepareQuote } from '../../src/pairing/index.js';
import { isRounding, shareUnit } from '../../src/pairing/figures.js';

const vectors = loadVectors();
const figures = (text: string) =>
  prepareQuote(text, vectors)
    .content.filter((w) => w.kind === 'number')
    .map((w) => ({ key: w.key, text: w.text, unit: w.unit, precision: w.precision }));
const altered = (a: string, b: string) =>
  findAlterations(alignQuotes(prepareQuote(a, vectors), prepareQuote(b, vectors)));

describe('figures', () => {
  it.each([
    ['a $70-million program', { key: '70000000', text: '$70-million', unit: 'USD', precision: 1e6 }],
    ['costs $US13.15 each', { key: '13.15', text: '$US13.15', unit: 'USD', precision: 0.01 }],
    ['1,2 million women', { key: '1200000', text: '1,2 million', unit: undefined, precision: 1e5 }],
    ['Fifty-seven senators', { key: '57', text: 'Fifty-seven', unit: undefined, precision: 1 }],
    ['rose 8.8 per cent', { key: '8.8', text: '8.8 per cent', unit: '%', precision: 0.1 }],
    ['about 90 miles north', { key: '90', text: '90', unit: 'mile', precision: 1 }],
    ['killed 300 people', { key: '300', text: '300', unit: undefined, precision: 100 }],
  ])('reads %s as one figure', (text, figure) => {
    expect(figures(text)).toEqual([figure]);
  });

  it('reads no figure in a number word inside a compound ("four-year")', () => {
    expect(figures('a four-year degree')).toEqual([]);
  });

  it.each([
    [{ value: 65e9, precision: 1e9 }, { value: 64.7e9, precision: 1e8 }, true],
    [{ value: 17, precision: 1 }, { value: 17.3, precision: 0.1 }, true],
    [{ value: 300, precision: 100 }, { value: 296, precision: 1 }, true],
    [{ value: 7, precision: 1 }, { value: 7.1, precision: 0.1 }, true],
    [{ value: 40, precision: 1 }, { value: 43, precision: 1 }, false],
    [{ value: 2500, precision: 100 }, { value: 25000, precision: 1000 }, false],
    [{ value: 1.5e12, precision: 1e11 }, { value: 15e12, precision: 1e12 }, false],
    [{ value: 600e6, precision: 1e8 }, { value: 60e6, precision: 1e7 }, false],
  ])('rounding: %o and %o → %s', (a, b, expected) => {
    expect(isRounding(a, b)).toBe(expected);
  });

  it('compares a percentage only with a percentage, and figures in one unit', () => {
    expect(shareUnit({ unit: '%' }, {})).toBe(false);
    expect(shareUnit({ unit: 'mile' }, { unit: 'km' })).toBe(false);
    expect(shareUnit({ unit: 'USD' }, {})).toBe(true);
  });
});

describe('alterations of figures', () => {
  it.each([
    [
      'The bulk of the funds, some $65 billion, will go to military operations.',
      'The bulk of the funds, $64.7 billion, will go to military operations.',
    ],
    ['Mahmud was seized about 90 miles north of Baghdad.', 'Mahmud was seized about 150 kilometres north of Baghdad.'],
    ['Goldman sold the shares at $US13.15 each.', 'Goldman sold the shares at $13.15 each.'],
    ['Fifty-seven senators have signed the letter.', 'Of those who signed the letter, 57 are senators.'],
    [
      "If the companies won't, their drugs could be prescribed only with the state's say-so.",
      "If a company won't do so, its drugs could be prescribed only with the state's say-so.",
    ],
  ])('none between %s and %s', (a, b) => {
    expect(altered(a, b)).toEqual([]);
  });

  it('still lists a changed figure in one unit and a changed year', () => {
    expect(altered('Shares rose 40 percent this year.', 'Shares rose 43 percent this year.')).toEqual([
      { kind: 'amount', earlier: '40 percent', later: '43 percent' },
    ]);
    expect(altered('The mission will end in 2020.', 'The mission will end in 2025.')).toEqual([
      { kind: 'date', earlier: '2020', later: '2025' },
    ]);
  });
});
