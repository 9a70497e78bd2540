/**
 * pairing: a trimmed quote whose kept words sit in a sentence that changes
 * their meaning is not faithful (issue 14). The kept words are found in the
 * longer version; the clause of the later sentence around them
 * (quote-clause.ts) is read for what it makes them say that the longer version
 * does not: a negation, a condition or a "may", a certainty where the longer
 * version's "may" or "if" was cut, a figure, date or quantity in place of one
 * the trim cut, or another subject in place of a name the trim cut. Any of
 * these makes the pair altered — one alteration of kind `context`, from the
 * longer version's words to the kept words in their clause — and so a
 * possible misquote. A clause that only attributes ("he said", "Yasser told
 * Newsweek") or adds its own detail changes nothing.
 */
import type { Alteration } from './alterations.js';
import { isYear } from './alterations.js';
import { prepareQuote, type ContentWord, type QuoteFeatures } from './features.js';
import { isRounding, shareUnit } from './figures.js';
import { decideIfPaired, decidePair, type PairDecision } from './decide.js';
import { describeAlteration } from './misquote.js';
import type { SpeakerMatch } from '../speakers/index.js';

/** Negation in a clause: cues, and verbs that deny what follows ("denied that they 'will attack'"). */
const NEGATION =
  /^(not|n't|never|cannot|neither|nor|nobody|nothing|deny|denies|denied|denying|refuse|refuses|refused|refusing)$/;
/** Conditions: the kept words are said to hold only if something else does. */
const CONDITION = /^(if|unless|whether|provided)$/;
/** Possibility: the kept words are said to be possible, not certain ("may", "might"; "could" unless the longer version says "can"). */
const POSSIBILITY = /^(may|might|maybe|perhaps|possibly|could)$/;
/** The same, found in a clause as written. */
const POSSIBLE_IN_TEXT = /\b(?:may|might|could|[Mm]aybe|[Pp]erhaps|[Pp]ossibly)\b/;
/** Certainty: "will", "must" — said where the longer version's "may" or "if" was cut. */
const CERTAINTY = /^(will|would|must|shall|'ll|going)$/;
/** Speech verbs: a name after the last one in the clause is the subject the sentence gives the kept words. */
const SPEECH_VERBS = new Set(
  'said says say told tells stated states added adds claimed claims warned warns insisted insists argued argues announced announces declared declares noted notes wrote writes explained explains promised promises vowed vows pledged pledges suggested suggests asserted asserts admitted admits according'.split(
    ' ',
  ),
);
/** Weekdays and relative days name when a thing was said, not what was said. */
const SPOKEN_DAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight)$/;
/** A trim of fewer words names something rather than says something. */
const MIN_KEPT_WORDS = 3;
/** A trim keeps at least this share of its words in the longer version, in order ("we will ... attack")… */
const KEPT_SHARE = 0.8;
/** …within one stretch of it: at most this many times as many words as it kept, plus two (an ellipsis). */
const STRETCH_SPREAD = 2;
/** How many words before the kept ones count as cut just before them ("may | raise taxes"). */
const CUT_REACH = 3;
/** How far before the kept words a cut "if" clause may start. */
const CONDITION_REACH = 12;
/** The words of a clause this near the quote, each side, are read for what changes it. */
const NEAR_WORDS = 6;
/** At most this many words of a clause are shown each side of the quote. */
const SHOWN_WORDS = 16;

/** What a value asserts: a figure, a year, a month, a quantity; weekdays and relative days assert nothing here. */
function valueClass(w: ContentWord): string | undefined {
  if (w.kind === 'quantity') return 'quantity';
  if (w.kind === 'number') return isYear(w) ? 'year' : 'number';
  if (w.kind === 'date' && !SPOKEN_DAYS.test(w.key)) return 'month';
  return undefined;
}

/** Names that name someone: three letters at least, not a title alone. */
const isName = (w: ContentWord) =>
  w.kind === 'name' && /\p{L}{3}/u.test(w.text) && !/^(mr|mrs|ms|dr)\.?$/.test(w.lower);

/**
 * Indices in `long` of the words of `short`, in order (longest common
 * subsequence); undefined when fewer than KEPT_SHARE of them are found, or
 * when they are strewn over the longer version rather than one stretch of it.
 */
function findKept(short: string[], long: string[]): number[] | undefined {
  const n = short.length;
  const m = long.length;
  if (n === 0 || n >= m) return undefined;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1)
    for (let j = m - 1; j >= 0; j -= 1)
      table[i][j] = short[i] === long[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  if (table[0][0] < n * KEPT_SHARE) return undefined;
  const kept: number[] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (short[i] === long[j]) {
      kept.push(j);
      i += 1;
      j += 1;
    } else if (table[i + 1][j] >= table[i][j + 1]) i += 1;
    else j += 1;
  }
  return kept[kept.length - 1] - kept[0] + 1 <= STRETCH_SPREAD * kept.length + 2 ? kept : undefined;
}

