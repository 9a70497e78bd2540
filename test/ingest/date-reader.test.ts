import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { PARSER_GUARDS, readChrono } from '../../src/ingest/date-reader.js';

// Every kind of text chrono's English casual parsers read, by parser, and sentences around them.
const FORMS = [
  // ISO and year-month-day (ISOFormatParser, ENYearMonthDayParser)
  '2024-03-05',
  '2024-03-05T10:00:00Z',
  '2024-11-05T23:30:00-05:00',
  '2024/03/05',
  '2024.03.05',
  '2024 March 5',
  '2024-Mar-05',
  // numeric (SlashDateFormatParser, ENSlashMonthFormatParser)
  '5/3/2024',
  '12/25/2024',
  '25/12/2024',
  '26.03.2025',
  '05-03-2024',
  '3/2024',
  '11/8',
  // month names and abbreviations, day first and month first (ENMonthName*Parser, ENYearMonthNameParser)
  'January 5, 2024',
  'Feb. 29, 2024',
  'Mar 4 2025',
  'April 1st, 2016',
  'May 5 2016',
  'June 30, 2016',
  'Jul. 4, 2016',
  'Aug 8 2016',
  'Sept 9 2024',
  'Sep. 9, 2024',
  'October 10, 2016',
  'Nov. 8, 2016',
  'DECEMBER 25, 2016',
  '5 March 2024',
  '1st of June, 2023',
  'the 5th of March 2024',
  '5th-7th March 2024',
  'March 5 - 7, 2024',
  'from March 5 to March 7, 2024',
  'March 2024',
  'in March',
  // weekdays (ENWeekdayParser), with dates, times and zones (ENTimeExpressionParser, refiners)
  'Monday',
  'Tue 5 March 2024 10:32 GMT',
  'Sunday, Nov. 6, 2016',
  'Weds Nov 9 2016',
  'last Tuesday',
  'next Friday at 5pm',
  '10:32 AM EST, March 5, 2024',
  'Nov. 8, 2016, 9:00 p.m.',
  'Saturday, 5 March 2016, 10:00 +0100',
  'Mon, 05 Mar 2024 10:00:00 +0000',
  'at 10pm',
  '10:30 a.m.',
  'noon',
  'midnight',
  // casual words (ENCasualDateParser, ENCasualTimeParser, ENEndOfCurrentMonthParser)
  'today',
  'yesterday',
  'tomorrow',
  'tonight',
  'now',
  'last night',
  'this morning',
  'end of the month',
  // relative forms: the guarded parsers (ago, later, casual relative) and their neighbours
  '3 days ago',
  'an hour ago',
  'Two Days Ago',
  '2 days, 3 hours and 5 minutes ago',
  'a year before',
  'a couple of days earlier',
  '2 d ago',
  '3h ago',
  '2 weeks later',
  'half an hour later',
  '5 minutes from now',
  'TWO WEEKS FROM NOW',
  '2 days after March 5, 2024',
  '2 days henceforth',
  '3 days forward',
  '2 days out',
  '1 yr later',
  'next 2 weeks',
  'last 3 months',
  'past 2 years',
  'this week',
  'next qtr',
  '+2 days',
  '+ 3 weeks',
  '-3 days',
  'after 2 weeks',
  'within 2 hours',
  'in 5 days',
  'for 3 days',
  'next week',
  'last month',
  'this year',
  // lines of news pages
  'Published: March 5, 2024',
  'Updated 10:00 GMT, 5 March 2024',
  'Updated 3 hours ago',
  'By Jane Doe, March 5, 2024',
  'July 6, 2015, Sanders made the following comment:',
  'Small group of rich donors pushes tally beyond total for 2012.',
  'Signed on March 14, 2024 and ratified 2024-06-01 in Baghdad, two days later than planned.',
  'Three weeks before the 2016 election, the campaign said it was out of money.',
  'Prices rose 2-3% over the last 12 months, after falling 4.5% the year before.',
  'The council met on Tuesday and again yesterday.',
];

const REFERENCES = [new Date(0), new Date('2025-04-01T12:00:00Z')];

/** What a reading says, in a form two readings can be compared by. */
function describeReading(results: chrono.ParsedResult[]): unknown[] {
  return results.map((r) => ({
    index: r.index,
    text: r.text,
    start: r.start.date().toISOString(),
    certain: ['year', 'month', 'day', 'hour', 'minute', 'weekday'].filter((c) =>
      r.start.isCertain(c as chrono.Component),
    ),
    end: r.end?.date().toISOString() ?? null,
  }));
}

describe('readChrono', () => {
  it('reads at least one date in nearly every form of the table (the table exercises chrono)', () => {
    const read = FORMS.filter((text) => chrono.parse(text, REFERENCES[1]).length > 0);
    expect(read.length).toBeGreaterThan(FORMS.length - 5);
  });

  it.each(FORMS)('reads %s as chrono.parse does', (text) => {
    for (const reference of REFERENCES)
      expect(describeReading(readChrono(text, reference))).toEqual(describeReading(chrono.parse(text, reference)));
  });
});

describe('the guards of the costly chrono parsers', () => {
  const guarded = chrono.casual.parsers.filter((p) => PARSER_GUARDS[p.constructor.name]);

  it('guard the three parsers of repeated time units, which chrono still has', () => {
    expect(guarded.map((p) => p.constructor.name).sort()).toEqual(Object.keys(PARSER_GUARDS).sort());
  });

  it.each(FORMS)('let %s through to every guarded parser whose pattern matches it', (text) => {
    const context = new chrono.ParsingContext(text, new Date(0));
    for (const parser of guarded) {
      if (parser.pattern(context).test(text)) expect(PARSER_GUARDS[parser.constructor.name].test(text)).toBe(true);
    }
  });

  // The guards hold only while each pattern needs one of its guard's words: a pattern of
  // this shape — a left boundary, then one required group or word list, then the rest —
  // is pinned here, so a chrono whose patterns change fails this test until they are read again.
  it.each([
    ['ENTimeUnitAgoFormatParser', /^\(\\W\|\^\)\((.+)\)\\s\{0,5\}\(\?:ago\|before\|earlier\)\(\?=\\W\|\$\)$/],
    [
      'ENTimeUnitLaterFormatParser',
      /^\(\\W\|\^\)\((.+)\)\\s\{0,5\}\(\?:later\|after\|from now\|henceforth\|forward\|out\)\(\?=\(\?:\\W\|\$\)\)$/,
    ],
    [
      'ENTimeUnitCasualRelativeFormatParser',
      /^\(\\W\|\^\)\(this\|last\|past\|next\|after\|\\\+\|-\)\\s\*\((.+)\)\(\?=\\W\|\$\)$/,
    ],
  ])('finds the pattern of %s as the guard assumes', (name, shape) => {
    const parser = guarded.find((p) => p.constructor.name === name)!;
    const pattern = parser.pattern(new chrono.ParsingContext('', new Date(0)));
    expect(pattern.flags).toBe('i');
    const inner = shape.exec(pattern.source)?.[1];
    expect(inner).toBeDefined();
    // the captured middle is one group: its brackets balance at every prefix, so no
    // top-level alternative can bypass the required words
    let depth = 0;
    for (let i = 0; i < inner!.length; i++) {
      if (inner![i] === '\\') i++;
      else if (inner![i] === '(') depth++;
      else if (inner![i] === ')') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
});
