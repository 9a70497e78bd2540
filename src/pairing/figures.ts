/**
 * pairing: figures read from a quote's tokens — a number with its scale, its
 * unit and its precision ("$1.71 million", "fifty-seven", "38-million euros",
 * "1,2 million", "2 ½"), so that two spellings of one figure meet, a figure
 * rounded in the retelling ("$64.7 billion" → "$65 billion") is no change, and
 * a figure converted to another unit ("90 miles" / "150 kilometres") is not
 * compared with the original as if it were the same unit.
 */
import type { Token } from '../nlp/index.js';

/** Scale words folded into the number before them ("2.5 billion"). */
const SCALES: Record<string, number> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Number words read as their value, so "ten" and "10" meet ("one" is left out: it is mostly a pronoun). */
export const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

/** Units of the second word of a compound number ("fifty-*seven*"), "one" included here. */
const UNIT_WORDS: Record<string, number> = { one: 1, ...NUMBER_WORDS };

/** Vulgar fractions written after a whole number ("2 ½"). */
const FRACTIONS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3 };

const CURRENCY = /^[$€£¥]|^(us|a|c|nz|hk)\$$/i;

/**
 * Units a figure can be said in, by the word after it (lower case, plural or
 * abbreviated forms folded): two figures in different units are a conversion,
 * not a change. Currencies are units too.
 */
const UNITS: Record<string, string> = {
  mile: 'mile',
  miles: 'mile',
  mi: 'mile',
  kilometre: 'km',
  kilometres: 'km',
  kilometer: 'km',
  kilometers: 'km',
  km: 'km',
  metre: 'm',
  metres: 'm',
  meter: 'm',
  meters: 'm',
  foot: 'ft',
  feet: 'ft',
  ft: 'ft',
  pound: 'lb',
  pounds: 'lb',
  lb: 'lb',
  lbs: 'lb',
  kilogram: 'kg',
  kilograms: 'kg',
  kg: 'kg',
  kilo: 'kg',
  kilos: 'kg',
  acre: 'acre',
  acres: 'acre',
  hectare: 'ha',
  hectares: 'ha',
  gallon: 'gal',
  gallons: 'gal',
  litre: 'l',
  litres: 'l',
  liter: 'l',
  liters: 'l',
  euro: 'EUR',
  euros: 'EUR',
  yen: 'JPY',
  yuan: 'CNY',
  pence: 'GBp',
  cent: 'c',
  cents: 'c',
  point: 'pt',
  points: 'pt',
  percent: '%',
  '%': '%',
  dollar: 'USD',
  dollars: 'USD',
};

/** Currency signs as units: a "$" figure and a "£" figure are a conversion. */
function currencyUnit(sign: string): string {
  const s = sign.toUpperCase();
  if (s === '$' || s === 'US$') return 'USD';
  if (s === '£') return 'GBP';
  if (s === '€') return 'EUR';
  if (s === '¥') return 'JPY';
  return s;
}

/** A figure read from the tokens. */
export interface Figure {
  /** matching key: its value with the scale folded in, or its text when it is no plain number ("9/11") */
  key: string;
  /** token index after the figure's last token */
  next: number;
  /** character span of the figure as written (a currency sign before it included) */
  start: number;
  end: number;
  /** written with a currency or a percent sign */
  amount: boolean;
  /** the figure's value (NaN when no plain number) */
  value: number;
  /** the value of its last written digit (1 for "296", 0.1 for "17.3", 1e5 for "1.2 million", 100 for "300") */
  precision: number;
  unit?: string;
  /** every word token the figure spans, lower case (for the plain word sequence) */
  words: string[];
}

/** The value of a number token ("2,500" → 2500, "1,2" → 1.2), or NaN. */
function readNumber(text: string): number {
  const plain = text.replace(/^[$€£¥]/, '').replace(/%$/, '');
  // a comma before one or two digits is a decimal comma ("1,2 million"); before three it groups thousands
  if (/^\d+,\d{1,2}$/.test(plain)) return Number(plain.replace(',', '.'));
  return Number(plain.replace(/[,\s]/g, ''));
}

/** The value of the last written digit of a number token: decimals, or trailing zeros of a whole number from 100. */
function readPrecision(text: string, value: number): number {
  const digits = text.replace(/[^\d.,]/g, '');
  const decimal = /[.](\d+)$/.exec(digits) ?? /^\d+,(\d{1,2})$/.exec(digits);
  if (decimal) return 10 ** -decimal[1].length;
  if (!Number.isFinite(value) || value < 100) return 1;
  let p = 1;
  while (value % (p * 10) === 0) p *= 10;
  return p;
}

function keyNumber(value: number, text: string): string {
  return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : text.replace(/[,\s]/g, '');
}

const lowerOf = (t: Token) => t.text.toLowerCase();
/** Is token k glued to the one before it ("70-million": no space around the hyphen)? */
const glued = (tokens: Token[], k: number) => k < tokens.length && tokens[k].space === '';

