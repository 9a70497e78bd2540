/**
 * pairing: the words of a quote's sentence around it, cut at the clause. A
 * trimmed quote's kept words say what the sentence around them makes them say
 * ("they would not 'attack'", "'new teachers' if elected"); the clause is what
 * the rule of context-change.ts reads (issue 14: a trimmed pair whose kept
 * words sit in a sentence that changes their meaning is not faithful).
 */

/** The clause around a quote: its words before and after, quote marks left out. */
export interface QuoteClause {
  before: string;
  after: string;
}

/**
 * Where a clause ends: clause punctuation (not the comma of "5,000"), a dash
 * set apart by spaces, or a quote mark — another quote's words are not the
 * writer's clause around this one.
 */
const CLAUSE_BREAK = /,(?!\d)|[;:()—–"“”«»„]|\s-\s/g;
/** Words that start another clause after a quote ("…," he said, "and left"). */
const NEXT_CLAUSE = /\s(?:and|but|while|whereas|although|though)\s/i;
/** Opening and closing quote marks around a quote's words. */
const OPENING = /[\s"“‘'«„‹]+$/u;
const CLOSING = /^[\s"”’'»›]+/u;
/** A clause part longer than this is cut to its nearest words: the clause matters, not the paragraph. */
const MAX_CHARS = 200;

/** The words of `text` before the last clause break ("Smith, who could not attend, said" → "said"). */
function lastClause(text: string): string {
  let from = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) from = m.index + m[0].length;
  return text.slice(from);
}

/** The words of `text` up to the first clause break, sentence end or next clause. */
function firstClause(text: string): string {
  // a full stop ends it, not the dots of "U.S. forces" or "2.5"
  const end = text.search(/,(?!\d)|\.(?=\s+[\p{Lu}"“‘]|\s*$)|[;:()—–!?"“”«»„]|\s-\s/u);
  const cut = end < 0 ? text : text.slice(0, end);
  const next = cut.search(NEXT_CLAUSE);
  return next < 0 ? cut : cut.slice(0, next);
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The clause around the quote at [start, end) of `text`, within its sentence
 * [sentenceStart, sentenceEnd); undefined when the quote stands alone in its
 * clause ("we will attack," he said → before "", after "he said").
 */
export function readQuoteClause(
  text: string,
  sentenceStart: number,
  sentenceEnd: number,
  start: number,
  end: number,
): QuoteClause | undefined {
  if (!(sentenceStart <= start && start <= end && end <= sentenceEnd && sentenceEnd <= text.length))
    throw new RangeError(`pairing: quote ${start}..${end} is outside its sentence ${sentenceStart}..${sentenceEnd}`);
  const rawBefore = text.slice(Math.max(sentenceStart, start - MAX_CHARS), start).replace(OPENING, '');
  const rawAfter = text.slice(end, Math.min(sentenceEnd, end + MAX_CHARS)).replace(CLOSING, ' ');
  const before = squeeze(lastClause(rawBefore));
  // a quote that ends its clause inside its marks ("…for some time,” he claimed) has nothing after it in its clause
  const after = /[,;:.!?]\s*$/.test(text.slice(start, end)) ? '' : squeeze(firstClause(rawAfter));
  return before || after ? { before, after } : undefined;
}
