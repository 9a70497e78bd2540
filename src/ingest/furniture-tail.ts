/** ingest: the end of a page — topic tags, signature, author bio, site footer. */
import { hasQuotation, isEmail, isPersonName, readSignature, readWebAddress, shareLatin, splitWords } from './lines.js';
import { TAIL_LINES } from './furniture-patterns.js';
import { type Line, remove } from './furniture-lines.js';
import type { FurnitureClues } from './furniture.js';

export const TOPICS_LABEL =
  /^(?:related topics|topics|tags|explore more on (?:these|this) topics?|more on (?:these|this) topics?|filed under)\s*:?$/i;

/** The end of the page: topic tags, signature, author bio, site footer. */
export function markTail(lines: Line[], clues: FurnitureClues, latinDocument: boolean): void {
  // After a topics label come single tags ("Ukraine", "Pensions") and more chrome.
  const label = lines.findIndex((l, i) => i >= lines.length - 30 && TOPICS_LABEL.test(l.text));
  if (label >= 0) {
    remove(lines[label], 'topic tags');
    for (
      let i = label + 1;
      i < lines.length &&
      (lines[i].removed || (splitWords(lines[i].text).length <= 4 && !/[.!?"“”]$/.test(lines[i].text)));
      i++
    )
      remove(lines[i], 'topic tags');
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
export function readBio(lines: Line[], last: number): { lines: Line[]; author: string | null } | null {
  const para = lines.filter((l) => l.para === lines[last].para);
  const text = para.map((l) => l.text).join(' ');
  if (para.at(-1) !== lines[last] || text.length > 600 || hasQuotation(text)) return null;
  const m = /^([*_]{1,2})([^*_].*?)\1$/.exec(text);
  if (!m) return null;
  const name = m[2].split(/,|\bis\b| - | – | — /)[0].trim();
  return { lines: para, author: isPersonName(name) ? name : null };
}
