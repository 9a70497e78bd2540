/**
 * pairing: find the stretch (window) of the longer quote that the shorter one
 * retells. Words are aligned one to one, greedily by similarity, and a window
 * scores the weighted F1 of both sides' coverage, in the spirit of BERTScore's
 * greedy matching (Zhang et al. 2020) with static vectors. A fast search
 * (partners may repeat) bounds the one-to-one score from above, so only the
 * few windows that can win are aligned one to one.
 */
import type { ContentWord } from './features.js';
import { harmonicMean } from './word-match.js';

/** One aligned word pair: index in the shorter, index in the longer, similarity. */
export type Link = [number, number, number];

/** Result of aligning the shorter quote with one window of the longer. */
export interface WindowMatch {
  start: number;
  end: number;
  f1: number;
  /** matched weight of the shorter quote */
  matched: number;
  /** matched weight of the window */
  covered: number;
  links: Link[];
}

/** At most this many windows found by the fast search are re-aligned one-to-one. */
const WINDOWS_RESCORED = 24;

/**
 * Fast window search: each shorter word takes its best partner in the window
 * (partners may repeat), which bounds the one-to-one score from above. With
 * `support`, the most that shared values and modals can add, `bound` also
 * bounds the supported F1 of every window.
 */
function searchWindows(
  S: ContentWord[],
  L: ContentWord[],
  sim: Float64Array[],
  sWeight: number,
  support: number,
): { windows: { start: number; end: number; f1: number }[]; bound: number } {
  const ns = S.length;
  const nl = L.length;
  const colMax = new Float64Array(nl);
  for (let j = 0; j < nl; j += 1) for (let i = 0; i < ns; i += 1) colMax[j] = Math.max(colMax[j], sim[i][j]);
  // a window shorter than most of the shorter quote would let it match a
  // fragment; lengths count no modals: they stand for stop words ("has to")
  const countable = (w: ContentWord) => w.kind !== 'modal';
  const size = S.filter(countable).length;
  const lSize = L.filter(countable).length;
  const minLen = Math.min(lSize, Math.max(1, Math.ceil(size * 0.75)));
  const maxLen = Math.min(lSize, Math.ceil(size * 1.8) + 3);
  const rowMax = new Float64Array(ns);
  const found: { start: number; end: number; f1: number }[] = [];
  let bound = 0;
  for (
    let start = 0, before = 0;
    start < nl && lSize - before >= minLen;
    before += countable(L[start]) ? 1 : 0, start += 1
  ) {
    rowMax.fill(0);
    let lWeight = 0;
    let lCovered = 0;
    let len = 0;
    for (let end = start; end < nl; end += 1) {
      if (countable(L[end])) len += 1;
      if (len > maxLen) break;
      lWeight += L[end].weight;
      lCovered += L[end].weight * colMax[end];
      for (let i = 0; i < ns; i += 1) if (sim[i][end] > rowMax[i]) rowMax[i] = sim[i][end];
      if (len < minLen || lWeight === 0) continue;
      let matched = 0;
      for (let i = 0; i < ns; i += 1) matched += S[i].weight * rowMax[i];
      found.push({ start, end: end + 1, f1: harmonicMean(matched / sWeight, lCovered / lWeight) });
      bound = Math.max(
        bound,
        harmonicMean((matched + support) / (sWeight + support), (lCovered + support) / (lWeight + support)),
      );
    }
  }
  const windows = found.sort((x, y) => y.f1 - x.f1 || x.end - x.start - (y.end - y.start)).slice(0, WINDOWS_RESCORED);
  return { windows, bound };
}

/** Greedy one-to-one alignment of the shorter quote with a window of the longer. */
export function alignWindow(
  S: ContentWord[],
  L: ContentWord[],
  sim: Float64Array[],
  sWeight: number,
  start: number,
  end: number,
): WindowMatch {
  const cand: Link[] = [];
  for (let i = 0; i < S.length; i += 1)
    for (let j = start; j < end; j += 1) if (sim[i][j] > 0) cand.push([i, j, sim[i][j]]);
  cand.sort((x, y) => y[2] - x[2] || Math.abs(x[0] - x[1]) - Math.abs(y[0] - y[1]));
  const usedS = new Set<number>();
  const usedL = new Set<number>();
  const links: Link[] = [];
  for (const link of cand) {
    if (usedS.has(link[0]) || usedL.has(link[1])) continue;
    usedS.add(link[0]);
    usedL.add(link[1]);
    links.push(link);
  }
  let matched = 0;
  let covered = 0;
  let lWeight = 0;
  for (let j = start; j < end; j += 1) lWeight += L[j].weight;
  for (const [i, j, s] of links) {
    matched += S[i].weight * s;
    covered += L[j].weight * s;
  }
  return {
    start,
    end,
    f1: harmonicMean(sWeight ? matched / sWeight : 0, lWeight ? covered / lWeight : 0),
    matched,
    covered,
    links,
  };
}

/**
 * The best window of L for S: the whole of L when it is short enough that no
 * window could be smaller (the common case of two sentences), else branch and
 * bound over the fast search's windows. `bound` is an upper bound of the
 * supported F1 of any window, for callers that can stop early.
 */
export function findBestWindow(
  S: ContentWord[],
  L: ContentWord[],
  sim: Float64Array[],
  sWeight: number,
  support: number,
): { best: WindowMatch; bound: number } {
  const nl = L.length;
  let best: WindowMatch = { start: 0, end: nl, f1: 0, matched: 0, covered: 0, links: [] };
  if (sWeight <= 0 || !nl) return { best, bound: 0 };
  const search = searchWindows(S, L, sim, sWeight, support);
  for (const w of search.windows) {
    // windows come in falling order of their bound
    if (w.f1 <= best.f1 + 1e-9) break;
    const m = alignWindow(S, L, sim, sWeight, w.start, w.end);
    if (m.f1 > best.f1 + 1e-9) best = m;
  }
  // the window grows over the weightless words at its edges ("... by the end
  // of *2025*"): its F1 stays, and a shared value there can support the claim
  let { start, end } = best;
  while (start > 0 && L[start - 1].weight === 0) start -= 1;
  while (end < nl && L[end].weight === 0) end += 1;
  if (best.f1 > 0 && (start < best.start || end > best.end)) best = alignWindow(S, L, sim, sWeight, start, end);
  return { best, bound: search.bound };
}
