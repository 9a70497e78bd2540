/** ingest: how a single line of a page is recognised as furniture — the patterns built from the word lists in data/ingest/furniture.json, and the readers of outlet names in promotions and copyright lines. */
import furnitureLists from '../../data/ingest/furniture.json' with { type: 'json' };
import { hasQuotation, isRelativeTime, readWebAddress, splitWords } from './lines.js';

// The word lists live in data/ingest/furniture.json, like every other lexicon.
export const lists = furnitureLists.furniture;

/** Any entry of a list of regular-expression fragments, as one group. */
export function anyOf(entries: string[]): string {
  return `(?:${entries.join('|')})`;
}

export const HEAD_LINES = 30;
export const TAIL_LINES = 8;

export const CLOSE = new RegExp(`^${anyOf(lists.close)}$`, 'i');
export const RELATED = new RegExp(`^${anyOf(lists.related)}\\s*(?:[:|–—>»-]|$)`, 'iu');
export const ADVERT = new RegExp(`^${anyOf(lists.advert)}$`, 'i');
export const PROMPT = new RegExp(`^${anyOf(lists.prompt)}`, 'iu');
export const LATEST =
  /^for (?:all |more of )?(?:the )?(?:latest|more)\b.{0,160}\b(?:go to|visit|head to|head over to|follow|see)\s+(.{2,60}?)\s*[.!]?$/i;
export const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|all rights reserved\.?$/i;
export const CREDIT_LABEL = new RegExp(`^\\(?${anyOf(lists.creditLabels)}(?: by)?\\s*[:|,]\\s*\\S.{0,100}$`, 'i');
export const CAPTION_LABEL = /^(?:image caption|caption|photo caption)\s*[:,]\s*\S/i;
// A wire dateline names the agency that wrote the story: "WASHINGTON (AP) —", "LONDON, March 5 (Reuters) -".
export const DATELINE = new RegExp(
  `^\\p{Lu}[\\p{Lu}\\p{L}.' -]{1,40}(?:,\\s*[\\p{L}.]+\\s*\\d{0,2})?\\s*\\((${lists.datelineAgencies.join('|')})\\)\\s*[—–-]\\s*`,
  'u',
);
export const AGENCY_NAMES: Record<string, string> = { AP: 'Associated Press' };
export const AGENCY = anyOf(lists.photoAgencies);
export const AGENCY_CREDIT = new RegExp(
  `^\\(?(?:(?:[\\p{Lu}][\\p{L}.'’-]*\\s){0,4}(?:via\\s|for\\s)?)?${AGENCY}(?:\\sPhoto|\\sImages|\\svia\\sGetty\\sImages)?(?:\\s?/\\s?[\\p{Lu}][\\p{L}.'’ -]{1,40})?\\)?$`,
  'u',
);
export const CONTRIBUTED =
  /^(?:the\s+)?[\p{Lu}][\p{L}.'’&\s-]{1,60}?\s+contributed(?:\s+(?:reporting|to this report))?(?:\s+to\s+(?:this|the)\s+(?:report|story|article))?\.?$/u;
export const FILES_FROM = /^(?:[—–-]\s*)?with (?:files|reporting) from\s+(?:the\s+)?\p{Lu}.{1,80}$/iu;
export const CREDIT_CLAUSE =
  /^(?:additional\s+)?(?:reporting|writing|editing|compiled|research|graphics|photos)(?:\s+and\s+\w+)?\s+by\s+(.+?)(?:\s+in\s+\p{Lu}[\p{L} .-]*)?$/iu;
export const NAME_LIST =
  /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|al-\S+|de|van|von|bin))*(?:\s*(?:,|\band\b|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|al-\S+|de|van|von|bin))*)*$/u;

