/**
 * ingest: page furniture — the lines a copied or scraped news page carries
 * that are not the article: close buttons, repeated headlines, photo captions
 * and credits, "READ MORE" links, promotions, site headers and footers, date
 * and byline lines (turned into metadata), signatures and author bios, agency
 * credit lines. Each removed line is recorded with its reason, and what the
 * furniture tells about the article (date, author, outlet, title) is kept as
 * metadata clues.
 *
 * Agency credit lines ("The Associated Press contributed to this story.") are
 * removed: they describe how the story was made, not what it says, and they are
 * never quotes; the furniture list keeps them for the reader.
 *
 * A line holding a quotation is never removed by a rule that guesses from the
 * line's shape alone; only exact repeats (whose text stays in the article) and
 * truncated photo captions may hold quote marks.
 */
import { IngestError, type Furniture } from './article.js';
import {
  hasQuotation,
  isBodyLine,
  isEmail,
  isHeadlineLike,
  isPersonName,
  isRelativeTime,
  readByline,
  readRoleLine,
  readDateLine,
  readDatePrefix,
  readSignature,
  readWebAddress,
  shareLatin,
  splitWords,
  titleCaseIfShouting,
} from './lines.js';

/** Metadata the furniture gave away, strongest source first within each list. */
export interface FurnitureClues {
  title: string | null;
  dates: { iso: string; source: 'header' | 'byline' | 'updated' | 'signature' }[];
  authors: { name: string; source: 'byline' | 'signature' | 'bio' }[];
  outlets: { name: string; source: 'promotion' | 'address' | 'copyright' | 'dateline' }[];
}

/** The article text with its furniture taken out. */
export interface FurnitureResult {
  text: string;
  furniture: Furniture[];
  clues: FurnitureClues;
}

interface Line {
  text: string;
  para: number;
  removed: string | null;
  /** set when only a leading part of the line is furniture */
  prefix?: string;
}

const HEAD_LINES = 30;
const TAIL_LINES = 8;

const CLOSE = /^(?:close|×|✕|✖|x|close (?:this )?(?:window|dialog|menu|panel)|skip to (?:main )?content|toggle navigation)$/i;
const RELATED = /^(?:read more|read also|also read|more on this(?: story| topic)?|related(?: articles?| stories| content| coverage| news| topics)?|topics|tags|explore more on (?:these|this) topics?|recommended(?: for you)?|see also|more from [\p{L} ]{2,30}|watch|watch now|listen|trending|most read|top stories|editor'?s picks?|you may also like|you might also like)\s*(?:[:|–—>»-]|$)/iu;
const ADVERT = /^(?:advertisement|advert|sponsored(?: content)?|paid content|promoted|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue(?: with content)?|content continues below)$/i;
const PROMPT =
  /^(?:subscribe\b|sign up\b|sign in\b|log in\b|register\b|get (?:our|the) [\p{L} ]{0,40}newsletter|download (?:our|the) [\p{L} ]{0,20}app|join (?:us|our)\b|follow (?:us\b|@|[\p{Lu}][\p{L}. ]{0,40} on (?:twitter|x|facebook|instagram|telegram|tiktok|youtube|linkedin|threads|bluesky))|like us on\b|share (?:this|on|via)\b|share$|tweet$|click here\b|tap here\b|support (?:our|independent|quality) journalism|never miss\b|get the latest\b|get breaking news\b|enable notifications|turn on notifications|we use cookies|accept (?:all )?cookies|our newsletters?\b|newsletter\b|save$|save articles? (?:to|for)\b|print$|print this (?:article|page)|listen to this article|reuse this content|comments$|\d+ comments$|view comments|leave a comment|our standards:|report an error|give feedback)/iu;
const LATEST = /^for (?:all |more of )?(?:the )?(?:latest|more)\b.{0,160}\b(?:go to|visit|head to|head over to|follow|see)\s+(.{2,60}?)\s*[.!]?$/i;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|all rights reserved\.?$/i;
const CREDIT_LABEL = /^\(?(?:photo(?:graph)?s?|images?|pictures?|picture credit|photo credit|image credit|image source|credit|illustration|video|file photo|main image|top image|lead image)(?: by)?\s*[:|,]\s*\S.{0,100}$/i;
const CAPTION_LABEL = /^(?:image caption|caption|photo caption)\s*[:,]\s*\S/i;
// A wire dateline names the agency that wrote the story: "WASHINGTON (AP) —", "LONDON, March 5 (Reuters) -".
const DATELINE = /^\p{Lu}[\p{Lu}\p{L}.' -]{1,40}(?:,\s*[\p{L}.]+\s*\d{0,2})?\s*\((AP|Reuters|AFP|UPI|dpa|Xinhua|Bloomberg|CNN|IANS|PTI|Anadolu)\)\s*[—–-]\s*/u;
const AGENCY_NAMES: Record<string, string> = { AP: 'Associated Press' };
const AGENCY = '(?:Getty Images|AFP|AP|Reuters|EPA(?:-EFE)?|Shutterstock|Alamy|Bloomberg|Xinhua|Anadolu(?: Agency)?|Pool|AAP|PA(?: Images| Wire)?|Sipa(?: USA)?|TASS|SOPA Images|NurPhoto|LightRocket|Zuma(?: Press)?|Press Association)';
const AGENCY_CREDIT = new RegExp(`^\\(?(?:(?:[\\p{Lu}][\\p{L}.'’-]*\\s){0,4}(?:via\\s|for\\s)?)?${AGENCY}(?:\\sPhoto|\\sImages|\\svia\\sGetty\\sImages)?(?:\\s?/\\s?[\\p{Lu}][\\p{L}.'’ -]{1,40})?\\)?$`, 'u');
const CONTRIBUTED = /^(?:the\s+)?[\p{Lu}][\p{L}.'’&\s-]{1,60}?\s+contributed(?:\s+(?:reporting|to this report))?(?:\s+to\s+(?:this|the)\s+(?:report|story|article))?\.?$/u;
const FILES_FROM = /^(?:[—–-]\s*)?with (?:files|reporting) from\s+(?:the\s+)?\p{Lu}.{1,80}$/iu;
const CREDIT_CLAUSE = /^(?:additional\s+)?(?:reporting|writing|editing|compiled|research|graphics|photos)(?:\s+and\s+\w+)?\s+by\s+(.+?)(?:\s+in\s+\p{Lu}[\p{L} .-]*)?$/iu;
const NAME_LIST = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|al-\S+|de|van|von|bin))*(?:\s*(?:,|\band\b|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|al-\S+|de|van|von|bin))*)*$/u;

/** "(Reporting by Jane Doe in Kyiv; Editing by John Roe)": a wire service's credit line, names only. */
function isReportingCredit(line: string): boolean {
  if (FILES_FROM.test(line)) return true;
  const body = line.replace(/^\(|\)?\.?$/g, '').replace(/\)$/, '');
  const clauses = body.split(/\s*;\s*/);
  return clauses.every((c) => {
    const m = CREDIT_CLAUSE.exec(c.trim());
    return !!m && NAME_LIST.test(m[1].trim());
  });
}

