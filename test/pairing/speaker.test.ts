import { describe, expect, it } from 'vitest';
import { matchSpeakers } from '../../src/pairing/speaker.js';

describe('matchSpeakers', () => {
  it.each([
    ['Firas al-Yasser', 'Firas al-Yasir', 'same'],
    ['Firas al-Yasser', 'al-Yasser', 'same'],
    ['President Joe Biden', 'Biden', 'same'],
    ['António Guterres', 'Antonio Guterres', 'same'],
    ['Olaf Scholz', 'Antony Blinken', 'different'],
    ['Hussein al-Musawi', 'Firas al-Yasser', 'different'],
    ['Firas al-Yasser', null, 'unknown'],
    [null, null, 'unknown'],
    ['', 'Biden', 'unknown'],
  ] as const)('%s and %s → %s', (a, b, expected) => {
    expect(matchSpeakers(a, b)).toBe(expected);
  });
});
