/**
 * ingest: turn one input (a file, pasted text, a fetched page) into a prepared
 * article: normalized text, removed page furniture, detected metadata.
 * Pure: no I/O.
 */
import { IngestError, type ArticleInput, type ArticleMetadata, type PreparedArticle } from './article.js';
import { separateFurniture } from './furniture.js';
import { makeFallbackTitle, normalizeGivenDate, resolveMetadata } from './metadata.js';
import { countWords, normalizeText } from './normalize.js';
import { cleanLine } from './fields.js';
import { checkWebAddress } from './web-address.js';

export {
  IngestError,
  type ArticleInput,
  type ArticleMetadata,
  type Furniture,
  type PreparedArticle,
} from './article.js';
export { countWords, normalizeText } from './normalize.js';
export { findDates, parseDate, type FoundDate } from './dates.js';
export { separateFurniture, type FurnitureClues, type FurnitureResult } from './furniture.js';
export { findSelfReference, makeFallbackTitle, resolveMetadata } from './metadata.js';
export { hashText } from './hash.js';
export { MAX_INPUT_BYTES, parsePaste, parseUpload, sniffFormat, type Upload } from './formats.js';

function given(value: string | null | undefined): string | null {
  const v = typeof value === 'string' ? cleanLine(value) : '';
  return v ? v : null;
}

/** A given address, refused (400) unless it is an http(s) address. */
function givenAddress(value: string | null | undefined): string | null {
  const v = given(value);
  if (v === null) return null;
  const check = checkWebAddress(v);
  if (!check.ok) throw new IngestError(`ingest: field "url": ${check.error}`);
  return v;
}

/**
 * Prepare an article: normalize, strip furniture, fill in metadata the input
 * lacks (given values always win). Throws IngestError when there is no text
 * (400) or nothing but page furniture (422).
 */
export function prepareArticle(input: ArticleInput): PreparedArticle {
  const normalized = normalizeText(typeof input.text === 'string' ? input.text : '');
  if (!normalized) throw new IngestError('ingest: the article has no text');
  const { text, furniture, clues } = separateFurniture(normalized);
  const detected = resolveMetadata(clues, text);
  const title = given(input.title);
  const published = given(input.published);
  return {
    title: title ?? detected.title ?? makeFallbackTitle(text),
    titleSource: title ? 'input' : detected.title ? 'detected' : 'fallback',
    outlet: given(input.outlet) ?? detected.outlet,
    author: given(input.author) ?? detected.author,
    published: published ? normalizeGivenDate(published) : detected.published,
    url: givenAddress(input.url),
    original: input.original ?? input.text,
    format: input.format ?? 'txt',
    text,
    furniture,
    wordCount: countWords(text),
    kind: input.kind === 'primary-source' ? 'primary-source' : 'article',
  };
}

/** Detect metadata from raw text alone (null where the text does not say). */
export function detectMetadata(raw: string): ArticleMetadata {
  const none: ArticleMetadata = { title: null, outlet: null, author: null, published: null };
  const normalized = normalizeText(raw);
  if (!normalized) return none;
  try {
    const { text, clues } = separateFurniture(normalized);
    return resolveMetadata(clues, text);
  } catch (err) {
    if (err instanceof IngestError) return none;
    throw err;
  }
}