/** "Name/Agency", "Master Sergeant Jo Roe/Joint Task Force/U.S. Army": a photo credit with slashes. */
function isSlashCredit(line: string): boolean {
  if (!line.includes('/') || /https?:|www\./i.test(line) || line.length > 160) return false;
  if (/[!?:;,"“”]$/.test(line) || (/\.$/.test(line) && !/\b(?:\p{Lu}\.)+$/u.test(line))) return false;
  const segments = line.split(/\s?\/\s?/);
  return (
    segments.length >= 2 &&
    segments.every((seg) => {
      const words = seg.split(/\s+/).filter((w) => /\p{L}/u.test(w));
      if (words.length === 0 || words.length > 9 || !/^\p{Lu}/u.test(seg)) return false;
      const capitalized = words.filter((w) => /^\p{Lu}/u.test(w) || /^(?:of|the|and|for|de|al-\p{Lu}.*|via)$/u.test(w)).length;
      return capitalized / words.length >= 0.75;
    })
  );
}

/** The reason a line is furniture wherever it stands, or null. */
function classifyAnywhere(line: string): { reason: string; outlet?: string } | null {
  if (CLOSE.test(line)) return { reason: 'close button' };
  if (RELATED.test(line) && splitWords(line).length <= 40) return { reason: 'related-article link' };
  if (hasQuotation(line)) return null;
  const words = splitWords(line).length;
  if (ADVERT.test(line)) return { reason: 'advertisement label' };
  const latest = LATEST.exec(line);
  if (latest && words <= 40) return { reason: 'promotion', outlet: cleanOutletName(latest[1]) ?? undefined };
  if (PROMPT.test(line) && words <= 20) return { reason: 'subscription or sharing prompt' };
  if (COPYRIGHT.test(line) && words <= 25) return { reason: 'copyright notice', outlet: readCopyrightHolder(line) ?? undefined };
  if (CREDIT_LABEL.test(line) || AGENCY_CREDIT.test(line) || isSlashCredit(line)) return { reason: 'photo credit' };
  if (CAPTION_LABEL.test(line) && words <= 60) return { reason: 'photo caption' };
  if (isRelativeTime(line)) return { reason: 'date line (relative time)' };
  if (CONTRIBUTED.test(line) || isReportingCredit(line)) return { reason: 'agency or reporting credit' };
  return null;
}

function cleanOutletName(raw: string): string | null {
  const name = raw.replace(/^(?:the\s+)?(?:website|site|page)\s+(?:of\s+)?/i, '').replace(/[\s.!,;:]+$/, '').trim();
  const host = readWebAddress(name);
  if (host) return host;
  if (!/^\p{Lu}/u.test(name) || splitWords(name).length > 6) return null;
  return name;
}

function readCopyrightHolder(line: string): string | null {
  const holder = line
    .replace(/^(?:©|\(c\)|copyright)\s*/i, '')
    .replace(/^(?:©|\(c\))\s*/i, '')
    .replace(/^\d{4}(?:\s*[-–]\s*\d{4})?\s*/, '')
    .replace(/[.,]?\s*all rights reserved\.?$/i, '')
    .trim();
  return holder ? cleanOutletName(holder) : null;
}

function sameText(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** Split normalized text into lines that remember their paragraph. */
function toLines(text: string): Line[] {
  return text.split('\n\n').flatMap((p, para) => p.split('\n').map((t) => ({ text: t, para, removed: null })));
}

function fromLines(lines: Line[]): string {
  const paras = new Map<number, string[]>();
  for (const l of lines) {
    if (l.removed && !l.prefix) continue;
    const t = l.prefix ? l.text.slice(l.prefix.length).trim() : l.text;
    if (!t) continue;
    if (!paras.has(l.para)) paras.set(l.para, []);
    paras.get(l.para)!.push(t);
  }
  return [...paras.values()].map((p) => p.join('\n')).join('\n\n');
}

function remove(line: Line, reason: string): void {
  if (!line.removed) line.removed = reason;
}

/**
 * Take the furniture out of normalized text. Throws IngestError (422) when
 * nothing but furniture is left.
 */
export function separateFurniture(text: string): FurnitureResult {
  const lines = toLines(text);
  const clues: FurnitureClues = { title: null, dates: [], authors: [], outlets: [] };
  const latinDocument = shareLatin(text) >= 0.8;

  for (const line of lines) {
    const hit = classifyAnywhere(line.text);
    if (!hit) continue;
    remove(line, hit.reason);
    if (hit.outlet) clues.outlets.push({ name: hit.outlet, source: hit.reason === 'promotion' ? 'promotion' : 'copyright' });
  }

  const titleIndex = markHeader(lines, clues, latinDocument);
  markEarlyCredits(lines, clues);
  const firstKept = lines.find((l) => !l.removed || l.prefix);
  const dateline = firstKept ? DATELINE.exec(firstKept.prefix ? firstKept.text.slice(firstKept.prefix.length).trim() : firstKept.text) : null;
  if (dateline) clues.outlets.push({ name: AGENCY_NAMES[dateline[1]] ?? dateline[1], source: 'dateline' });
  markRepeats(lines, titleIndex);
  markCaptions(lines, titleIndex);
  markTail(lines, clues, latinDocument);

  const furniture: Furniture[] = lines
    .filter((l) => l.removed)
    .map((l) => ({ text: l.prefix ?? l.text, reason: l.removed! }));
  const kept = fromLines(lines);
  if (!kept) throw new IngestError('ingest: the text holds only page furniture (' + [...new Set(furniture.map((f) => f.reason))].join(', ') + ')', 422);
  return { text: kept, furniture, clues };
}

/**
 * The head of the page: everything before the first line of running text.
 * Finds the title, reads date and byline lines, and removes site furniture
 * before the title. Returns the title's line index or -1.
 */
function markHeader(lines: Line[], clues: FurnitureClues, latinDocument: boolean): number {
  const first = lines.find((l) => !l.removed);
  if (first) {
    const prefix = readDatePrefix(first.text);
    if (prefix) {
      first.removed = 'date line (published date)';
      first.prefix = prefix.prefix;
      clues.dates.push({ iso: prefix.iso, source: 'header' });
    }
  }
  const head: number[] = [];
  for (let i = 0; i < lines.length && head.length < HEAD_LINES; i++) {
    const line = lines[i];
    if (line.removed && !line.prefix) continue;
    const text = line.prefix ? line.text.slice(line.prefix.length).trim() : line.text;
    if (line.prefix || (isBodyLine(text) && !(latinDocument && shareLatin(text) < 0.5))) break;
    head.push(i);
  }
  // A title must be followed by running text; a page of short lines has none.
  const hasBody = head.length < HEAD_LINES && lines.some((l, i) => i > (head.at(-1) ?? -1) && !l.removed && isBodyLine(l.text));
  if (!hasBody) return -1;

  const kind = new Map<number, 'date' | 'name' | 'other'>();
  let titleIndex = -1;
  for (const i of head) {
    const line = lines[i];
    const host = readWebAddress(line.text);
    const date = readDateLine(line.text);
    const byline = readByline(line.text);
    if (host) {
      remove(line, 'site address');
      clues.outlets.push({ name: host, source: 'address' });
    } else if (isEmail(line.text)) {
      remove(line, 'site e-mail address');
    } else if (date) {
      remove(line, date.updated ? 'date line (update stamp)' : 'date line (published date)');
      clues.dates.push({ iso: date.iso, source: date.updated ? 'updated' : 'header' });
      kind.set(i, 'date');
    } else if (byline) {
      remove(line, 'byline');
      if (byline.author) clues.authors.push({ name: byline.author, source: 'byline' });
      if (byline.date) clues.dates.push({ iso: byline.date, source: 'byline' });
    } else if (latinDocument && shareLatin(line.text) < 0.5) {
      remove(line, 'site header in another script');
    } else if (isPersonName(titleCaseIfShouting(line.text))) {
      kind.set(i, 'name');
    } else if (titleIndex < 0 && isHeadlineLike(line.text)) {
      titleIndex = i;
      clues.title = line.text;
    } else {
      kind.set(i, 'other');
    }
  }
  const neighbourIsDate = (at: number): boolean => {
    const pos = head.indexOf(at);
    return kind.get(head[pos - 1]) === 'date' || kind.get(head[pos + 1]) === 'date';
  };
  for (const i of head) {
    const line = lines[i];
    const k = kind.get(i);
    const beforeTitle = titleIndex >= 0 && i < titleIndex;
    if (k === 'name' && (neighbourIsDate(i) || (titleIndex >= 0 && i > titleIndex))) {
      remove(line, 'byline');
      clues.authors.push({ name: titleCaseIfShouting(line.text), source: 'byline' });
    } else if ((k === 'name' || k === 'other') && beforeTitle && !hasQuotation(line.text)) {
      remove(line, 'site header');
    }
  }
  return titleIndex;
}

const EARLY_LINES = 12;

/**
 * Bylines and date lines often follow a standfirst that already reads like
 * running text, so they are also looked for in the first lines after the
 * head: "By Jane Doe", "Published On 5 Mar 2024", and a writer's role line
 * ("Ukraine correspondent") right after a byline.
 */
function markEarlyCredits(lines: Line[], clues: FurnitureClues): void {
  let seen = 0;
  let previous: Line | null = null;
  for (const line of lines) {
    if (seen >= EARLY_LINES) break;
    if (line.removed && line.removed !== 'byline') continue;
    seen++;
    if (!line.removed) {
      const byline = readByline(line.text);
      const date = readDateLine(line.text);
      const role = readRoleLine(line.text);
      if (byline) {
        remove(line, 'byline');
        if (byline.author) clues.authors.push({ name: byline.author, source: 'byline' });
        if (byline.date) clues.dates.push({ iso: byline.date, source: 'byline' });
      } else if (date) {
        remove(line, date.updated ? 'date line (update stamp)' : 'date line (published date)');
        clues.dates.push({ iso: date.iso, source: date.updated ? 'updated' : 'header' });
      } else if (role && (role.author || previous?.removed === 'byline')) {
        remove(line, 'byline');
        if (role.author) clues.authors.push({ name: role.author, source: 'byline' });
      }
    }
    previous = line;
  }
}

/** Repeated headlines, a line repeated right after itself, and pull quotes that repeat a paragraph. */
function markRepeats(lines: Line[], titleIndex: number): void {
  const title = titleIndex >= 0 ? lines[titleIndex].text : null;
  let previous: Line | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.removed) continue;
    if (title && i !== titleIndex && sameText(line.text, title)) remove(line, 'repeated headline');
    else if (previous && sameText(previous.text, line.text) && splitWords(line.text).length <= 30) remove(line, 'repeated line');
    if (!line.removed) previous = line;
  }
  // Pull quotes: a paragraph of 8+ words repeated, or cut short, elsewhere in
  // the article. Bucketed by the first 40 characters so long texts stay linear.
  const buckets = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (l.removed || splitWords(l.text).length < 8) return;
    const key = l.text.slice(0, 40).toLowerCase();
    buckets.set(key, [...(buckets.get(key) ?? []), i]);
  });
  for (const members of buckets.values()) {
    if (members.length < 2 || members.length > 20) continue;
    for (const a of members) {
      for (const b of members) {
        if (a === b || lines[a].removed || lines[b].removed) continue;
        const shorter = lines[a].text.length < lines[b].text.length || (lines[a].text.length === lines[b].text.length && a > b);
        const prefix = lines[b].text.startsWith(lines[a].text.replace(/[.…]+$/, ''));
        if (shorter && prefix) remove(lines[a], 'repeated paragraph (pull quote)');
      }
    }
  }
}

