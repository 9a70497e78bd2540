/**
 * A plain scanner for quotation marks, used only when the caller gives no
 * quote spans (e.g. the quote extractor found none): it tells the writer's
 * words from quoted words by the marks alone, so voice stays meaningful.
 */
import type { Range } from './context.js';

/** One stretch between quotation marks, marks included. */
export interface QuotationRegion extends Range {
  /** number of words between the marks */
  words: number;
}

/**
 * Find the stretches between double quotation marks (“…”, "…"), paragraph by
 * paragraph. News style leaves a quote open at the end of a paragraph when the
 * same speaker goes on in the next one, so an unclosed quote ends with its
 * paragraph. Single quotes are skipped: they double as apostrophes.
 */
export function findQuotationRegions(text: string): QuotationRegion[] {
  const regions: QuotationRegion[] = [];
  let paragraphStart = 0;
  while (paragraphStart <= text.length) {
    let paragraphEnd = text.indexOf('\n', paragraphStart);
    if (paragraphEnd < 0) paragraphEnd = text.length;
    let open = -1;
    for (let i = paragraphStart; i < paragraphEnd; i += 1) {
      const c = text[i];
      if (c === '“' || (c === '"' && open < 0)) {
        // a second opening mark means the first quote ran to here without closing
        if (open >= 0) pushRegion(regions, text, open, i);
        open = i;
      } else if ((c === '”' || c === '"') && open >= 0) {
        pushRegion(regions, text, open, i + 1);
        open = -1;
      }
    }
    if (open >= 0) pushRegion(regions, text, open, paragraphEnd);
    paragraphStart = paragraphEnd + 1;
  }
  return regions;
}

function pushRegion(regions: QuotationRegion[], text: string, start: number, end: number): void {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e -= 1;
  const words = (text.slice(start, e).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
  if (words > 0) regions.push({ start, end: e, words });
}
