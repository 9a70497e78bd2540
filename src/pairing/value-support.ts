/**
 * pairing: when shared numbers, dates and obligations count. Alone they prove
 * nothing (two quotes can share a deadline and nothing else), but "troops must
 * leave by the end of 2025" retelling "forces are obligated to withdraw by the
 * end of 2025" shares the deadline and the obligation *of the claim that
 * matched*: each counts when substantive word pairs near it, in the same
 * sentence on both sides, correspond too. The same anchors tell a changed
 * figure in the matched claim (an alteration) from a figure of another claim.
 */
import type { ContentWord } from './features.js';
import type { Link } from './window-search.js';
import { contradicts, isValue } from './word-match.js';

/** Weight a shared number or date adds when the words around it correspond too. */
const VALUE_SUPPORT = 1.5;
/** Weight a shared obligation ("must" ~ "is obligated to") adds on the same condition. */
const MODAL_SUPPORT = 0.8;
/** Similarity from which a neighbouring word pair anchors a shared value or modal. */
const ANCHOR_SIMILARITY = 0.4;
/** Content-word distance after a modal within which the partner's verb may follow ("must *quickly* leave"). */
const MODAL_REACH = 2;
/** Content-word distance within which a neighbour anchors, on both sides. */
const ANCHOR_REACH = 5;
/** Anchors a value needs around it: one corresponding word is a topic, two are a claim. */
const ANCHORS_NEEDED = 2;
/**
 * Words that frame a date ("by the *end* of next *year*"): a deadline shared
 * with its frame is still only a deadline, so they anchor nothing.
 */
const DATE_FRAME = new Set([
  'end',
  'beginning',
  'start',
  'early',
  'late',
  'mid',
  'middle',
  'half',
  'quarter',
  'year',
  'month',
  'week',
  'day',
  'time',
  'deadline',
  'date',
  'period',
  'season',
]);

/** Word pairs that can anchor a value: substantive words that correspond and agree in negation. */
export function findAnchors(S: ContentWord[], L: ContentWord[], links: Link[]): Link[] {
  return links.filter(
    ([i, j, s]) =>
      s >= ANCHOR_SIMILARITY &&
      S[i].kind === 'word' &&
      L[j].kind === 'word' &&
      !DATE_FRAME.has(S[i].key) &&
      !DATE_FRAME.has(L[j].key) &&
      !contradicts(S[i], L[j]),
  );
}

/**
 * Do enough anchors lie near word i of the shorter and word j of the longer
 * quote, in their sentences and on the same side of both ("must leave ... by
 * 2025" / "must withdraw ... by 2025"; a word before the date on one side and
 * after it on the other belongs to another clause)? `needed` anchors count.
 */
export function isAnchored(
  S: ContentWord[],
  L: ContentWord[],
  anchors: Link[],
  i: number,
  j: number,
  needed = ANCHORS_NEEDED,
): boolean {
  let n = 0;
  for (const [i2, j2] of anchors) {
    if (S[i2].sentence !== S[i].sentence || L[j2].sentence !== L[j].sentence) continue;
    if (Math.sign(i2 - i) !== Math.sign(j2 - j)) continue;
    if (Math.abs(i2 - i) <= ANCHOR_REACH && Math.abs(j2 - j) <= ANCHOR_REACH) n += 1;
  }
  return n >= needed;
}

/**
 * Does the obligation at word i of the shorter quote bear on the same action
 * as its partner at j? The content word right after it ("must *leave*") must
 * correspond to one just after the partner ("is obligated to *withdraw*"):
 * "must publish" and "must cut" share the modal, not the claim.
 */
function governsSameVerb(S: ContentWord[], L: ContentWord[], anchors: Link[], i: number, j: number): boolean {
  const next = i + 1;
  if (next >= S.length || S[next].sentence !== S[i].sentence) return false;
  return anchors.some(([i2, j2]) => i2 === next && j2 > j && j2 <= j + MODAL_REACH && L[j2].sentence === L[j].sentence);
}

/** Weight of the shared numbers, dates and modals that the words around them support, and their texts. */
export function weighSupport(S: ContentWord[], L: ContentWord[], links: Link[]): { weight: number; texts: string[] } {
  const anchors = findAnchors(S, L, links);
  let weight = 0;
  const texts: string[] = [];
  for (const [i, j] of links) {
    const w = S[i];
    const v = L[j];
    if (w.weight > 0 || w.key !== v.key || contradicts(w, v)) continue;
    if (w.kind === 'modal' ? !governsSameVerb(S, L, anchors, i, j) : !isValue(w) || !isAnchored(S, L, anchors, i, j))
      continue;
    weight += w.kind === 'modal' ? MODAL_SUPPORT : VALUE_SUPPORT;
    texts.push(w.text);
  }
  return { weight, texts };
}

/** The most weighSupport can find: every value and modal of the shorter quote with a partner anywhere. */
export function weighSupportAtMost(S: ContentWord[], L: ContentWord[]): number {
  let weight = 0;
  for (const w of S) {
    if (w.weight > 0 || !(w.kind === 'modal' || isValue(w)) || !L.some((v) => v.key === w.key)) continue;
    weight += w.kind === 'modal' ? MODAL_SUPPORT : VALUE_SUPPORT;
  }
  return weight;
}
