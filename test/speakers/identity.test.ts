import { describe, expect, it } from 'vitest';
import { findKnownSpeaker, matchSpeakers, resolveSpeakerNames } from '../../src/speakers/index.js';

describe('findKnownSpeaker', () => {
  const known = [
    { id: 1, name: 'Firas al-Yasser', aliases: ['Yasser'] },
    { id: 2, name: 'Hussein al-Musawi', aliases: [] },
    { id: 3, name: 'Kataeb Hezbollah', aliases: ['KH'] },
    { id: 4, name: 'Fuad Hussein', aliases: [] },
    { id: 5, name: 'Saddam Hussein', aliases: [] },
  ];

  it.each([
    ['a transliteration variant', 'Firas al-Yasir', 1],
    ['an alias', 'KH', 3],
    ['a spelling variant of an organisation', 'Kataib Hezbollah', 3],
    ['a surname alone', 'Musawi', 2],
    ['a surname with the article', 'al-Yasir', 1],
    ['the full name with a middle name dropped', 'Hussein Musawi', 2],
    ['a title with the surname', 'Sheikh al-Yasir', 1],
  ])('matches %s', (_case, name, id) => {
    expect(findKnownSpeaker(name, known)).toBe(id);
  });

  it.each([
    ['an ambiguous surname', 'Hussein'],
    ['an unknown name', 'Matthew Miller'],
    ['another first name with a known surname', 'Ali al-Musawi'],
    ['an empty name', ''],
  ])('returns null for %s', (_case, name) => {
    expect(findKnownSpeaker(name, known)).toBeNull();
  });
});

describe('matchSpeakers: the one rule for the same speaker', () => {
  it.each([
    ['Firas al-Yasser', 'Firas al-Yasir', 'same'],
    ['Firas al-Yasser', 'al-Yasser', 'same'],
    ['President Joe Biden', 'Biden', 'same'],
    ['President Biden', 'Joe Biden', 'same'],
    ['António Guterres', 'Antonio Guterres', 'same'],
    ['Kataeb Hezbollah', 'KATAIB HEZBOLLAH', 'same'],
    ['Olaf Scholz', 'Antony Blinken', 'different'],
    ['Hussein al-Musawi', 'Firas al-Yasser', 'different'],
    ['Ali al-Musawi', 'Hussein al-Musawi', 'different'],
    ['Donald', 'Donald Trump', 'different'],
    ['Firas al-Yasser', null, 'unknown'],
    [null, null, 'unknown'],
    ['', 'Biden', 'unknown'],
  ] as const)('%s and %s → %s', (a, b, expected) => {
    expect(matchSpeakers(a, b)).toBe(expected);
  });
});

describe('resolveSpeakerNames', () => {
  it('gives the variants of one speaker the fullest name and keeps others apart', () => {
    const names = resolveSpeakerNames(['al-Yasir', 'Firas al-Yasser', 'Hussein al-Musawi', 'Yasser']);
    expect(Object.fromEntries(names)).toEqual({
      'al-Yasir': 'Firas al-Yasser',
      'Firas al-Yasser': 'Firas al-Yasser',
      Yasser: 'Firas al-Yasser',
      'Hussein al-Musawi': 'Hussein al-Musawi',
    });
  });
});
