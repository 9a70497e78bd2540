/**
 * quotes: find the statements an article reports and who made them. Pure.
 */
import type { Analysis } from '../nlp/index.js';

export type QuoteKind = 'full' | 'partial' | 'scare' | 'indirect';

/** A statement an article reports: a span of the article's normalized text. */
export interface Quote {
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  /** the speaker's fullest name in the article, or null when unknown */
  speaker: string | null;
  /** the cue verb phrase, e.g. "told", "declared firmly" */
  cue: string | null;
  /** the outlet the statement was said to ("told Newsweek"), if given */
  outlet: string | null;
}

/** Extract the quotes of one article text. */
export function extractQuotes(text: string, analysis?: Analysis): Quote[] {
  void text;
  void analysis;
  return [];
}
