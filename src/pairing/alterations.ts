/**
 * pairing: what a retelling changed that a fact-checker must see — a number,
 * amount, date or quantity put into the same claim, a negation added or
 * dropped, a name swapped. This is a separate question from "same statement":
 * an altered pair is still a pair, and a possible misquote. A change counts
 * only as a substitution in place: the nearest words around it on both sides
 * correspond to each other, so a figure of another claim, a detail one
 * version adds, or "Mr. Hussein" retold as "Saddam" in another construction
 * is not an alteration.
 */
import type { ContentWord } from './features.js';
import type { QuoteAlignment } from './score.js';
import { isRounding, shareUnit } from './figures.js';
import { isValue } from './word-match.js';

/** Kinds of alteration, from the GUIDE's glossary. */
export type AlterationKind = 'number' | 'amount' | 'date' | 'quantity' | 'negation' | 'name' | 'context';

/** One alteration: its kind and the words of the earlier (first) and later (second) version. */
export interface Alteration {
  kind: AlterationKind;
  earlier: string;
  later: string;
}

/** Similarity from which two words are the same word said with and without a negation. */
const NEGATION_SIMILARITY = 0.5;

/** Dates relative to the day of writing: "today" and "Thursday" can name the same day. */
const RELATIVE_DAYS = new Set(['today', 'yesterday', 'tomorrow', 'tonight']);

/** Years are numbers, but a changed year is a changed date. */
export function isYear(w: ContentWord): boolean {
  return w.kind === 'number' && !w.amount && /^\d{4}$/.test(w.key) && Number(w.key) >= 1800 && Number(w.key) <= 2100;
}

/** The class a value can be swapped within: a year for a year, a month for a month, a figure for a figure. */
function valueClass(w: ContentWord): string {
  if (w.kind === 'date' || isYear(w)) return 'date';
  return w.kind;
}

function kindOf(x: ContentWord, y: ContentWord): AlterationKind {
  if (valueClass(x) === 'date') return 'date';
  if (x.kind === 'quantity') return 'quantity';
  return x.amount || y.amount ? 'amount' : 'number';
}

/** The words of a negated content word with its cue ("not attack"). */
const withCue = (w: ContentWord) => (w.negated && w.cue ? `${w.cue} ${w.text}` : w.text);

/** A word said under an explicit negation cue ("not", "n't", "never", "cannot") just before it. */
const isNegated = (w: ContentWord) => w.negated && w.cue !== undefined && (w.kind === 'word' || w.kind === 'modal');

/** Edit distance of two short strings (names), with an early way out above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1)
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}

/** Two spellings of one name ("O'Neill" / "ONeills", "Muqtada" / "Moqtada") are no swap. */
function spellSame(x: string, y: string): boolean {
  const a = x.toLowerCase().replace(/[^\p{L}]/gu, '');
  const b = y.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (a.slice(0, 4) === b.slice(0, 4) || (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a))))
    return true;
  const limit = Math.max(1, Math.floor(Math.min(a.length, b.length) / 3));
  return editDistance(a, b, limit) <= limit;
}

/** Titles and initials name no one by themselves ("Gen." / "General", "D-S.D."). */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'general',
  'adm',
  'admiral',
  'sen',
  'senator',
  'rep',
  'gov',
  'governor',
  'president',
  'minister',
  'secretary',
  'col',
  'lt',
  'sgt',
  'capt',
  'sir',
  'sheikh',
  'judge',
  'justice',
  'mayor',
]);
const isNameWord = (w: ContentWord) =>
  w.kind === 'name' && !TITLES.has(w.lower.replace(/\.$/, '')) && /\p{L}{3}/u.test(w.text);

/** The nearest word before `from` or after `to` (step -1 or +1) that can frame a change: no value, no modal, same sentence. */
function neighbour(words: ContentWord[], from: number, to: number, step: -1 | 1, lo: number, hi: number): number {
  const sentence = words[step < 0 ? from : to].sentence;
  for (let k = step < 0 ? from - 1 : to + 1; k >= lo && k < hi; k += step) {
    if (words[k].sentence !== sentence) return -1;
    if (!isValue(words[k]) && words[k].kind !== 'modal') return k;
  }
  return -1;
}

/**
 * Is S[i0..i1] replaced in place by L[j0..j1]? Where both sides have a word
 * before (after) the change, those words must correspond; at least one side's
 * pair must exist and correspond.
 */
function isInPlace(
  al: QuoteAlignment,
  partner: Map<number, number>,
  i0: number,
  i1: number,
  j0: number,
  j1: number,
): boolean {
  const { S, L, best } = al;
  let framed = 0;
  for (const step of [-1, 1] as const) {
    const s = neighbour(S, i0, i1, step, 0, S.length);
    const l = neighbour(L, j0, j1, step, best.start, best.end);
    if (s < 0 || l < 0) continue;
    if (partner.get(s) !== l) return false;
    framed += 1;
  }
  return framed > 0;
}

