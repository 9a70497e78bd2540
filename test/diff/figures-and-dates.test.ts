import { describe, expect, it } from 'vitest';
import { extractDates, isNumberUnit } from '../../src/diff/figures-and-dates.js';
import { splitDiffUnits } from '../../src/diff/index.js';

const datesIn = (text: string) => extractDates(splitDiffUnits(text)).map((d) => text.slice(d.start, d.end));
const figuresIn = (text: string) =>
  splitDiffUnits(text)
    .filter(isNumberUnit)
    .map((u) => u.text);

describe('extractDates', () => {
  it.each([
    ['a day and month', 'talks resume on March 3 in Geneva', ['March 3']],
    ['a full date with a year', 'signed on September 5, 2025 in Baghdad', ['September 5, 2025']],
    ['a day before the month', 'from the 3rd of May onwards', ['3rd of May']],
    ['a year after a deadline opener', 'leave by the end of 2025', ['2025']],
    ['a weekday and a relative day', 'on Monday, not today', ['Monday', 'today']],
    ['a decade', 'since the 1990s', ['1990s']],
    ['the verb may and the verb march', 'they may march on the capital', []],
    ['a count that is not a year', 'some 2,500 troops and 40 tanks', []],
  ])('finds %s', (_name, text, dates) => {
    expect(datesIn(text)).toEqual(dates);
  });
});

describe('isNumberUnit', () => {
  it.each([
    ['grouped figures and sums', 'about 2,500 troops cost $35,000,000', ['2,500', '$35,000,000']],
    ['a percentage and a scaled sum', 'up 3.5% to €2.5bn', ['3.5%', '€2.5bn']],
    ['words only', 'no figures here', []],
  ])('picks %s', (_name, text, figures) => {
    expect(figuresIn(text)).toEqual(figures);
  });
});
