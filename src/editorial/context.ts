/**
 * The per-text context every detector shares: the analysis, which tokens open
 * a sentence or a line, and the spans of the text that are quotations.
 */
import type { Analysis, Token } from '../nlp/index.js';
import type { WordForm } from './word-forms.js';

/** A character range of the text, end exclusive. */
export interface Range {
  start: number;
  end: number;
}

/** What the detectors read about one text. */
export interface DetectContext {
  text: string;
  analysis: Analysis;
  /** per token, 1 when it begins a sentence or a line (asked of nearly every token, so an array, not a set) */
  sentenceStarts: Uint8Array;
  /** stretches in someone else's words (full and partial quotations) */
  quoted: Range[];
  /** stretches the quote extractor (or the fallback scanner) marked as scare quotes */
  scare: Range[];
  /** per token, the record of its word form (word-forms.ts) */
  forms: WordForm[];
}

const OPEN_QUOTES = new Set(['“', '"', '«', '‘', "'"]);

/** True for a token that only holds a quotation mark. */
export function isQuoteMark(token: Token): boolean {
  return /^["“”«»‘’']+$/.test(token.text);
}

/** True for a word-like token (not punctuation, not a line break). */
export function isWord(token: Token): boolean {
  if (token.type === 'punctuation' || token.type === 'tabCRLF' || token.type === 'symbol') return false;
  // asked of nearly every token: an ASCII letter or digit first answers without the regex
  const c = token.text.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  return /[\p{L}\p{N}]/u.test(token.text);
}

/** Mark the tokens that open a sentence or a line. */
export function indexSentences(analysis: Analysis): { sentenceStarts: Uint8Array } {
  const { tokens } = analysis;
  // one more than the tokens: a sentence of opening marks alone marks the place after its last token
  const sentenceStarts = new Uint8Array(tokens.length + 1);
  for (const s of analysis.sentences) {
    // an opening quotation mark or bracket does not stop the next word from being sentence-initial
    let first = s.tokenStart;
    while (first < s.tokenEnd && OPEN_QUOTES.has(tokens[first].text)) first += 1;
    sentenceStarts[first] = 1;
  }
  for (let i = 0; i + 1 < tokens.length; i += 1) if (tokens[i].type === 'tabCRLF') sentenceStarts[i + 1] = 1;
  return { sentenceStarts };
}

/** True when the range lies inside one of `ranges` (by its midpoint, so a word at a quote's edge counts). */
export function isInside(range: Range, ranges: readonly Range[]): boolean {
  const mid = (range.start + range.end - 1) / 2;
  return ranges.some((r) => r.start <= mid && mid < r.end);
}

/**
 * Per token, 1 when isInside(token, ranges): one sweep over the tokens (in
 * text order, so their midpoints only grow) and the ranges sorted by start,
 * instead of a search of every range for every token.
 */
export function markTokensInside(tokens: readonly Token[], ranges: readonly Range[]): Uint8Array {
  const inside = new Uint8Array(tokens.length);
  if (ranges.length === 0) return inside;
  const order = [...ranges].sort((a, b) => a.start - b.start);
  let k = 0;
  let reach = -Infinity;
  let lastMid = -Infinity;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    const mid = (t.start + t.end - 1) / 2;
    if (mid < lastMid) {
      inside[i] = isInside(t, ranges) ? 1 : 0;
      continue;
    }
    lastMid = mid;
    while (k < order.length && order[k].start <= mid) reach = Math.max(reach, order[k++].end);
    if (mid < reach) inside[i] = 1;
  }
  return inside;
}

/**
 * isInside for many ranges against the same `ranges`: their union, merged
 * and sorted once, then a binary search per range.
 */
export function createInsideTest(ranges: readonly Range[]): (range: Range) => boolean {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.end <= r.start) continue;
    const last = ends.length - 1;
    if (last >= 0 && r.start <= ends[last]) ends[last] = Math.max(ends[last], r.end);
    else (starts.push(r.start), ends.push(r.end));
  }
  return (range) => {
    const mid = (range.start + range.end - 1) / 2;
    let lo = 0;
    let hi = starts.length;
    // the last merged range starting at or before mid
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (starts[m] <= mid) lo = m + 1;
      else hi = m;
    }
    return lo > 0 && mid < ends[lo - 1];
  };
}
