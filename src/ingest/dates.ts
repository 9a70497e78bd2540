/**
 * ingest: reading the dates news pages print (ISO, 26.03.2025, March 24, 2025,
 * 24 March 2025, Tue 5 March 2024 10:32 GMT, 3 hours ago, ...) into
 * YYYY-MM-DD. The reading is chrono-node's (its English parser with
 * day-first numeric dates where a number over 12 says so); the rules here
 * only say what counts as a date for an article: a whole day, 1900–2100, a
 * year written out unless a reference day is given for relative forms.
 */
import type { ParsedResult } from 'chrono-node/en';
import { readChrono } from './date-reader.js';

/** ISO dates must read year-month-day; chrono would take 2025-13-01 for 13 January. */
const ISO_START = /^(\d{4})-(\d{1,2})-(\d{1,2})/;
/** 26.03.2025 is day-first wherever it is written; chrono's English reading takes a month first when it can. */
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
/** A result that names its year ("March 24, 2025", "26.03.2025"), as opposed to "yesterday" or "on Tuesday". */
const HAS_YEAR = /\d{4}/;

interface Reading {
  index: number;
  text: string;
  iso: string;
}

function readResult(r: ParsedResult, reference: Date | undefined): Reading | null {
  const dotted = DOTTED.exec(r.text);
  if (dotted) return readDotted(r, Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const year = r.start.get('year');
  const month = r.start.get('month');
  const day = r.start.get('day');
  if (year === null || month === null || day === null) return null;
  if (!r.start.isCertain('day') && !reference) return null;
  if (!reference && !HAS_YEAR.test(r.text)) return null;
  if (HAS_YEAR.test(r.text) && !r.start.isCertain('day')) return null; // "March 2025" is not a day
  const iso = ISO_START.exec(r.text);
  if (iso && (Number(iso[2]) !== month || Number(iso[3]) !== day)) return null;
  if (year < 1900 || year > 2100) return null;
  return {
    index: r.index,
    text: r.text,
    iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}

function readDotted(r: ParsedResult, year: number, month: number, day: number): Reading | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2100 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { index: r.index, text: r.text, iso: d.toISOString().slice(0, 10) };
}

function parseAll(text: string, reference: Date | undefined): Reading[] {
  // without a reference only readings naming their year count (see readResult), so a text with no
  // four digits in a row has none: chrono, which costs a tenth of a millisecond a line, is not asked
  if (!reference && !HAS_YEAR.test(text)) return [];
  // chrono needs a reference even when relative forms are refused; the date it implies is not used then
  return readChrono(text, reference ?? new Date(0))
    .map((r) => readResult(r, reference))
    .filter((r): r is Reading => r !== null);
}

/**
 * Read a whole string as a date; YYYY-MM-DD or null. A time and zone are
 * dropped without conversion: the date stays the one the outlet printed.
 * Relative forms ("yesterday", "3 hours ago") are read only against a given
 * reference time (when the page was read).
 */
export function parseDate(value: string, reference?: Date): string | null {
  const s = value.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 60) return null;
  const found = parseAll(s, reference);
  return found.length === 1 && found[0].index === 0 && found[0].text.length === s.length ? found[0].iso : null;
}

/** A date found inside a longer text. */
export interface FoundDate {
  index: number;
  text: string;
  iso: string;
}

/** Find the dates written in a text (with their year), in order; not inside a longer number or code ("126.03.2025", "v2025-03-20"). */
export function findDates(text: string): FoundDate[] {
  return parseAll(text, undefined).filter(
    (d) => !/[\w./-]/.test(text[d.index - 1] ?? '') && !/[\w/]/.test(text[d.index + d.text.length] ?? ''),
  );
}