/** "(Reporting by Jane Doe in Kyiv; Editing by John Roe)": a wire service's credit line, names only. */
export function isReportingCredit(line: string): boolean {
  if (FILES_FROM.test(line)) return true;
  // every clause must match CREDIT_CLAUSE, which holds " by " (same flags): a line without it is none
  if (!/\sby\s/iu.test(line)) return false;
  const body = line.replace(/^\(|\)?\.?$/g, '').replace(/\)$/, '');
  const clauses = body.split(/\s*;\s*/);
  return clauses.every((c) => {
    const m = CREDIT_CLAUSE.exec(c.trim());
    return !!m && NAME_LIST.test(m[1].trim());
  });
}

/** "Name/Agency", "Master Sergeant Jo Roe/Joint Task Force/U.S. Army": a photo credit with slashes. */
export function isSlashCredit(line: string): boolean {
  if (!line.includes('/') || /https?:|www\./i.test(line) || line.length > 160) return false;
  if (/[!?:;,"“”]$/.test(line) || (/\.$/.test(line) && !/\b(?:\p{Lu}\.)+$/u.test(line))) return false;
  const segments = line.split(/\s?\/\s?/);
  return (
    segments.length >= 2 &&
    segments.every((seg) => {
      const words = seg.split(/\s+/).filter((w) => /\p{L}/u.test(w));
      if (words.length === 0 || words.length > 9 || !/^\p{Lu}/u.test(seg)) return false;
      const capitalized = words.filter(
        (w) => /^\p{Lu}/u.test(w) || /^(?:of|the|and|for|de|al-\p{Lu}.*|via)$/u.test(w),
      ).length;
      return capitalized / words.length >= 0.75;
    })
  );
}

/** The reason a line is furniture wherever it stands, or null. */
export function classifyAnywhere(line: string): { reason: string; outlet?: string } | null {
  if (CLOSE.test(line)) return { reason: 'close button' };
  if (RELATED.test(line) && splitWords(line).length <= 40) return { reason: 'related-article link' };
  if (hasQuotation(line)) return null;
  // counted only when a pattern matched: most lines match none
  let counted: number | undefined;
  const words = (): number => (counted ??= splitWords(line).length);
  if (ADVERT.test(line)) return { reason: 'advertisement label' };
  const latest = LATEST.exec(line);
  if (latest && words() <= 40) return { reason: 'promotion', outlet: cleanOutletName(latest[1]) ?? undefined };
  if (PROMPT.test(line) && words() <= 20) return { reason: 'subscription or sharing prompt' };
  if (COPYRIGHT.test(line) && words() <= 25)
    return { reason: 'copyright notice', outlet: readCopyrightHolder(line) ?? undefined };
  if (CREDIT_LABEL.test(line) || AGENCY_CREDIT.test(line) || isSlashCredit(line)) return { reason: 'photo credit' };
  if (CAPTION_LABEL.test(line) && words() <= 60) return { reason: 'photo caption' };
  if (isRelativeTime(line)) return { reason: 'date line (relative time)' };
  if (CONTRIBUTED.test(line) || isReportingCredit(line)) return { reason: 'agency or reporting credit' };
  return null;
}

export function cleanOutletName(raw: string): string | null {
  const name = raw
    .replace(/^(?:the\s+)?(?:website|site|page)\s+(?:of\s+)?/i, '')
    .replace(/[\s.!,;:]+$/, '')
    .trim();
  const host = readWebAddress(name);
  if (host) return host;
  if (!/^\p{Lu}/u.test(name) || splitWords(name).length > 6) return null;
  return name;
}

export function readCopyrightHolder(line: string): string | null {
  const holder = line
    .replace(/^(?:©|\(c\)|copyright)\s*/i, '')
    .replace(/^(?:©|\(c\))\s*/i, '')
    .replace(/^\d{4}(?:\s*[-–]\s*\d{4})?\s*/, '')
    .replace(/[.,]?\s*all rights reserved\.?$/i, '')
    .trim();
  return holder ? cleanOutletName(holder) : null;
}
