import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../src/ingest/index.js';

describe('parseDate', () => {
  it.each([
    ['2025-03-20', '2025-03-20'],
    ['2025-03-20T10:00:00Z', '2025-03-20'],
    ['2024-11-05T23:30:00-05:00', '2024-11-05'],
    ['26.03.2025', '2025-03-26'],
    ['March 24, 2025', '2025-03-24'],
    ['Mar. 4, 2025', '2025-03-04'],
    ['Sept 9 2024', '2024-09-09'],
    ['24 March 2025', '2025-03-24'],
    ['1st of June, 2023', '2023-06-01'],
    ['Monday, March 24, 2025', '2025-03-24'],
    ['Tue 5 March 2024 10:32 GMT', '2024-03-05'],
    ['25/12/2024', '2024-12-25'],
    ['12/25/2024', '2024-12-25'],
    ['2024/07/01', '2024-07-01'],
  ])('reads %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(['February 30, 2024', '31.04.2025', '2025-13-01', 'March 2025', 'yesterday', '1850-01-01', ''])(
    'rejects %s',
    (input) => {
      expect(parseDate(input)).toBeNull();
    },
  );
});

describe('findDates', () => {
  it('finds every date in a sentence, in order', () => {
    const found = findDates('Signed on March 14, 2024 and ratified 2024-06-01 in Baghdad.');
    expect(found.map((d) => d.iso)).toEqual(['2024-03-14', '2024-06-01']);
    expect(found[0].text).toBe('March 14, 2024');
  });

  it('does not read part of a longer number as a date', () => {
    expect(findDates('order 126.03.2025x and v2025-03-20')).toEqual([]);
  });
});

describe('relative dates', () => {
  const reference = new Date('2025-04-01T12:00:00Z');
  it.each([
    ['yesterday', '2025-03-31'],
    ['3 days ago', '2025-03-29'],
    ['March 24, 2025', '2025-03-24'],
  ])('reads %s against the time of the import', (input, expected) => {
    expect(parseDate(input, reference)).toBe(expected);
  });

  it('finds no relative date inside a text, where no reference day applies', () => {
    expect(findDates('The council met on Tuesday and again yesterday.')).toEqual([]);
  });
});