function nextKept(lines: Line[], i: number, step: 1 | -1): Line | null {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) {
    if (!lines[j].removed || lines[j].removed === 'photo credit') return lines[j];
  }
  return null;
}

/** Photo captions: a caption headline, a caption cut short with "…", a credit line. */
function markCaptions(lines: Line[], titleIndex: number): void {
  lines.forEach((line, i) => {
    if (line.removed) return;
    const truncated = /(?:…|\.\.\.)$/.test(line.text) && splitWords(line.text).length >= 6;
    const after = nextKept(lines, i, 1);
    const before = nextKept(lines, i, -1);
    const creditAfter = after?.removed === 'photo credit';
    const beforeIndex = before ? lines.indexOf(before) : -1;
    const headlineBefore = !!before && !before.removed && beforeIndex !== titleIndex && isHeadlineLike(before.text) && splitWords(before.text).length <= 16 && !hasQuotation(before.text);
    const isCaption = (truncated && (creditAfter || headlineBefore)) || (creditAfter && headlineBefore && !hasQuotation(line.text));
    if (!isCaption) return;
    remove(line, 'photo caption');
    if (headlineBefore && before) remove(before, 'photo caption title');
  });
}

const TOPICS_LABEL = /^(?:related topics|topics|tags|explore more on (?:these|this) topics?|more on (?:these|this) topics?|filed under)\s*:?$/i;

