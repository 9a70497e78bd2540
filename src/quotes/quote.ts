/** quotes/quote: the shape of one extracted quote. */

export type QuoteKind = 'full' | 'partial' | 'scare' | 'indirect';

/** Where a quote lies in its article's normalized text (end exclusive), and its kind: what other layers need of it. */
export interface QuoteSpan {
  start: number;
  end: number;
  kind: QuoteKind;
}

/** A statement an article reports: a span of the article's normalized text. */
export interface Quote extends QuoteSpan {
  text: string;
  /** the speaker's fullest name in the article, or null when unknown */
  speaker: string | null;
  /** the cue verb phrase, e.g. "told", "declared firmly" */
  cue: string | null;
  /** the outlet the statement was said to ("told Newsweek"), if given */
  outlet: string | null;
  /** the words the article uses for the speaker ("the Iraqi official", "he") */
  speakerMention: string | null;
  /** quotes with the same group are parts of one quotation (split by attribution or paragraphs) */
  group: number;
}
