/**
 * The per-text context every detector shares: the analysis, which tokens open
 * a sentence or a line, and the spans of the text that are quotations.
 */
import type { Analysis, Token } from '../nlp/index.js';

/** A character range of the text, end exclusive. */
export interface Range {
  start: number;
  end: number;
}

/** What the detectors read about one text. */
export interface DetectContext {
  text: string;
  analysis: Analysis;
  /** indices of tokens that begin a sentence or a line */
  sentenceStarts: Set<number>;
  /** stretches in someone else's words (full and partial quotations) */
  quoted: Range[];
  /** stretches the quote extractor (or the fallback scanner) marked as scare quotes */
  scare: Range[];
}

const OPEN_QUOTES = new Set(['“', '"', '«', '‘', "'"]);

/** True for a token that only holds a quotation mark. */
export function isQuoteMark(token: Token): boolean {
  return /^["“”«»‘’']+$/.test(token.text);
}

/** True for a word-like token (not punctuation, not a line break). */
export function isWord(token: Token): boolean {
  return (
    token.type !== 'punctuation' &&
    token.type !== 'tabCRLF' &&
    token.type !== 'symbol' &&
    /[\p{L}\p{N}]/u.test(token.text)
  );
}

/** Build the set of tokens that open a sentence or a line. */
export function indexSentences(analysis: Analysis): { sentenceStarts: Set<number> } {
  const sentenceStarts = new Set<number>();
  analysis.sentences.forEach((s) => {
    // an opening quotation mark or bracket does not stop the next word from being sentence-initial
    let first = s.tokenStart;
    while (first < s.tokenEnd && OPEN_QUOTES.has(analysis.tokens[first].text)) first += 1;
    sentenceStarts.add(first);
  });
  analysis.tokens.forEach((t, i) => {
    if (t.type === 'tabCRLF' && i + 1 < analysis.tokens.length) sentenceStarts.add(i + 1);
  });
  return { sentenceStarts };
}

/** True when the range lies inside one of `ranges` (by its midpoint, so a word at a quote's edge counts). */
export function isInside(range: Range, ranges: Range[]): boolean {
  const mid = (range.start + range.end - 1) / 2;
  return ranges.some((r) => r.start <= mid && mid < r.end);
}
