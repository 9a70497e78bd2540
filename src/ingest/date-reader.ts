/**
 * ingest: chrono-node's English reader, as `chrono.parse` uses it (the
 * `casual` configuration, same parsers and refiners, same order), with a guard
 * in front of its three costly parsers.
 *
 * Those three ("3 days ago", "2 weeks later", "next 2 months") match a
 * time-unit phrase that may repeat up to eleven times ("2 days, 3 hours and 5
 * minutes ago"). V8 compiles a regular expression to machine code on its
 * second use, and for these patterns that took 0.3–2 s in every thread that
 * reads a second date: more than preparing a hundred articles. Each guard is
 * the alternation of words the parser's pattern cannot match without (its
 * pattern is pinned in test/ingest/date-reader.test.ts); a text without any of
 * them gives that parser nothing with or without the guard, so the readings
 * are the same, and on such texts the costly pattern is never run at all.
 *
 * Importing only the English locale (`chrono-node/en`, where `chrono.parse`'s
 * reader is defined) also spares loading the fifteen other locales.
 */
import { casual, Chrono, type ParsedResult, type Parser } from 'chrono-node/en';

/**
 * Words each costly parser's pattern requires, by the parser's class name;
 * case-insensitive without the `u` flag, as the patterns themselves are. A
 * parser not listed (or renamed by a later chrono) runs unguarded.
 */
export const PARSER_GUARDS: Record<string, RegExp> = {
  // `(time units)\s{0,5}(?:ago|before|earlier)(?=\W|$)`
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  // `(time units)\s{0,5}(?:later|after|from now|henceforth|forward|out)(?=(?:\W|$))`
  ENTimeUnitLaterFormatParser: /later|after|from now|henceforth|forward|out/i,
  // `(this|last|past|next|after|\+|-)\s*(time units)(?=\W|$)`
  ENTimeUnitCasualRelativeFormatParser: /this|last|past|next|after|\+|-/i,
};

/** A pattern that matches nothing: what a guarded parser is given for a text without its words. */
const NOTHING = /(?!)/;

function guard(parser: Parser): Parser {
  const words = PARSER_GUARDS[parser.constructor.name];
  if (!words) return parser;
  return {
    pattern: (context) => (words.test(context.text) ? parser.pattern(context) : NOTHING),
    extract: (context, match) => parser.extract(context, match),
  };
}

const reader = new Chrono({ parsers: casual.parsers.map(guard), refiners: casual.refiners });

/** chrono-node's English reading of a text (what `chrono.parse(text, reference)` returns). */
export function readChrono(text: string, reference: Date): ParsedResult[] {
  return reader.parse(text, reference);
}
