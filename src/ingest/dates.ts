/**
 * ingest: reading the dates news pages print (ISO, 26.03.2025, March 24, 2025,
 * 24 March 2025, ...) into YYYY-MM-DD.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?';
const TIME =
  '(?:[T\\s]+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:Z|[+-]\\d{2}:?\\d{2}|[A-Z]{2,4})?)?';

/** The date forms we read, each with how to pull year/month/day out of its groups. */
const FORMS: { source: string; pick: (m: RegExpExecArray) => [string, string, string] }[] = [
  { source: `(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}`, pick: (m) => [m[1], m[2], m[3]] },
  { source: `(\\d{4})/(\\d{1,2})/(\\d{1,2})`, pick: (m) => [m[1], m[2], m[3]] },
  // 26.03.2025 is day-first wherever it is written.
  { source: `(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})`, pick: (m) => [m[3], m[2], m[1]] },
  { source: `(\\d{1,2})/(\\d{1,2})/(\\d{4})`, pick: (m) => pickSlashed(m[1], m[2], m[3]) },
  { source: `${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, pick: (m) => [m[3], m[1], m[2]] },
  {
    source: `${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})${TIME}`,
    pick: (m) => [m[3], m[2], m[1]],
  },
];

// 03/04/2025 is ambiguous; a number over 12 decides, otherwise month-first as
// English-language news sites mostly write it.
function pickSlashed(a: string, b: string, year: string): [string, string, string] {
  return Number(a) > 12 ? [year, b, a] : [year, a, b];
}

function toIso(y: string, mo: string, d: string): string | null {
  const year = Number(y);
  const month = /^\d+$/.test(mo) ? Number(mo) : MONTHS[mo.toLowerCase().replace('.', '')];
  const day = Number(d);
  if (!month || year < 1900 || year > 2100 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const WHOLE = FORMS.map((f) => ({ re: new RegExp(`^${f.source}$`, 'i'), pick: f.pick }));
// Not inside a longer number or code ("126.03.2025", "v2025-03-20").
const ANYWHERE = new RegExp(`(?<![\\w./-])(?:${FORMS.map((f) => `(?:${f.source})`).join('|')})(?![\\w/])`, 'gi');

/**
 * Read a whole string as a date; YYYY-MM-DD or null. A time and zone are
 * dropped without conversion: the date stays the one the outlet printed.
 */
export function parseDate(value: string): string | null {
  const s = value.trim().replace(/\s+/g, ' ');
  if (s.length > 60) return null;
  for (const { re, pick } of WHOLE) {
    const m = re.exec(s);
    if (m) return toIso(...pick(m));
  }
  return null;
}

/** A date found inside a longer text. */
export interface FoundDate {
  index: number;
  text: string;
  iso: string;
}

/** Find the dates written in a text, in order. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(ANYWHERE)) {
    const iso = parseDate(m[0]);
    if (iso) found.push({ index: m.index ?? 0, text: m[0], iso });
  }
  return found;
}
