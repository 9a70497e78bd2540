import { describe, expect, it } from 'vitest';
import { countWordsUpTo, shareLatin, splitWords } from '../../src/ingest/lines.js';
import { isReportingCredit } from '../../src/ingest/furniture-patterns.js';

const LINES = [
  '',
  '   ',
  'One',
  'Breaking: two words',
  "The minister's office — reached on Tuesday — said it would 'look again' at the U.S.-led plan.",
  'اعلن المسؤول أن القوات ستنسحب',
  'word '.repeat(40),
];

describe('countWordsUpTo', () => {
  it.each(LINES)('counts the words of %j as splitWords does, up to the limit', (line) => {
    const words = splitWords(line).length;
    for (const limit of [0, 1, 3, 8, 25, 31, 100]) expect(countWordsUpTo(line, limit)).toBe(Math.min(words, limit));
  });
});

describe('shareLatin', () => {
  it.each([
    ['', 1],
    ['2024 — 12:30', 1],
    ['Plain English, with “curly quotes” and café', 1],
    ['abc ابت', 0.5],
    ['اعلن المسؤول', 0],
    // a modifier letter of the Common script opening a word makes that word not Latin
    ['ʹab cd', 0.4],
    // ... but not when it follows a Latin letter inside the word
    ['aʹb cd', 1],
  ])('gives %j a Latin share of %d', (text, share) => {
    expect(shareLatin(text)).toBeCloseTo(share, 10);
  });
});

describe('isReportingCredit', () => {
  it.each([
    ['(Reporting by Jane Doe in Kyiv; Editing by John Roe)', true],
    ['Reporting BY Jane Doe', true],
    ['Reporting\tby\tJane Doe', true],
    ['With files from The Associated Press', true],
    ['(Reporting from Jane Doe)', false],
    ['Reportingby Jane Doe', false],
  ])('reads %j as a credit line: %s', (line, expected) => {
    expect(isReportingCredit(line)).toBe(expected);
  });
});
