/** ingest: duplicate detection — a stable hash of an article's text. */
import { createHash } from 'node:crypto';
import { normalizeText } from './normalize.js';

/**
 * sha256 (hex) of a prepared article's text (normalized, furniture removed)
 * with all whitespace collapsed to single spaces; case is kept. Normalizing
 * again is harmless on prepared text and makes NFC/NFD or CRLF copies of the
 * same text hash alike.
 */
export function hashText(text: string): string {
  return createHash('sha256').update(normalizeText(text).replace(/\s+/g, ' ').trim()).digest('hex');
}