/**
 * Read the figure starting at token k, or undefined when there is none: a
 * number token, a number word, or a compound number word ("twenty-eight"),
 * with a following fraction, scale ("million", "-million") and unit
 * ("percent", "miles", "euros") folded in.
 */
export function readFigure(tokens: Token[], k: number, text: string): Figure | undefined {
  const t = tokens[k];
  const lower = lowerOf(t);
  let value: number;
  let precision = 1;
  let next = k + 1;
  if (t.type === 'number' || (t.pos === 'NUM' && /\d/.test(t.text))) {
    value = readNumber(t.text);
    precision = readPrecision(t.text, value);
  } else if (NUMBER_WORDS[lower] !== undefined) {
    value = NUMBER_WORDS[lower];
    const hyphen = tokens[k + 1]?.text === '-' && glued(tokens, k + 1) && glued(tokens, k + 2);
    if (hyphen && value >= 20 && value % 10 === 0 && UNIT_WORDS[lowerOf(tokens[k + 2])] !== undefined) {
      // "fifty-seven", "Twenty-eight": one figure
      value += UNIT_WORDS[lowerOf(tokens[k + 2])];
      next = k + 3;
    } else if (hyphen) return undefined; // "two-way", "four-year": a number word inside a compound is no figure
  } else return undefined;
  const sign = k > 0 && CURRENCY.test(tokens[k - 1].text) ? tokens[k - 1].text : undefined;
  let amount = /[$€£¥%]/.test(t.text) || sign !== undefined;
  let unit = sign ? currencyUnit(sign) : /^[$€£¥]/.test(t.text) ? currencyUnit(t.text[0]) : undefined;
  if (/%$/.test(t.text)) unit = '%';
  let end = tokens[next - 1].end;
  if (next < tokens.length && FRACTIONS[tokens[next].text] !== undefined && Number.isFinite(value)) {
    value += FRACTIONS[tokens[next].text];
    precision = Math.min(precision, 0.01);
    end = tokens[next].end;
    next += 1;
  }
  // fold the scale and unit that follow: "2.5 billion", "70-million", "4 percent", "11 %", "3.8 per cent"
  for (let steps = 0; next < tokens.length && steps < 3; steps += 1) {
    const w = lowerOf(tokens[next]);
    if (
      w === '-' &&
      glued(tokens, next) &&
      glued(tokens, next + 1) &&
      SCALES[lowerOf(tokens[next + 1])] !== undefined
    ) {
      next += 1;
      continue;
    }
    if (SCALES[w] !== undefined) {
      value *= SCALES[w];
      precision *= SCALES[w];
    } else if (w === 'percent' || w === '%') {
      amount = true;
      unit = '%';
    } else if (w === 'per' && lowerOf(tokens[next + 1] ?? t) === 'cent') {
      amount = true;
      unit = '%';
      end = tokens[next + 1].end;
      next += 2;
      break;
    } else break;
    end = tokens[next].end;
    next += 1;
  }
  // a unit word after the figure names its unit, without being part of it ("90 miles")
  if (!unit && next < tokens.length) unit = UNITS[lowerOf(tokens[next])];
  const start = sign ? tokens[k - 1].start : t.start;
  const words: string[] = [];
  for (let m = k; m < next; m += 1) if (/[\p{L}\p{N}]/u.test(tokens[m].text)) words.push(tokens[m].text.toLowerCase());
  return {
    key: keyNumber(value, t.text),
    next,
    start,
    end,
    amount,
    value,
    precision,
    unit,
    words,
  };
}

/** Is figure a a rounding of figure b or b of a (the less precise one is the other rounded or cut at its precision)? */
export function isRounding(
  a: { value?: number; precision?: number },
  b: { value?: number; precision?: number },
): boolean {
  if (a.value === undefined || b.value === undefined || !Number.isFinite(a.value) || !Number.isFinite(b.value))
    return false;
  const [rough, fine] = (a.precision ?? 1) >= (b.precision ?? 1) ? [a, b] : [b, a];
  const p = rough.precision ?? 1;
  if (p <= (fine.precision ?? 1)) return false;
  const near = (x: number, y: number) => Math.abs(x - y) < p * 1e-6;
  return near(Math.round(fine.value! / p) * p, rough.value!) || near(Math.trunc(fine.value! / p) * p, rough.value!);
}

/**
 * May two figures be compared: both in one unit, or one without a unit —
 * except a percentage, which is compared only with a percentage ("up 0.7
 * percent to 927" retold "to 929.62": the level is no changed percentage).
 */
export function shareUnit(a: { unit?: string }, b: { unit?: string }): boolean {
  if (a.unit === '%' || b.unit === '%') return a.unit === b.unit;
  return !a.unit || !b.unit || a.unit === b.unit;
}
