/**
 * search/query: turning what a user typed into an FTS5 match expression.
 * Pure. Each word is quoted, so FTS syntax in user input (`"`, `OR`, `(`)
 * is only ever text; a word that is a spelling of a speaker's name is
 * widened to the other spellings the corpus knows (al-Yasir / al-Yasser).
 */
import { speakerKey } from '../speakers/index.js';

/** At most this many words of a query are used (a pasted paragraph stays cheap). */
const MAX_WORDS = 12;

/** The words of a query: letters and digits, in order, repeats dropped. */
export function searchWords(query: string): string[] {
  const words = (query.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/**
 * The other spellings of each query word among the words of speakers'
 * names: words with the same transliteration key (vowels, doubled letters
 * and q/k do not count). Words under three letters are never widened, so
 * "al" or "to" do not pull in names.
 */
export function spellingVariants(words: string[], nameWords: Iterable<string>): Map<string, string[]> {
  const byKey = new Map<string, Set<string>>();
  for (const w of nameWords) {
    const lower = w.toLowerCase();
    if (lower.length < 3) continue;
    const key = speakerKey(lower);
    if (!key) continue;
    const set = byKey.get(key) ?? new Set<string>();
    set.add(lower);
    byKey.set(key, set);
  }
  const out = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < 3) continue;
    const others = [...(byKey.get(speakerKey(w)) ?? [])].filter((v) => v !== w).sort();
    if (others.length) out.set(w, others);
  }
  return out;
}

/** The words of names ("Firas al-Yasser" → firas, al, yasser). */
export function nameWords(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const n of names) for (const w of n.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []) out.add(w.toLowerCase());
  return [...out];
}

/**
 * An FTS5 match expression: every word must occur (in any of its
 * spellings). Returns '' when the query has no words.
 */
export function buildMatch(words: string[], variants: Map<string, string[]> = new Map()): string {
  return words
    .map((w) => {
      const all = [w, ...(variants.get(w) ?? [])].map((v) => `"${v.replace(/"/g, '""')}"`);
      return all.length === 1 ? all[0] : `(${all.join(' OR ')})`;
    })
    .join(' AND ');
}

/** True when a name matches every query word, by spelling key or as the start of one of its words. */
export function nameMatches(name: string, words: string[]): boolean {
  const own = nameWords([name]);
  const keys = new Set(own.map((w) => speakerKey(w)).filter((k) => k));
  return (
    words.length > 0 &&
    words.every((w) => own.some((o) => o.startsWith(w)) || (w.length >= 3 && keys.has(speakerKey(w))))
  );
}