/** The clause words, and its content read as a quote's (values, names). */
interface ReadClause {
  before: ContentWord[];
  words: string[];
  content: ContentWord[];
  /** the clause as written, before and after, and before alone */
  raw: string;
  rawBefore: string;
  /** the kept words in their clause, as shown */
  text: string;
}

function readClause(quote: QuoteFeatures): ReadClause {
  const { before, after } = quote.clause!;
  const words = (text: string) => text.split(' ').filter(Boolean);
  // only the words next to the quote can change what it says ("a few months before …" far off says nothing of it)
  const nearBefore = words(before).slice(-NEAR_WORDS).join(' ');
  const nearAfter = words(after).slice(0, NEAR_WORDS).join(' ');
  const b = prepareQuote(nearBefore);
  const a = prepareQuote(nearAfter);
  const shown = `${words(before).slice(-SHOWN_WORDS).join(' ')} “${quote.text.trim()}” ${words(after).slice(0, SHOWN_WORDS).join(' ')}`;
  return {
    before: b.content,
    words: [...b.words, ...a.words],
    content: [...b.content, ...a.content],
    raw: `${nearBefore} ${nearAfter}`,
    rawBefore: nearBefore,
    text: shown.trim(),
  };
}

/** The subject slot: names among this many last words before the quote ("said *Biden* must “withdraw…”"). */
const SUBJECT_REACH = 3;

