import { describe, expect, it } from 'vitest';
import { buildMatch, nameMatches, searchWords, spellingVariants } from '../../src/search/query.js';

describe('search queries', () => {
  it.each([
    ['Withdrawal of troops', ['withdrawal', 'of', 'troops']],
    ['bridge" OR (', ['bridge', 'or']],
    ['  ', []],
    ['al-Yasir al-Yasir', ['al', 'yasir']],
  ])('takes the words of %j', (q, words) => {
    expect(searchWords(q)).toEqual(words);
  });

  it('quotes every word so FTS syntax in a query is only text', () => {
    expect(buildMatch(['bridge', 'or'])).toBe('"bridge" AND "or"');
    expect(buildMatch(['a"b'])).toBe('"a""b"');
  });

  it('widens a word to the other spellings of a speaker name', () => {
    const variants = spellingVariants(['yasir', 'troops', 'al'], ['firas', 'al', 'yasser', 'kataeb']);
    expect(Object.fromEntries(variants)).toEqual({ yasir: ['yasser'] });
    expect(buildMatch(['yasir', 'troops'], variants)).toBe('("yasir" OR "yasser") AND "troops"');
  });

  it.each([
    ['Firas al-Yasser', ['yasir'], true],
    ['Firas al-Yasser', ['fir'], true],
    ['Firas al-Yasser', ['firas', 'yasir'], true],
    ['Firas al-Yasser', ['kaabi'], false],
    ['Kataeb Hezbollah', ['kataib'], true],
    ['Kataeb Hezbollah', [], false],
  ])('matches the name %s against %j: %s', (name, words, expected) => {
    expect(nameMatches(name, words)).toBe(expected);
  });
});
