/** Duplicate detection: a stable hash of an article's normalized text. */
import { createHash } from 'node:crypto';

/** sha256 (hex) of the normalized text with whitespace collapsed; case is kept. */
export function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}
