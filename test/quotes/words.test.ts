import { describe, expect, it } from 'vitest';
import { startsUpper } from '../../src/quotes/words.js';

describe('startsUpper', () => {
  it.each([
    ['Musawi', true],
    ['al-Yasir', false],
    ['Élysée', true],
    ['éclat', false],
    ['Ωmega', true],
    ['ωmega', false],
    ['Ärzte', true],
    ['ß', false],
    ['2024', false],
    ['“Quote', false],
    ['', false],
    ['\u{1D400}bc', true], // mathematical bold capital A, outside the BMP
  ])('answers %j like /^\\p{Lu}/u: %s', (text, expected) => {
    expect(startsUpper(text)).toBe(expected);
    expect(startsUpper(text)).toBe(/^\p{Lu}/u.test(text));
  });
});
