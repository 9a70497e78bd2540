/**
 * ingest: the shapes every ingest module shares — what comes in, what goes
 * out, and the one error type (kept apart from index.ts so the format and
 * furniture modules can import it without an import cycle).
 */

/** What a user or a file gives us. Any metadata field may be missing. */
export interface ArticleInput {
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
  /** ISO date (YYYY-MM-DD) or anything parseDate understands */
  published?: string | null;
  url?: string | null;
  text: string;
  /** the original bytes/text as received (HTML, JSON, ...); defaults to text */
  original?: string;
  /** the format the input came in: txt, md, html, json, url */
  format?: string;
  /** a primary source (an original interview or transcript) is the reference its statements are compared against */
  kind?: 'article' | 'primary-source' | null;
}

/** A line (or the leading part of a line) removed from the article text, and why. */
export interface Furniture {
  text: string;
  reason: string;
}

/** Article metadata; null where neither the input nor the text says. */
export interface ArticleMetadata {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD */
  published: string | null;
}

/** An article ready to store. */
export interface PreparedArticle {
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  original: string;
  format: string;
  /** normalized article text: NFC, \n line ends, single spaces, paragraphs split by a blank line */
  text: string;
  furniture: Furniture[];
  wordCount: number;
  /** where the title came from: given with the input, found in the text, or made from the first sentence */
  titleSource: 'input' | 'detected' | 'fallback';
  /** a retelling (the default) or a primary source */
  kind: 'article' | 'primary-source';
}

/**
 * A problem with an input, with the HTTP status it maps to: 400 bad input,
 * 413 too large, 415 not text, 422 no article in it, 502 the remote site
 * answered with an error, 504 the remote site did not answer in time.
 */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409 | 413 | 415 | 422 | 502 | 504 = 400,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
