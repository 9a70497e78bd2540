/**
 * pairing: the reasons shown with a pair — what the alignment matched, what it
 * read as reworded, and what was altered — written from the first quote's side.
 */
import type { Alteration } from './alterations.js';
import { describeAlteration } from './misquote.js';
import type { QuoteAlignment } from './score.js';
import type { SpeakerMatch } from '../speakers/index.js';

/**
 * Describe substitutions as phrases: each soft match grows over the unmatched
 * content words next to it on both sides, so "occupying American forces →
 * occupiers" reads as one rewording.
 */
function describeSubstitutions(al: QuoteAlignment): string[] {
  const { S, L, best: m, swap } = al;
  const linkedS = new Set(m.links.filter((l) => l[2] >= 0.3).map((l) => l[0]));
  const linkedL = new Set(m.links.filter((l) => l[2] >= 0.3).map((l) => l[1]));
  const out: string[] = [];
  const usedS = new Set<number>();
  const usedL = new Set<number>();
  const span = (words: typeof S, from: number, to: number) =>
    words
      .slice(from, to + 1)
      .map((w) => w.text)
      .join(' ');
  for (const [i, j, s] of [...m.links].sort((x, y) => x[0] - y[0])) {
    if (s < 0.3 || S[i].key === L[j].key || usedS.has(i) || usedL.has(j)) continue;
    let s0 = i;
    let s1 = i;
    const free = (k: number) => !linkedS.has(k) && !usedS.has(k) && S[k].sentence === S[i].sentence && S[k].weight > 0;
    while (s0 > 0 && free(s0 - 1)) s0 -= 1;
    while (s1 < S.length - 1 && free(s1 + 1)) s1 += 1;
    let l0 = j;
    let l1 = j;
    const freeL = (k: number) => !linkedL.has(k) && !usedL.has(k) && L[k].sentence === L[j].sentence && L[k].weight > 0;
    while (l0 > m.start && freeL(l0 - 1)) l0 -= 1;
    while (l1 < m.end - 1 && freeL(l1 + 1)) l1 += 1;
    for (let k = s0; k <= s1; k += 1) usedS.add(k);
    for (let k = l0; k <= l1; k += 1) usedL.add(k);
    const from = span(S, s0, s1);
    const to = span(L, l0, l1);
    out.push(swap ? `${to} → ${from}` : `${from} → ${to}`);
  }
  return out;
}

/** The reasons of a decision, alterations first. */
export function listReasons(al: QuoteAlignment, alterations: Alteration[], speakers: SpeakerMatch): string[] {
  const reasons = alterations.map((x) => `possible misquote, ${describeAlteration(x)}`);
  const { surface, best, swap } = al;
  const nl = al.L.length;
  if (surface)
    reasons.push(surface === 'trimmed' ? 'one quote is a contiguous part of the other' : `${surface} wording`);
  if (al.shared.length) reasons.push(`shared words: ${al.shared.join(', ')}`);
  if (al.supported.length) reasons.push(`shared in the matched claim: ${al.supported.join(', ')}`);
  const phrases = describeSubstitutions(al);
  if (phrases.length) reasons.push(`substitutions: ${phrases.join('; ')}`);
  if (nl > 0 && (best.start > 0 || best.end < nl)) {
    reasons.push(
      `${swap ? 'second' : 'first'} quote matches part of the ${swap ? 'first' : 'second'} (content words ${best.start + 1}–${best.end} of ${nl})`,
    );
  }
  if (al.wordShare < 0.15 && !surface) reasons.push('little in common beyond names');
  if (speakers === 'same') reasons.push('same speaker');
  else if (speakers === 'different') reasons.push('different speakers');
  return reasons;
}