/** The end of the page: topic tags, signature, author bio, site footer. */
function markTail(lines: Line[], clues: FurnitureClues, latinDocument: boolean): void {
  // After a topics label come single tags ("Ukraine", "Pensions") and more chrome.
  const label = lines.findIndex((l, i) => i >= lines.length - 30 && TOPICS_LABEL.test(l.text));
  if (label >= 0) {
    remove(lines[label], 'topic tags');
    for (let i = label + 1; i < lines.length && (lines[i].removed || (splitWords(lines[i].text).length <= 4 && !/[.!?"“”]$/.test(lines[i].text))); i++) remove(lines[i], 'topic tags');
  }
  let seen = 0;
  for (let i = lines.length - 1; i >= 0 && seen < TAIL_LINES; i--) {
    const line = lines[i];
    if (line.removed) continue;
    seen++;
    const signature = readSignature(line.text);
    const host = readWebAddress(line.text);
    const bio = readBio(lines, i);
    if (signature) {
      remove(line, 'signature (author and date)');
      clues.authors.push({ name: signature.author, source: 'signature' });
      clues.dates.push({ iso: signature.date, source: 'signature' });
    } else if (bio) {
      for (const l of bio.lines) remove(l, 'author bio');
      if (bio.author) clues.authors.push({ name: bio.author, source: 'bio' });
      i -= bio.lines.length - 1;
    } else if (host) {
      remove(line, 'site address');
      clues.outlets.push({ name: host, source: 'address' });
    } else if (isEmail(line.text)) {
      remove(line, 'site e-mail address');
    } else if (/^sources?\s*:\s*\S.{1,80}$/i.test(line.text) && !hasQuotation(line.text)) {
      remove(line, 'source credit');
    } else if (latinDocument && shareLatin(line.text) < 0.5 && !hasQuotation(line.text)) {
      remove(line, 'site footer in another script');
    } else break;
  }
}

/** A paragraph wrapped in *...* or _..._ at the end: an author bio; its author when it starts with a name. */
function readBio(lines: Line[], last: number): { lines: Line[]; author: string | null } | null {
  const para = lines.filter((l) => l.para === lines[last].para);
  const text = para.map((l) => l.text).join(' ');
  if (para.at(-1) !== lines[last] || text.length > 600 || hasQuotation(text)) return null;
  const m = /^([*_]{1,2})([^*_].*?)\1$/.exec(text);
  if (!m) return null;
  const name = m[2].split(/,|\bis\b| - | – | — /)[0].trim();
  return { lines: para, author: isPersonName(name) ? name : null };
}
