/**
 * quotes/quoted-lines: the words of only the lines that hold quotation marks.
 * A quotation's kind is read from the words of its own line (those inside
 * its marks, the few before the opening mark, those between two parts of
 * it), never across a line break, so findMarkedQuotes builds the words of
 * those lines and skips the rest of the text: building words nobody reads
 * was a fifth of what telling quoted words from the writer's cost.
 */
import type { Token } from '../nlp/index.js';
import type { MarkedSpan } from './marks.js';
import { appendWords, dependsOnWordBefore, isBlankToken, type Word, type WordBuild } from './words.js';

/**
 * The words of the lines holding `spans` (in text order), each the word
 * buildWords makes of the whole text, plus the first word after each run of
 * such lines (a quotation closed at a line's end points past it). A run
 * whose first word depends on the word before it starts at the line before
 * (or further back, while that line's first word depends on the one before
 * it too): words of other paragraphs before a quotation's line are never
 * read as its own.
 */
export function buildQuotedLineWords(text: string, tokens: Token[], spans: readonly MarkedSpan[]): Word[] {
  const build: WordBuild = { words: [], paragraph: 0, lastEnd: 0 };
  let next = 0;
  for (const [start, end] of mergeLines(spans)) {
    let from = next;
    while (from < tokens.length && tokens[from].start < start) from += 1;
    // tokens were skipped: the first word here is built without the word before it
    if (from > next) from = findIndependentStart(text, tokens, from, next);
    let to = from;
    while (to < tokens.length && tokens[to].start < end) to += 1;
    // the first word after the lines, built from the word before it like every word of the run
    to = Math.min(findWordToken(tokens, to) + 1, tokens.length);
    next = appendWords(text, tokens, from, to, build);
  }
  return build.words;
}

/**
 * The token from which words are built for a run of lines starting at token
 * `from`: `from` when the run's first word reads nothing before it, else the
 * start of the line before, and so on back; `next` (where the words built so
 * far end) when the lines reach it.
 */
function findIndependentStart(text: string, tokens: Token[], from: number, next: number): number {
  let at = from;
  while (at > next) {
    const first = findWordToken(tokens, at);
    if (first >= tokens.length || !dependsOnWordBefore(tokens[first])) return at;
    let last = at - 1;
    while (last >= next && isBlankToken(tokens[last])) last -= 1;
    if (last < next) return next;
    const lineStart = text.lastIndexOf('\n', tokens[last].start - 1) + 1;
    at = last;
    while (at > next && tokens[at - 1].start >= lineStart) at -= 1;
  }
  return next;
}

/** The index of the first token at or after `i` that makes a word (tokens.length when none). */
function findWordToken(tokens: Token[], i: number): number {
  let k = i;
  while (k < tokens.length && isBlankToken(tokens[k])) k += 1;
  return k;
}

/** The [start, end) offsets of the lines holding spans, neighbouring lines joined, in text order. */
function mergeLines(spans: readonly MarkedSpan[]): [number, number][] {
  const lines: [number, number][] = [];
  for (const s of spans) {
    const last = lines[lines.length - 1];
    if (last && s.paragraphStart <= last[1] + 1) last[1] = Math.max(last[1], s.paragraphEnd);
    else lines.push([s.paragraphStart, s.paragraphEnd]);
  }
  return lines;
}
