import { describe, expect, it } from 'vitest';
import { matchSpeaker, speakerKey } from '../../src/quotes/speakers.js';

describe('speakerKey', () => {
  it.each([
    ['Firas al-Yasser', 'Firas al-Yasir'],
    ['al-Yasser', 'Yasser'],
    ['Kataeb Hezbollah', 'Kataib Hezbollah'],
    ['Musawi', 'al-Musawi'],
    ['Qassem Soleimani', 'Qasem Soleimani'],
    ['Mohammed al-Tamimi', 'Muhammad Al-Tamimi'],
    ['José Álvarez', 'jose alvarez'],
    ['Abdel Fattah el-Sisi', 'Abdel Fattah Sisi'],
  ])('gives %s and %s the same key', (a, b) => {
    expect(speakerKey(a)).toBe(speakerKey(b));
  });

  it.each([
    ['Hussein al-Musawi', 'Firas al-Yasser'],
    ['Joe Biden', 'Donald Trump'],
    ['Abu Mahdi', 'Mahdi'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(speakerKey(a)).not.toBe(speakerKey(b));
  });

  it('returns an empty key for a name without letters', () => {
    expect(speakerKey(' -- ')).toBe('');
  });
});

describe('matchSpeaker', () => {
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
  ])('matches %s', (_case, name, id) => {
    expect(matchSpeaker(name, known)).toBe(id);
  });

  it.each([
    ['an ambiguous surname', 'Hussein'],
    ['an unknown name', 'Matthew Miller'],
    ['another first name with a known surname', 'Ali al-Musawi'],
    ['an empty name', ''],
  ])('returns null for %s', (_case, name) => {
    expect(matchSpeaker(name, known)).toBeNull();
  });
});
