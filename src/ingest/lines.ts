/**
 * ingest: tests on single lines of normalized text — what a line looks like
 * (a headline, a sentence of body text, a person's name, a web address, ...).
 * The furniture rules combine them with the line's place in the article.
 */
import { findDates, parseDate } from './dates.js';

const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

/** The words of a line. */
export function splitWords(line: string): string[] {
  return line.match(WORD) ?? [];
}

const NEXT_WORD = new RegExp(WORD.source, 'gu');

/**
 * How many words a line has, counted no further than `limit`: the smaller of
 * the two. Enough to compare with a bound, without reading a long paragraph to
 * its end.
 */
export function countWordsUpTo(line: string, limit: number): number {
  let count = 0;
  NEXT_WORD.lastIndex = 0;
  while (count < limit && NEXT_WORD.exec(line)) count++;
  NEXT_WORD.lastIndex = 0;
  return count;
}

/** Quotation marks of any style: a line holding them may hold a quote. */
export const QUOTE_MARK = /["“”„«»‹›]/;

/** True when the line holds an opening and a closing quotation mark (a quote we must keep). */
export function hasQuotation(line: string): boolean {
  return (line.match(/["“”„«»‹›]/g) ?? []).length >= 2 || /(^|\s)‘.+’/.test(line);
}

// A letter of a script other than Latin. A text without one has only Latin words, so its
// share is 1 without counting (counting every word was a fifth of preparing an article).
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;

/** Share of a string's letters that are Latin script (1 when it has no letters). */
export function shareLatin(text: string): number {
  if (!NON_LATIN_LETTER.test(text)) return 1;
  let latin = 0;
  let letters = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    letters += m[0].length;
    if (/^\p{Script=Latin}/u.test(m[0])) latin += m[0].length;
  }
  return letters ? latin / letters : 1;
}

/**
 * A line of running text: a sentence-like line of 4+ words ending in . ! ? …,
 * or a line too long for a headline (25+ words).
 */
export function isBodyLine(line: string): boolean {
  const words = countWordsUpTo(line, 25);
  if (words >= 25) return true;
  return words >= 4 && /[.!?…]["”’»)\]]*$/u.test(line) && !/^\p{Ll}/u.test(line);
}

/** A line shaped like a headline: 3–30 words, no sentence-final full stop, starting with a capital, a digit or a letter of a caseless script. */
export function isHeadlineLike(line: string): boolean {
  // the cheap tests first: most lines of an article are paragraphs, too long to be a headline
  if (line.length < 15 || line.length > 200) return false;
  // Scripts without case (Arabic, Persian, Chinese, ...) have no capital to start with.
  if (!/^["“‘«]?[\p{Lu}\p{N}\p{Lo}]/u.test(line)) return false;
  if (/[.,;:…]["”’»)]*$/u.test(line) && !/\b\p{Lu}\.\p{Lu}\.$/u.test(line)) return false;
  const words = countWordsUpTo(line, 31);
  if (words < 3 || words > 30) return false;
  if (isWebAddress(line) || isEmail(line) || parseDate(line)) return false;
  return true;
}

const NAME_PARTICLE = /^(?:al|el|bin|ibn|de|del|della|da|di|du|van|von|der|den|la|le|ter|ten|dos|das|y)$/;

/**
 * A line that is only a person's name: 2–4 words, each capitalized (or a name
 * particle such as al-, de, van), letters, hyphens, apostrophes and initials only.
 */
export function isPersonName(line: string): boolean {
  if (line.length > 48 || /[\d,;:!?@/()]/.test(line)) return false;
  const parts = line.split(' ');
  if (parts.length < 2 || parts.length > 4) return false;
  return parts.every((p, i) => {
    if (/^\p{Lu}\.$/u.test(p)) return i < parts.length - 1;
    if (/^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*$/u.test(p)) return true;
    if (/^(?:al|el)-\p{Lu}\p{Ll}+$/u.test(p)) return true;
    if (/^\p{Lu}{2,}$/u.test(p) && p.length > 2) return true;
    return i > 0 && i < parts.length - 1 && NAME_PARTICLE.test(p);
  });
}

/** A line that is only a web address; returns the host without `www.`, or null. */
export function readWebAddress(line: string): string | null {
  const m = /^(?:https?:\/\/)?((?:[\w-]+\.)+[a-z]{2,24})(?::\d+)?(?:\/\S*)?$/.exec(line);
  if (!m) return null;
  // Without http or www, only lower-case hosts count, so "U.S.Army" is not an address.
  if (!/^(https?:\/\/|www\.)/i.test(line) && m[1] !== m[1].toLowerCase()) return null;
  return m[1].toLowerCase().replace(/^www\d?\./, '');
}

/** True when the line is only a web address. */
export function isWebAddress(line: string): boolean {
  return readWebAddress(line) !== null;
}

/** True when the line is only an e-mail address. */
export function isEmail(line: string): boolean {
  return /^(?:e-?mail:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/i.test(line);
}

const DATE_LABEL =
  /^(?:date|dated|(?:published|posted|first published)(?:\s+on)?|publication date|on)\b\s*[:\-–|]?\s*/i;
const UPDATED_LABEL = /^(?:updated|last updated|last modified|modified)\b\s*[:\-–|]?\s*/i;

/**
 * A line that is only a date, possibly labelled ("Published: March 5, 2024",
 * "Updated 10:00 GMT, 5 March 2024"); returns the date and whether it is an
 * update stamp, or null.
 */
export function readDateLine(line: string): { iso: string; updated: boolean } | null {
  if (line.length > 80) return null;
  const updated = UPDATED_LABEL.test(line);
  const rest = line.replace(updated ? UPDATED_LABEL : DATE_LABEL, '').replace(/^[\s|•·—–-]+|[\s|•·—–-]+$/g, '');
  const whole = parseDate(rest);
  if (whole) return { iso: whole, updated };
  // A date with a time of day around it: "10:32 AM EST, March 5, 2024".
  const dates = findDates(rest);
  if (dates.length !== 1) return null;
  const leftover = (rest.slice(0, dates[0].index) + rest.slice(dates[0].index + dates[0].text.length)).replace(
    /\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b(?:GMT|UTC|[ECMP][SD]T|BST|CET|CEST)\b|[\s,|•·—–-]+/gi,
    '',
  );
  return leftover === '' ? { iso: dates[0].iso, updated } : null;
}

/**
 * A label and date at the start of a line ("date 2025-03-20 An Iraqi ...",
 * "Published: 5 March 2024 — The ..."): the prefix and the date, or null.
 */
export function readDatePrefix(line: string): { prefix: string; iso: string } | null {
  const label = DATE_LABEL.exec(line);
  if (!label || label[0].length === 0 || /^on\b/i.test(label[0])) return null;
  const rest = line.slice(label[0].length);
  // the date opens the rest; a long paragraph after it need not be read
  const date = findDates(rest.slice(0, 80))[0];
  if (!date || date.index !== 0) return null;
  const sep = /^\s*[|—–:-]?\s*/.exec(rest.slice(date.text.length));
  const prefix = line.slice(0, label[0].length + date.text.length + (sep ? sep[0].length : 0));
  if (prefix.length >= line.length) return null;
  return { prefix: prefix.trim(), iso: date.iso };
}

// Words that make a name a publication's rather than a person's: "By Dana
// Whitfield, Lakeshore Ledger" credits one writer and her paper.
const PUBLICATION =
  /\b(?:ledger|times|post|herald|journal|tribune|gazette|daily|courier|chronicle|observer|telegraph|guardian|express|mail|press|wire|record|register|star|sun|independent|examiner|inquirer|bulletin|review|magazine|weekly|today|reuters|bloomberg|afp|ap)\b/i;

// Words of a staff credit rather than a person's name: "By Staff Writer", "By News Desk".
const ROLE =
  /\b(?:staff|writers?|correspondents?|reporters?|desk|editors?|agenc(?:y|ies)|news|team|online|web|bureau|service|contributors?|columnists?|analysts?|journalists?|producers?)\b/i;

/**
 * "By Jane Doe", "By JANE DOE and John Roe | Reuters", "By Jane Doe, March 5, 2024":
 * the names (null for a staff credit such as "By Staff Writer"), or null when the
 * line is not a byline.
 */
export function readByline(line: string): { author: string | null; date: string | null } | null {
  const m = /^by\s+(.{3,120})$/i.exec(line);
  if (!m) return null;
  const date = findDates(m[1])[0] ?? null;
  const rest = date ? m[1].slice(0, date.index) + m[1].slice(date.index + date.text.length) : m[1];
  // After a bar, bullet or dash comes the desk or outlet, not more authors.
  const parts = rest
    .split(/\s*(?:\||•|·|—|–)\s*/)[0]
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((s) => titleCaseIfShouting(s.trim()))
    .filter(Boolean);
  const names = parts.filter((s) => isPersonName(s) && !ROLE.test(s) && !PUBLICATION.test(s));
  if (names.length === 0)
    return parts.length && parts.length <= 3 && parts.every((p) => ROLE.test(p) && splitWords(p).length <= 4)
      ? { author: null, date: date?.iso ?? null }
      : null;
  return { author: names.join(' and '), date: date?.iso ?? null };
}

/**
 * "Peter Walker Political correspondent", "Ukraine correspondent": a byline
 * with the writer's role; the name when the line starts with one.
 */
export function readRoleLine(line: string): { author: string | null } | null {
  // nine pieces at most: a line of more than eight words is no role line, however long it runs
  const words = line.split(' ', 9);
  if (words.length > 8 || !ROLE.test(words.at(-1) ?? '') || /[.,;:!?"“”]/.test(line) || !/^\p{Lu}/u.test(line))
    return null;
  // Try a name followed by one qualifier first ("Peter Walker Political correspondent").
  for (const n of [words.length - 2, words.length - 1, words.length - 3]) {
    if (n < 2 || n > 4) continue;
    const name = words.slice(0, n).join(' ');
    if (isPersonName(name) && !ROLE.test(name)) return { author: name };
  }
  return words.length <= 4 ? { author: null } : null;
}

/** "2 hours ago", "5 min read", "Updated 3 days ago": a relative time stamp or reading time. */
export function isRelativeTime(line: string): boolean {
  return /^(?:(?:updated|published|posted)\s+)?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$|^\d+\s*(?:-|–)?\s*min(?:ute)?s?\s+read$/i.test(
    line,
  );
}

/** "JANE DOE" → "Jane Doe"; mixed case is left alone. */
export function titleCaseIfShouting(s: string): string {
  if (s !== s.toUpperCase() || !/\p{L}/u.test(s)) return s;
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** "Jane Doe, March 24, 2025" — a signature line at the end of an opinion piece. */
export function readSignature(line: string): { author: string; date: string } | null {
  const m = /^(?:[—–-]\s*)?([^,]{3,48}),\s*(.{6,40})$/.exec(line);
  if (!m || !isPersonName(m[1].trim())) return null;
  const date = parseDate(m[2].replace(/\.$/, ''));
  return date ? { author: m[1].trim(), date } : null;
}
