/**
 * diff: figures and dates in a version, so a changed figure or date is named as such.
 */
import type { DiffUnit } from './word-diff.js';

const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const DATE_WORDS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|tomorrow)$/i;
/** Words that open a time limit: "by the end of 2025", "until March". */
export const DEADLINE_OPENERS = /^(?:by|until|till|before|within|no)$/i;

/** Whether a unit is a figure (2,500, $35,000,000, 3.5%). */
export function isNumberUnit(u: DiffUnit): boolean {
  return u.tokens.some((t) => t.type === 'number' || (t.pos === 'NUM' && /\d/.test(t.text)));
}

/** Date words, years, decades, and day numbers next to a month name. */
export function markDateUnits(units: DiffUnit[]): boolean[] {
  // month names count when capitalized, so the verbs "may" and "march" do not
  const isMonth = (u: DiffUnit | undefined) => u !== undefined && MONTHS.test(u.text) && /^[A-Z]/.test(u.text);
  return units.map((u, i) => {
    if (isMonth(u)) return true;
    if (DATE_WORDS.test(u.text) || u.tokens.some((t) => t.type === 'decade' || t.type === 'date')) return true;
    if (/^(?:1[89]|20)\d\d$/.test(u.text)) return true;
    if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(u.text))
      return isMonth(units[i - 1]) || isMonth(units[i + 1]) || (units[i + 1]?.text === 'of' && isMonth(units[i + 2]));
    return false;
  });
}

/** Date expressions of a text: runs of date units, commas and "of" inside a run allowed. */
export function extractDates(units: DiffUnit[]): { key: string; start: number; end: number }[] {
  const dates = markDateUnits(units);
  const found: { key: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < units.length) {
    if (!dates[i]) {
      i += 1;
      continue;
    }
    let j = i;
    for (;;) {
      if (j + 1 < units.length && dates[j + 1]) j += 1;
      else if (j + 2 < units.length && /^(?:,|of)$/.test(units[j + 1].text) && dates[j + 2]) j += 2;
      else break;
    }
    const run = units.slice(i, j + 1);
    found.push({ key: run.map((u) => u.key).join(' '), start: run[0].start, end: run[run.length - 1].end });
    i = j + 1;
  }
  return found;
}
