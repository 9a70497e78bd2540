/**
 * diff: the content words of two versions and which of them the later keeps.
 */
import type { Token } from '../nlp/index.js';
import { normalizeUnitKey } from './word-diff.js';

const FUNCTION_POS = new Set(['PUNCT', 'PART', 'SYM', 'X', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'AUX']);

/** A content word: not a stop word, not a function word or punctuation; figures count. */
export function isContent(t: Token): boolean {
  if (t.type === 'number') return true;
  return t.type === 'word' && !t.stop && !FUNCTION_POS.has(t.pos) && /[\p{L}\p{N}]/u.test(t.text);
}

/** The key content words are matched by: the folded lemma, or the figure as written. */
export function lemmaKey(t: Token): string {
  return normalizeUnitKey(t.type === 'number' ? t.text : t.lemma);
}

/**
 * Match the content words of two versions: same lemma first, then same spelling,
 * then one's lemma against the other's spelling. The later passes are there
 * because the tagger can read a capitalized word at the start of a quote as a
 * proper noun and leave it unlemmatized ("Troops" against "troop").
 */
export function matchContent(a: Token[], b: Token[]): { dropped: Token[]; added: Token[]; kept: number } {
  let left = a.filter(isContent);
  let right = b.filter(isContent);
  let kept = 0;
  const spelling = (t: Token) => normalizeUnitKey(t.text);
  const passes: [(t: Token) => string, (t: Token) => string][] = [
    [lemmaKey, lemmaKey],
    [spelling, spelling],
    [lemmaKey, spelling],
    [spelling, lemmaKey],
  ];
  for (const [keyA, keyB] of passes) {
    const pool = new Map<string, number>();
    for (const t of right) pool.set(keyB(t), (pool.get(keyB(t)) ?? 0) + 1);
    const stillLeft: Token[] = [];
    const used = new Map<string, number>();
    for (const t of left) {
      const k = keyA(t);
      if ((pool.get(k) ?? 0) > 0) {
        pool.set(k, (pool.get(k) ?? 0) - 1);
        used.set(k, (used.get(k) ?? 0) + 1);
        kept += 1;
      } else {
        stillLeft.push(t);
      }
    }
    right = right.filter((t) => {
      const n = used.get(keyB(t)) ?? 0;
      if (n === 0) return true;
      used.set(keyB(t), n - 1);
      return false;
    });
    left = stillLeft;
  }
  return { dropped: left, added: right, kept };
}
