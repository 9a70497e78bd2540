/**
 * ingest: turn one input (already decoded to text plus optional metadata) into
 * a prepared article: normalized text, removed page furniture, detected metadata.
 * Pure: no I/O.
 */

/** What a user or a file gives us. Any metadata field may be missing. */
export interface ArticleInput {
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
  /** ISO date (YYYY-MM-DD) or anything detectDate understands */
  published?: string | null;
  url?: string | null;
  text: string;
  /** the original bytes/text as received (HTML, JSON, ...); defaults to text */
  original?: string;
  /** the format the input came in: txt, md, html, json, url */
  format?: string;
}

/** A line removed from the article text, and why. */
export interface Furniture {
  text: string;
  reason: string;
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
}

/** A problem with an input, with the HTTP status it maps to. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 | 422 = 400,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

/** Normalize text: Unicode NFC, \n line endings, collapsed spaces, paragraphs separated by one blank line. */
export function normalizeText(raw: string): string {
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000 ]+/g, ' ');
  return text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).join('\n'))
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** Count words (runs of letters/digits). */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/** Prepare an article: normalize, strip furniture, fill in metadata the input lacks. */
export function prepareArticle(input: ArticleInput): PreparedArticle {
  const text = normalizeText(input.text ?? '');
  if (!text) throw new IngestError('ingest: the article has no text');
  const firstLine = text.split('\n')[0];
  return {
    title: input.title?.trim() || firstLine.slice(0, 120),
    outlet: input.outlet ?? null,
    author: input.author ?? null,
    published: input.published ?? null,
    url: input.url ?? null,
    original: input.original ?? input.text,
    format: input.format ?? 'txt',
    text,
    furniture: [],
    wordCount: countWords(text),
  };
}
