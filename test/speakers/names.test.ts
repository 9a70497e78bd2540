import { describe, expect, it } from 'vitest';
import { speakerKey } from '../../src/speakers/index.js';

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
