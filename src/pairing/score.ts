/**
 * pairing: align two quotes. The shorter quote is aligned with the stretch
 * (window) of the longer one it retells, so a quote can pair with part of a
 * longer quote and reported speech with the direct quote it comes from. What
 * the alignment finds — coverage on both sides, exact and soft matches,
 * supported values, the surface relation — feeds the features of the learned
 * decision (pair-features.ts), the alterations (alterations.ts) and the reasons.
 */
import type { ContentWord, QuoteFeatures } from './features.js';
import { detectSurfaceRelation, type SurfaceRelation } from './surface.js';
import { weighSupport, weighSupportAtMost } from './value-support.js';
import { isSwapped, profileQuote } from './quote-profile.js';
import { findBestWindow, type WindowMatch } from './window-search.js';
import { relateWords, STEM_SIMILARITY, harmonicMean } from './word-match.js';

/** A word-for-word substitution found by the alignment (from the first quote's word to the second's). */
export interface Substitution {
  from: string;
  to: string;
  similarity: number;
}

/** Everything the alignment found about two quotes. */
export interface QuoteAlignment {
  /** the shorter quote (aligned whole) and the longer (searched by window) */
  S: ContentWord[];
  L: ContentWord[];
  /** true when the shorter quote is the second argument's */
  swap: boolean;
  best: WindowMatch;
  /** soft F1 of the best window, with the shared values and modals the words around them support */
  f1: number;
  recall: number;
  precision: number;
  /** exact-lemma F1 over the same window */
  lexicalF1: number;
  /** matched weight, support included */
  matched: number;
  /** summed weight of the shorter quote and of the window */
  sWeight: number;
  windowWeight: number;
  /** share of the shorter quote's plain words matched with similarity >= 0.5 (names, numbers aside) */
  wordShare: number;
  surface: SurfaceRelation | null;
  shared: string[];
  supported: string[];
  substitutions: Substitution[];
}

/** Similarity of every word of the shorter quote (rows) with every word of the longer (columns). */
export function relateAll(S: ContentWord[], L: ContentWord[]): Float64Array[] {
  const rows: Float64Array[] = [];
  for (const w of S) {
    const row = new Float64Array(L.length);
    for (let j = 0; j < L.length; j += 1) row[j] = relateWords(w, L[j]);
    rows.push(row);
  }
  return rows;
}

/**
 * Align two prepared quotes (either order gives the same figures); `surface`
 * is their surface relation, `similarities` relateAll's table of them and
 * `window` findBestWindow's best window when the caller has them already.
 */
export function alignQuotes(
  a: QuoteFeatures,
  b: QuoteFeatures,
  surface: SurfaceRelation | null = detectSurfaceRelation(a, b),
  similarities?: Float64Array[],
  window?: WindowMatch,
): QuoteAlignment {
  const swap = isSwapped(a, b);
  const S = (swap ? b : a).content;
  const L = (swap ? a : b).content;
  const sim = similarities ?? relateAll(S, L);
  const sWeight = Math.min(profileQuote(a).weight, profileQuote(b).weight);
  const best = window ?? findBestWindow(S, L, sim, sWeight, weighSupportAtMost(S, L)).best;

  const shared = new Set<string>();
  const substitutions: Substitution[] = [];
  let exactS = 0;
  let exactL = 0;
  for (const [i, j, s] of best.links) {
    if (S[i].key === L[j].key || s >= STEM_SIMILARITY) {
      // a shared stem ("Russia"/"Russian") is the same word for the relation
      exactS += S[i].weight;
      exactL += L[j].weight;
      if (S[i].weight > 0 && S[i].key === L[j].key) shared.add(S[i].text);
    }
    if (S[i].key !== L[j].key && s >= 0.3) {
      substitutions.push(
        swap ? { from: L[j].text, to: S[i].text, similarity: s } : { from: S[i].text, to: L[j].text, similarity: s },
      );
    }
  }
  let windowWeight = 0;
  for (let j = best.start; j < best.end; j += 1) windowWeight += L[j].weight;
  const lexicalF1 = harmonicMean(sWeight ? exactS / sWeight : 0, windowWeight ? exactL / windowWeight : 0);

  const support = weighSupport(S, L, best.links);
  const recall = sWeight + support.weight ? (best.matched + support.weight) / (sWeight + support.weight) : 0;
  const precision =
    windowWeight + support.weight ? (best.covered + support.weight) / (windowWeight + support.weight) : 0;
  const wordWeight = S.reduce((t, w) => t + (w.kind === 'word' ? w.weight : 0), 0);
  const wordMatched = best.links.reduce(
    (t, [i, , s]) => t + (S[i].kind === 'word' && s >= 0.5 ? S[i].weight * s : 0),
    0,
  );
  return {
    S,
    L,
    swap,
    best,
    f1: support.weight ? harmonicMean(recall, precision) : best.f1,
    recall,
    precision,
    lexicalF1,
    matched: best.matched + support.weight,
    sWeight,
    windowWeight,
    wordShare: wordWeight ? wordMatched / wordWeight : 0,
    surface,
    shared: [...shared],
    supported: support.texts,
    substitutions,
  };
}
