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
  readByline,
  readRoleLine,
  readDateLine,
  readDatePrefix,
  readWebAddress,
  shareLatin,
  titleCaseIfShouting,
} from './lines.js';
import { HEAD_LINES, DATELINE, AGENCY_NAMES, classifyAnywhere } from './furniture-patterns.js';
import { type Line, toLines, fromLines, remove } from './furniture-lines.js';
import { markRepeats, markCaptions } from './furniture-repeats.js';
import { markTail } from './furniture-tail.js';

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
    if (hit.outlet)
      clues.outlets.push({ name: hit.outlet, source: hit.reason === 'promotion' ? 'promotion' : 'copyright' });
  }

  const titleIndex = markHeader(lines, clues, latinDocument);
  markEarlyCredits(lines, clues);
  const firstKept = lines.find((l) => !l.removed || l.prefix);
  const dateline = firstKept
    ? DATELINE.exec(firstKept.prefix ? firstKept.text.slice(firstKept.prefix.length).trim() : firstKept.text)
    : null;
  if (dateline) clues.outlets.push({ name: AGENCY_NAMES[dateline[1]] ?? dateline[1], source: 'dateline' });
  markRepeats(lines, titleIndex);
  markCaptions(lines, titleIndex);
  markTail(lines, clues, latinDocument);

  const furniture: Furniture[] = lines
    .filter((l) => l.removed)
    .map((l) => ({ text: l.prefix ?? l.text, reason: l.removed! }));
  const kept = fromLines(lines);
  if (!kept)
    throw new IngestError(
      'ingest: the text holds only page furniture (' + [...new Set(furniture.map((f) => f.reason))].join(', ') + ')',
      422,
    );
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
  const hasBody =
    head.length < HEAD_LINES && lines.some((l, i) => i > (head.at(-1) ?? -1) && !l.removed && isBodyLine(l.text));
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
