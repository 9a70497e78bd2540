/**
 * editorial: suggest spans of editorial or loaded language. Pure.
 */
import type { Analysis } from '../nlp/index.js';

export type Voice = 'writer' | 'quoted';

/** A machine-suggested stretch of editorial language. */
export interface EditorialSpan {
  start: number;
  end: number;
  text: string;
  category: string;
  voice: Voice;
}

/** The quote spans of the article, so a span can be given its voice. */
export interface QuoteSpan {
  start: number;
  end: number;
  kind: string;
}

/** Detect editorial spans in one article text. */
export function detectEditorial(text: string, quotes: QuoteSpan[], analysis?: Analysis): EditorialSpan[] {
  void text;
  void quotes;
  void analysis;
  return [];
}
