/**
 * Editorial density: spans per 1,000 words, by voice and by category, so
 * articles of different lengths compare.
 */
import { EDITORIAL_CATEGORY_IDS } from './categories.js';

/** Spans per 1,000 words. */
export interface EditorialDensity {
  total: number;
  writer: number;
  quoted: number;
  byCategory: Record<string, { writer: number; quoted: number }>;
}

/**
 * Measure spans per 1,000 words, in total, by voice and by category (every
 * category is present, zero when unused). A text of no words has density 0.
 */
export function measureDensity(
  spans: readonly { category: string; voice: string }[],
  wordCount: number,
): EditorialDensity {
  if (!Number.isFinite(wordCount) || wordCount < 0)
    throw new RangeError(`editorial: measureDensity needs a word count >= 0, got ${wordCount}`);
  const per = wordCount > 0 ? 1000 / wordCount : 0;
  const byCategory: Record<string, { writer: number; quoted: number }> = {};
  for (const id of EDITORIAL_CATEGORY_IDS) byCategory[id] = { writer: 0, quoted: 0 };
  let writer = 0;
  let quoted = 0;
  for (const s of spans) {
    const slot = (byCategory[s.category] ??= { writer: 0, quoted: 0 });
    if (s.voice === 'quoted') {
      quoted += 1;
      slot.quoted += per;
    } else {
      writer += 1;
      slot.writer += per;
    }
  }
  return { total: (writer + quoted) * per, writer: writer * per, quoted: quoted * per, byCategory };
}
