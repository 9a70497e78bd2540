/**
 * quotes/name-context: what the words around names say — role words before
 * and after a name (`movement spokesman Ali`, `Firas al-Yasir, a senior
 * representative`) and headline paragraphs whose capitals make no names.
 */
import { startsUpper, type Word } from './words.js';

/** Add role words found right before a name run (lower-case nouns: "movement spokesman"). */
export function rolesBefore(words: Word[], from: number): string[] {
  const roles: string[] = [];
  for (let i = from - 1; i >= 0 && i >= from - 3; i -= 1) {
    const w = words[i];
    if (w.pos !== 'NOUN' || startsUpper(w.text) || w.quoted) break;
    roles.push(w.lower);
  }
  return roles;
}

/** Role words from an appositive after a name: "Firas al-Yasir, a senior representative of ...". */
export function rolesAfter(words: Word[], to: number): string[] {
  if (words[to]?.text !== ',') return [];
  const roles: string[] = [];
  for (let i = to + 1; i < words.length && i < to + 8; i += 1) {
    const w = words[i];
    if (w.text === ',' || w.lower === 'of' || w.text === '.' || w.pos === 'VERB') break;
    if (w.pos === 'NOUN' || w.pos === 'ADJ') roles.push(w.lower);
  }
  return roles;
}

/**
 * Paragraphs set in title case (a headline: `Jeb Bush Hits Marco Rubio Over
 * Attendance`): their capitalised words make no names.
 */
export function findTitleCaseParagraphs(words: Word[]): Set<number> {
  const out = new Set<number>();
  let para = -1;
  let upper = 0;
  let lower = 0;
  const close = (): void => {
    if (upper >= 4 && lower * 4 < upper) out.add(para);
  };
  for (const w of words) {
    if (w.paragraph !== para) {
      close();
      para = w.paragraph;
      upper = 0;
      lower = 0;
    }
    const c = w.text.charCodeAt(0);
    if (startsUpper(w.text)) upper += 1;
    else if (c >= 97 && c <= 122 && w.text.length > 3) lower += 1;
  }
  close();
  return out;
}
