/**
 * ingest: article metadata — title, published date, author, outlet — from what
 * the input says, then from what the page furniture gave away, then from the
 * article's own wording.
 */
import type { ArticleMetadata } from './article.js';
import { parseDate } from './dates.js';
import type { FurnitureClues } from './furniture.js';
import { splitWords } from './lines.js';

// Outlets write about their own reporting in the third person: "Newsweek
// contacted the State Department for comment", "The Independent has approached
// X for a response". A retelling says "Newsweek reported" instead.
const SELF_REFERENCE =
  /(?:^|[.!?]\s+|\n)((?:The\s+)?[\p{Lu}][\p{L}\p{N}&.'’-]*(?:\s+[\p{Lu}][\p{L}\p{N}&.'’-]*){0,3})\s+(?:has\s+|had\s+|have\s+)?(?:contacted|reached out to|approached|asked|emailed|e-mailed|sought comment from)\s(?:[^.!?\n]|(?<=\b\p{Lu})\.){2,160}?\bfor\s+(?:a\s+)?(?:comment|response|statement|further comment|reaction)/gu;
const NOT_OUTLETS = /^(?:The|He|She|They|We|It|This|That|Police|Officials?|Reporters?|Journalists?|Lawyers?)$/;

const DATE_RANK = { header: 0, byline: 1, signature: 2, updated: 3 } as const;
const AUTHOR_RANK = { byline: 0, signature: 1, bio: 2 } as const;
const OUTLET_RANK = { promotion: 0, address: 1, copyright: 2, dateline: 3 } as const;

/** The outlet an article names as itself when it asks someone for comment, or null. */
export function findSelfReference(text: string): string | null {
  for (const m of text.matchAll(SELF_REFERENCE)) {
    const name = m[1].trim();
    if (NOT_OUTLETS.test(name) || splitWords(name).length > 4) continue;
    return name;
  }
  return null;
}

/** Pick the best metadata from the furniture clues and the remaining text. */
export function resolveMetadata(clues: FurnitureClues, text: string): ArticleMetadata {
  const dates = [...clues.dates].sort((a, b) => DATE_RANK[a.source] - DATE_RANK[b.source]);
  const authors = [...clues.authors].sort((a, b) => AUTHOR_RANK[a.source] - AUTHOR_RANK[b.source]);
  const outlets = [...clues.outlets].sort((a, b) => OUTLET_RANK[a.source] - OUTLET_RANK[b.source]);
  return {
    title: clues.title,
    published: dates[0]?.iso ?? null,
    author: authors[0]?.name ?? null,
    outlet: outlets[0]?.name ?? findSelfReference(text),
  };
}

/**
 * Read a given date, or keep the given text when it is not a date we
 * understand. A relative date ("2 days ago") is read against `reference`,
 * the time of the import.
 */
export function normalizeGivenDate(value: string, reference: Date = new Date()): string {
  return parseDate(value, reference) ?? value.trim();
}

/** A title made from the text's first sentence, at most ~100 characters, cut at a word boundary. */
export function makeFallbackTitle(text: string, max = 100): string {
  // A wire dateline ("WASHINGTON (AP) — ") is not part of the story's first sentence.
  const firstLine = (text.split('\n', 50).find((l) => l.trim()) ?? '')
    .slice(0, 2000)
    .replace(/^\p{Lu}[\p{Lu}\p{L}.' -]{1,40}(?:,\s*[\p{L}.]+\s*\d{0,2})?\s*\([\p{L}]{2,12}\)\s*[—–-]\s*/u, '');
  const sentence = /^.+?[.!?](?=\s+["“‘]?\p{Lu}|\s*$)/u.exec(firstLine)?.[0] ?? firstLine;
  if (sentence.length <= max) return sentence.replace(/\.$/, '');
  const cut = sentence.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s,;:—–-]+$/, '') + '…';
}