/** The names the clause puts in the subject slot of the kept words: its last words, after its last speech verb. */
function subjectNames(clause: ReadClause): ContentWord[] {
  const last = clause.rawBefore.split(/\s+/).filter(Boolean).slice(-SUBJECT_REACH);
  const spoken = last.map((w) => SPEECH_VERBS.has(w.toLowerCase())).lastIndexOf(true);
  const slot = new Set(last.slice(spoken + 1).map((w) => w.replace(/[^\p{L}\p{N}'’.-]/gu, '')));
  return clause.before.filter((w) => isName(w) && slot.has(w.text));
}

/** Which of the longer version's words the clause's words contradict; [] when none, undefined when it changes nothing. */
function findChange(
  long: QuoteFeatures,
  trimmed: QuoteFeatures,
  kept: number[],
  clause: ReadClause,
  own: ReadClause | undefined,
): string[] | undefined {
  const words = long.words;
  // what the longer version says: its words, and the clause of its own sentence when it is a retelling too
  const says = own ? [...words, ...own.words] : words;
  const s0 = kept[0];
  const s1 = kept[kept.length - 1];
  const around = words.slice(Math.max(0, s0 - CUT_REACH), s1 + 1);
  const has = (ws: string[], re: RegExp) => ws.some((w) => re.test(w));
  // a negation the longer version's words do not carry there
  if (has(clause.words, NEGATION) && !has(around, NEGATION) && !has(own?.words ?? [], NEGATION)) return [];
  // a condition, or a possibility, the longer version does not state anywhere
  if (has(clause.words, CONDITION) && !has(says, CONDITION)) return [];
  // read on the clause as written: "May" is a month
  const possible = POSSIBLE_IN_TEXT.exec(clause.raw)?.[0].toLowerCase();
  const ownPossible = own !== undefined && POSSIBLE_IN_TEXT.test(own.raw);
  if (
    possible &&
    !ownPossible &&
    !has(words, POSSIBILITY) &&
    !(possible === 'could' && words.some((w) => /^(can|cannot)$/.test(w)))
  )
    return [];
  // a certainty where the longer version's qualifier was cut:
  // a "may" just before the kept words, or an "if" clause before them ("if they strike, | they will face …")
  const qualifier =
    words.slice(Math.max(0, s0 - CUT_REACH), s0).find((w) => POSSIBILITY.test(w)) ??
    words.slice(Math.max(0, s0 - CONDITION_REACH), s0).find((w) => CONDITION.test(w));
  const qualified = [...trimmed.words, ...clause.words].some((w) => POSSIBILITY.test(w) || CONDITION.test(w));
  if (qualifier && !qualified && has([...trimmed.words, ...clause.words], CERTAINTY)) return [qualifier];
  // a figure, date or quantity in place of one the trim cut
  const keptKeys = new Set(trimmed.content.map((w) => w.key));
  const longKeys = new Set([...long.content, ...(own?.content ?? [])].map((w) => w.key));
  // a quantity word counts only just before the quote ("all “our fighters”"): elsewhere it qualifies other words
  const adjacent = new Set(clause.rawBefore.toLowerCase().split(/\s+/).slice(-2));
  for (const w of clause.content) {
    const cls = valueClass(w);
    if (!cls || longKeys.has(w.key) || (cls === 'quantity' && !adjacent.has(w.lower))) continue;
    const replaced = long.content.find(
      (v) =>
        valueClass(v) === cls && !keptKeys.has(v.key) && shareUnit(v, w) && !(cls === 'number' && isRounding(v, w)),
    );
    if (replaced) return replaced.text.toLowerCase().split(/\s+/);
  }
  // another subject in place of a name the trim cut
  const subjects = subjectNames(clause);
  const cutName = long.content.find((v) => isName(v) && !keptKeys.has(v.key));
  if (cutName && subjects.length && !subjects.some((w) => longKeys.has(w.key)))
    return cutName.text.toLowerCase().split(/\s+/);
  return undefined;
}

/** The text of words[from..to] as written in `text` (words are found in order); undefined when one is not found. */
function spanOf(text: string, words: string[], from: number, to: number): string | undefined {
  const lower = text.toLowerCase();
  let cursor = 0;
  let start = 0;
  for (let k = 0; k <= to; k += 1) {
    const at = lower.indexOf(words[k], cursor);
    if (at < 0) return undefined;
    if (k === from) start = at;
    cursor = at + words[k].length;
  }
  // a currency sign belongs to its figure ("$8 billion")
  while (start > 0 && /[$£€¥]/u.test(text[start - 1])) start -= 1;
  return text.slice(start, cursor);
}

/** The longer version's words from the first kept one to the last, widened to its contradicted word. */
function earlierWords(long: QuoteFeatures, kept: number[], contradicted: string[]): string {
  const words = long.words;
  let from = kept[0];
  let to = kept[kept.length - 1];
  if (contradicted.length) {
    const first = contradicted[0].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    // the nearest occurrence before the kept words (a cut qualifier or figure), else after them, when near
    const before = words.lastIndexOf(first, from);
    const after = words.indexOf(first, to);
    if (before >= 0 && from - before <= CONDITION_REACH) from = before;
    else if (after >= 0 && after - to <= CONDITION_REACH) to = after + contradicted.length - 1;
  }
  to = Math.min(to, words.length - 1);
  return spanOf(long.text, words, from, to) ?? words.slice(from, to + 1).join(' ');
}

/**
 * The context alteration of a pair, from `x` (the earlier version, quote a)
 * to `y` (quote b): when the shorter of the two is a trim of the longer whose
 * clause changes what its kept words say. Empty when neither quote carries
 * its clause, when the shorter is no trim, or when the clause changes
 * nothing; also empty when a negation alteration already names the change.
 */
export function findContextAlterations(x: QuoteFeatures, y: QuoteFeatures, found: Alteration[] = []): Alteration[] {
  const yTrimmed = y.words.length < x.words.length;
  const [long, trimmed] = yTrimmed ? [x, y] : [y, x];
  // two words ("national security", "that person") name a thing, they make no claim a sentence could change
  if (!trimmed.clause || trimmed.words.length < MIN_KEPT_WORDS || found.some((a) => a.kind === 'negation')) return [];
  const kept = findKept(trimmed.words, long.words);
  if (!kept) return [];
  const clause = readClause(trimmed);
  const change = findChange(long, trimmed, kept, clause, long.clause && readClause(long));
  if (!change) return [];
  const earlier = earlierWords(long, kept, change);
  return [
    yTrimmed
      ? { kind: 'context', earlier, later: clause.text }
      : { kind: 'context', earlier: clause.text, later: earlier },
  ];
}

/**
 * Decide a pair as decidePair does, then add the context alteration of a trim
 * whose clause changes its kept words (and its reason). Every path that
 * stores or reports a pair decides through this.
 */
export function decidePairInContext(
  x: QuoteFeatures,
  y: QuoteFeatures,
  speakers: SpeakerMatch = 'unknown',
): PairDecision {
  return addContextAlterations(x, y, decidePair(x, y, speakers));
}

/**
 * The decision in context when the two quotes are a pair, else undefined:
 * the same pairs as decidePairInContext, found without aligning the pairs the
 * bound of pair-bound.ts rules out (decideIfPaired). Pairing decides through this.
 */
export function decideIfPairedInContext(
  x: QuoteFeatures,
  y: QuoteFeatures,
  speakers: SpeakerMatch = 'unknown',
): PairDecision | undefined {
  const d = decideIfPaired(x, y, speakers);
  return d && addContextAlterations(x, y, d);
}

/** A decision with the context alteration of a trim whose clause changes its kept words (and its reason) added. */
function addContextAlterations(x: QuoteFeatures, y: QuoteFeatures, d: PairDecision): PairDecision {
  if (!x.clause && !y.clause) return d;
  const added = findContextAlterations(x, y, d.alterations);
  if (!added.length) return d;
  return {
    ...d,
    alterations: [...d.alterations, ...added],
    reasons: [...added.map((a) => `possible misquote, ${describeAlteration(a)}`), ...d.reasons],
  };
}
