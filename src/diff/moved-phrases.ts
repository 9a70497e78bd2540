/**
 * diff: phrases that cross the quote marks between two versions, such as a
 * deadline the later article states in its own words instead of quoting.
 */
import type { Token } from '../nlp/index.js';
import { isContent, lemmaKey } from './content-words.js';
import { DEADLINE_OPENERS, isNumberUnit, markDateUnits } from './figures-and-dates.js';
import type { VersionContext } from './change-types.js';
import { splitDiffUnits, type DiffUnit } from './word-diff.js';

/** A complete double-quoted passage: “…”, „…“, «…», "…" (single quotes are too easily apostrophes). */
const OTHER_QUOTE = /“[^“”]*”|„[^„“”]*[“”]|«[^«»]*»|"[^"]*"/;

/** Parts of the text around a quote that are the writer's words: outside the quote, the speaker's label and the cue. */
export function splitWriterSegments(v: VersionContext): string[] {
  const { sentence } = v;
  if (!(
    Number.isInteger(v.quoteStart) &&
    Number.isInteger(v.quoteEnd) &&
    v.quoteStart >= 0 &&
    v.quoteStart <= v.quoteEnd &&
    v.quoteEnd <= sentence.length
  )) {
    throw new RangeError(
      `diff: quote offsets ${v.quoteStart}..${v.quoteEnd} are outside a sentence of length ${sentence.length}`,
    );
  }
  let segments = [sentence.slice(0, v.quoteStart), sentence.slice(v.quoteEnd)];
  // attribution words restate who spoke; they are not quote content moved into the writer's voice
  for (const cut of [v.speakerMention, v.cue, v.outlet]) {
    if (!cut || !cut.trim()) continue;
    const needle = cut.trim().toLowerCase();
    segments = segments.flatMap((s) => {
      const pieces: string[] = [];
      let rest = s;
      let at = rest.toLowerCase().indexOf(needle);
      while (at >= 0) {
        pieces.push(rest.slice(0, at));
        rest = rest.slice(at + needle.length);
        at = rest.toLowerCase().indexOf(needle);
      }
      pieces.push(rest);
      return pieces;
    });
  }
  // other quotes in a wider window are someone's words too, not the writer's
  segments = segments.flatMap((s) => s.split(OTHER_QUOTE));
  return segments.filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** A phrase found on both sides of the quote marks: its text in the quote, content lemma keys and units. */
export interface Moved {
  text: string;
  keys: string[];
  units: DiffUnit[];
}

/**
 * Phrases of `quoteUnits` that also stand, word for word, in one of `segments`
 * and hold words the other quote lacks (`missing` lemma keys). Longest first,
 * without overlap. Two content words, or one figure or date, make a phrase;
 * a single common word in both places says nothing about a move.
 */
export function findMovedPhrases(
  quote: string,
  quoteUnits: DiffUnit[],
  segments: string[],
  missing: Set<string>,
): Moved[] {
  const dates = markDateUnits(quoteUnits);
  const candidates: { i: number; len: number }[] = [];
  for (const segment of segments) {
    const other = splitDiffUnits(segment);
    // longest common runs ending at (i, j): the plain dynamic-programming table
    let prev = new Array<number>(other.length + 1).fill(0);
    for (let i = 0; i < quoteUnits.length; i += 1) {
      const row = new Array<number>(other.length + 1).fill(0);
      for (let j = 0; j < other.length; j += 1) {
        if (quoteUnits[i].key === other[j].key) row[j + 1] = prev[j] + 1;
      }
      prev = row;
      for (let j = 0; j < other.length; j += 1) {
        const len = row[j + 1];
        const extends_ =
          i + 1 < quoteUnits.length && j + 1 < other.length && quoteUnits[i + 1].key === other[j + 1].key;
        if (len > 0 && !extends_) candidates.push({ i: i - len + 1, len });
      }
    }
  }
  candidates.sort((x, y) => y.len - x.len || x.i - y.i);
  const taken = new Array<boolean>(quoteUnits.length).fill(false);
  const moved: Moved[] = [];
  for (const { i, len } of candidates) {
    let s = i;
    let e = i + len;
    // a phrase starts and ends on a content word or figure: "cut by 40 percent", not "be cut by 40 percent,"
    const isEdge = (u: DiffUnit) => u.tokens.every((t) => !isContent(t));
    while (s < e && isEdge(quoteUnits[s])) s += 1;
    while (e > s && isEdge(quoteUnits[e - 1])) e -= 1;
    if (s >= e) continue;
    // ...except that a time limit keeps its opener: "by the end of 2025"
    if (quoteUnits.slice(s, e).some((u, k) => dates[s + k])) {
      const opener = quoteUnits.slice(i, s).findIndex((u) => DEADLINE_OPENERS.test(u.text));
      if (opener >= 0) s = i + opener;
    }
    if (taken.slice(s, e).some(Boolean)) continue;
    const run = quoteUnits.slice(s, e);
    const contentTokens = run.flatMap((u) => u.tokens.filter(isContent));
    if (!contentTokens.some((t) => missing.has(lemmaKey(t)))) continue;
    const hasFigure = run.some((u, k) => isNumberUnit(u) || dates[s + k]);
    if (contentTokens.length < 2 && !hasFigure) continue;
    for (let k = s; k < e; k += 1) taken[k] = true;
    moved.push({
      text: quote.slice(run[0].start, run[run.length - 1].end),
      keys: contentTokens.map(lemmaKey),
      units: run,
    });
  }
  return moved.sort((x, y) => x.units[0].start - y.units[0].start);
}

/** What a moved phrase is, for the message: a deadline, a date, a figure or plain words. */
export function describePhrase(m: Moved, dates: boolean[], quoteUnits: DiffUnit[]): string {
  const hasDate = m.units.some((u) => dates[quoteUnits.indexOf(u)]);
  if (hasDate) return DEADLINE_OPENERS.test(m.units[0].text) ? 'Deadline' : 'Date';
  if (m.units.some(isNumberUnit)) return 'Figure';
  return 'Words';
}

/** Remove one token per key from a list of tokens, for words a move accounts for. */
export function consumeKeys(tokens: Token[], keys: string[]): Token[] {
  const left = [...tokens];
  for (const key of keys) {
    const at = left.findIndex((t) => lemmaKey(t) === key);
    if (at >= 0) left.splice(at, 1);
  }
  return left;
}