/** Extend a name over the unmatched names next to it ("Donald Trump"). */
function namePhrase(words: ContentWord[], k: number, free: (k: number) => boolean): [number, number] {
  let from = k;
  let to = k;
  while (from > 0 && isNameWord(words[from - 1]) && free(from - 1) && words[from - 1].sentence === words[k].sentence)
    from -= 1;
  while (
    to < words.length - 1 &&
    isNameWord(words[to + 1]) &&
    free(to + 1) &&
    words[to + 1].sentence === words[k].sentence
  )
    to += 1;
  return [from, to];
}

const textOf = (words: ContentWord[], from: number, to: number) =>
  words
    .slice(from, to + 1)
    .map((w) => w.text)
    .join(' ');

/** List the alterations between two aligned quotes, from the first quote (earlier) to the second (later). */
export function findAlterations(al: QuoteAlignment): Alteration[] {
  const { S, L, best, swap } = al;
  const out: Alteration[] = [];
  const push = (kind: AlterationKind, sText: string, lText: string) =>
    out.push(swap ? { kind, earlier: lText, later: sText } : { kind, earlier: sText, later: lText });
  const partner = new Map(best.links.map(([i, j]) => [i, j]));
  const linkedL = new Set(best.links.map((l) => l[1]));
  // negation: the same word said with and without it, where the other side says it nowhere negated
  const negatedKeys = (words: ContentWord[]) => new Set(words.filter(isNegated).map((w) => w.key));
  const negS = negatedKeys(S);
  const negL = negatedKeys(L);
  for (const [i, j, s] of best.links) {
    if (s < NEGATION_SIMILARITY || isNegated(S[i]) === isNegated(L[j]) || S[i].inNegation === L[j].inNegation) continue;
    if (isNegated(S[i]) ? negL.has(L[j].key) : negS.has(S[i].key)) continue;
    push('negation', withCue(S[i]), withCue(L[j]));
  }
  const inWindow = (j: number) => j >= best.start && j < best.end;
  const sKeys = new Set(S.map((w) => w.key));
  const lKeys = new Set(L.filter((_, j) => inWindow(j)).map((w) => w.key));
  const usedL = new Set<number>();
  // values: one side's figure facing another figure of its class and unit in place; a figure the other side
  // says too, or says rounded ("$64.7 billion" / "$65 billion"), is no change
  const lWindow = L.filter((_, j) => inWindow(j));
  const said = (w: ContentWord, other: ContentWord[], keys: Set<string>) =>
    keys.has(w.key) ||
    (valueClass(w) === 'number' &&
      other.some((o) => valueClass(o) === 'number' && shareUnit(w, o) && isRounding(w, o)));
  for (let i = 0; i < S.length; i += 1) {
    if (!isValue(S[i]) || said(S[i], lWindow, lKeys) || RELATIVE_DAYS.has(S[i].key)) continue;
    for (let j = best.start; j < best.end; j += 1) {
      if (
        usedL.has(j) ||
        !isValue(L[j]) ||
        valueClass(L[j]) !== valueClass(S[i]) ||
        !shareUnit(S[i], L[j]) ||
        said(L[j], S, sKeys) ||
        RELATIVE_DAYS.has(L[j].key)
      )
        continue;
      if (!isInPlace(al, partner, i, i, j, j)) continue;
      usedL.add(j);
      push(kindOf(S[i], L[j]), S[i].text, L[j].text);
      break;
    }
  }
  // names: an unmatched name facing another unmatched name in place
  const usedS = new Set<number>();
  for (let i = 0; i < S.length; i += 1) {
    if (!isNameWord(S[i]) || partner.has(i) || usedS.has(i) || lKeys.has(S[i].key)) continue;
    const [i0, i1] = namePhrase(S, i, (k) => !partner.has(k) && !usedS.has(k));
    // a name just outside the window counts too: a swapped name weighs as a missed word, so the window may leave it out
    for (let j = Math.max(0, best.start - 2); j < Math.min(L.length, best.end + 2); j += 1) {
      if (usedL.has(j) || !isNameWord(L[j]) || linkedL.has(j) || sKeys.has(L[j].key)) continue;
      const [j0, j1] = namePhrase(L, j, (k) => !linkedL.has(k) && !usedL.has(k));
      const sText = textOf(S, i0, i1);
      const lText = textOf(L, j0, j1);
      // a name swapped for a name: as many words on both sides ("Hillary Clinton" / "Bernie Sanders")
      if (i1 - i0 !== j1 - j0 || spellSame(sText, lText) || !isInPlace(al, partner, i0, i1, j0, j1)) continue;
      for (let k = i0; k <= i1; k += 1) usedS.add(k);
      for (let k = j0; k <= j1; k += 1) usedL.add(k);
      push('name', sText, lText);
      break;
    }
  }
  return out;
}
