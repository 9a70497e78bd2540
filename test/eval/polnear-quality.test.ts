import { describe, expect, it } from 'vitest';
import {
  checkPolnearFloors,
  describePolnear,
  loadPolnear,
  polnearDir,
  scorePolnear,
  speakerMatches,
  isPronounSource,
} from '../../bench/eval/polnear.js';

const dev = loadPolnear('dev');

describe('quote and speaker quality on PolNeAR dev', () => {
  it.skipIf(dev === null)('keeps direct-quote recall and speaker accuracy above their floors', () => {
    const s = scorePolnear(dev!);
    expect(checkPolnearFloors(s), describePolnear('dev', s).join('\n')).toEqual([]);
  });

  it.runIf(dev === null)(`is skipped: ${polnearDir} not found`, () => {
    expect(dev).toBeNull();
  });
});

describe('the PolNeAR speaker match', () => {
  it.each([
    ['Donald Trump', 'Mr. Trump', true],
    ['John Podesta', "Podesta, who is now chairman of Hillary Clinton's presidential campaign", true],
    ['Acme', 'a spokesperson for Acme', true],
    ['Ann Ruiz', 'Sen. Ann Ruiz of Ohio', true],
    ['Donald Trump', 'Hillary Clinton', false],
    [null, 'Hillary Clinton', false],
    ['Trump Tower', 'the insider', false],
  ])('matches %s against source %s: %s', (got, source, expected) => {
    expect(speakerMatches(got, source)).toBe(expected);
  });

  it.each([
    ['he', true],
    ['They', true],
    ['the senator', false],
    ['Clinton', false],
  ])('tells pronoun source %s: %s', (source, expected) => {
    expect(isPronounSource(source)).toBe(expected);
  });
});
