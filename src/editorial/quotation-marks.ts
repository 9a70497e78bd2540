/**
 * A plain scanner for quotation marks, used only when the caller gives no
 * quote spans (e.g. the quote extractor found none): it tells the writer's
 * words from quoted words by the marks alone, so voice stays meaningful.
 */
import type { Range } from './context.js';

/** One stretch between quotation marks, marks included. */
export interface QuotationRegion extends Range {
  /** number of words between the marks */
  words: number;
}

const LEFT = 0x201c; // “
const STRAIGHT = 34; // "
const NEWLINE = 10;

/**
 * Find the stretches between double quotation marks (“…”, "…"), paragraph by
 * paragraph. News style leaves a quote open at the end of a paragraph when the
 * same speaker goes on in the next one, so an unclosed quote ends with its
 * paragraph. Single quotes are skipped: they double as apostrophes.
 */
export function findQuotationRegions(text: string): QuotationRegion[] {
  const regions: QuotationRegion[] = [];
  let open = -1;
  // only line breaks and double marks matter: jump from one to the next
  const marks = /[“”"\n]/g;
  for (let found = marks.exec(text); found !== null; found = marks.exec(text)) {
    const i = found.index;
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      if (open >= 0) pushRegion(regions, text, open, i);
      open = -1;
    } else if (c === LEFT || (c === STRAIGHT && open < 0)) {
      // a second opening mark means the first quote ran to here without closing
      if (open >= 0) pushRegion(regions, text, open, i);
      open = i;
    } else if (open >= 0) {
      // a closing mark: ” or a straight mark after an opening one
      pushRegion(regions, text, open, i + 1);
      open = -1;
    }
  }
  if (open >= 0) pushRegion(regions, text, open, text.length);
  return regions;
}

function pushRegion(regions: QuotationRegion[], text: string, start: number, end: number): void {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e -= 1;
  const words = countWords(text, start, e);
  if (words > 0) regions.push({ start, end: e, words });
}

/** The length of the code point at `at` when it is a letter or number lying before `end`, else 0. */
function letterOrNumberAt(text: string, at: number, end: number): number {
  if (at >= end) return 0;
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const pair = c >= 0xd800 && c <= 0xdbff && at + 1 < end && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
  return LETTER_OR_NUMBER.test(text.slice(at, at + (pair ? 2 : 1))) ? (pair ? 2 : 1) : 0;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/**
 * The words of text[start, end) — runs of letters and numbers joined by
 * single apostrophes or hyphens, as the global unicode expression
 * `[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*` matches them — counted without it:
 * the expression cost more than the rest of the scan.
 */
function countWords(text: string, start: number, end: number): number {
  let words = 0;
  let i = start;
  while (i < end) {
    const n = letterOrNumberAt(text, i, end);
    if (n === 0) {
      i += 1;
      continue;
    }
    words += 1;
    i += n;
    for (;;) {
      const m = letterOrNumberAt(text, i, end);
      if (m > 0) i += m;
      else if (isJoiner(text.charCodeAt(i)) && letterOrNumberAt(text, i + 1, end) > 0) i += 1;
      else break;
    }
  }
  return words;
}

/** ' ’ - */
const isJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 45;
