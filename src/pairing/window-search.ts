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

/** A window of the longer quote with the fast search's bound of its F1. */
interface Window {
  start: number;
  end: number;
  f1: number;
}

/** At most this many windows found by the fast search are re-aligned one-to-one. */
const WINDOWS_RESCORED = 24;

/** Words that count for a window's length: no modals, they stand for stop words ("has to"). */
const countable = (w: ContentWord) => w.kind !== 'modal';

/** The fewest countable words of the longer quote a window holds: a shorter one would let the shorter quote match a fragment. */
function shortestWindow(size: number, lSize: number): number {
  return Math.min(lSize, Math.max(1, Math.ceil(size * 0.75)));
}

/**
 * The window lengths the search considers, in countable words of the longer
 * quote (`lSize` of them): from `min` (shortestWindow) to `max`. One rule for
 * searchWindows and for limitRecallPrecision, whose bound holds only over the
 * same windows.
 */
function windowLengths(S: ContentWord[], L: ContentWord[]): { lSize: number; min: number; max: number } {
  const size = S.filter(countable).length;
  const lSize = L.filter(countable).length;
  return { lSize, min: shortestWindow(size, lSize), max: Math.min(lSize, Math.ceil(size * 1.8) + 3) };
}

/** The least share of the longer quote's words that any window findBestWindow returns covers. */
export function leastWindowShare(S: ContentWord[], L: ContentWord[]): number {
  if (!L.length) return 0;
  return windowLengths(S, L).min / L.length;
}

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
): { windows: Window[]; bound: number } {
  const ns = S.length;
  const nl = L.length;
  // the similarities column by column, and the shorter's weights, in flat arrays: this is the inner loop
  const byColumn = new Float64Array(nl * ns);
  const colMax = new Float64Array(nl);
  for (let i = 0; i < ns; i += 1) {
    const row = sim[i];
    for (let j = 0; j < nl; j += 1) {
      byColumn[j * ns + i] = row[j];
      if (row[j] > colMax[j]) colMax[j] = row[j];
    }
  }
  const weights = Float64Array.from(S, (w) => w.weight);
  const { lSize, min: minLen, max: maxLen } = windowLengths(S, L);
  const rowMax = new Float64Array(ns);
  const top: Window[] = [];
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
      const column = end * ns;
      for (let i = 0; i < ns; i += 1) if (byColumn[column + i] > rowMax[i]) rowMax[i] = byColumn[column + i];
      if (len < minLen || lWeight === 0) continue;
      let matched = 0;
      for (let i = 0; i < ns; i += 1) matched += weights[i] * rowMax[i];
      keepBest(top, { start, end: end + 1, f1: harmonicMean(matched / sWeight, lCovered / lWeight) });
      bound = Math.max(
        bound,
        harmonicMean((matched + support) / (sWeight + support), (lCovered + support) / (lWeight + support)),
      );
    }
  }
  return { windows: top, bound };
}

/** Does window x come before y: a higher bound, then shorter (the earlier found first when both tie)? */
const isBefore = (x: Window, y: Window) => x.f1 > y.f1 || (x.f1 === y.f1 && x.end - x.start < y.end - y.start);

/** Keep the WINDOWS_RESCORED first windows in order, a window found later after those it ties with. */
function keepBest(top: Window[], w: Window): void {
  if (top.length === WINDOWS_RESCORED && !isBefore(w, top[top.length - 1])) return;
  let at = top.length;
  while (at > 0 && isBefore(w, top[at - 1])) at -= 1;
  top.splice(at, 0, w);
  if (top.length > WINDOWS_RESCORED) top.pop();
}

/**
 * Upper limits of the recall and precision (support included) of any window
 * findBestWindow can return, from the best similarity of each word alone: the
 * recall from each shorter word's best partner anywhere, the precision from
 * the windows the search considers, each longer word counted at its best
 * partner. For the bound of pair-bound.ts.
 */
export function limitRecallPrecision(
  S: ContentWord[],
  L: ContentWord[],
  sim: Float64Array[],
  sWeight: number,
  support: number,
): { recall: number; precision: number } {
  const ns = S.length;
  const nl = L.length;
  let matched = 0;
  for (let i = 0; i < ns; i += 1) {
    let best = 0;
    for (let j = 0; j < nl; j += 1) if (sim[i][j] > best) best = sim[i][j];
    matched += S[i].weight * best;
  }
  const recall = sWeight + support ? Math.min(1, (matched + support) / (sWeight + support)) : 0;
  const colMax = new Float64Array(nl);
  for (let j = 0; j < nl; j += 1) for (let i = 0; i < ns; i += 1) colMax[j] = Math.max(colMax[j], sim[i][j]);
  const { lSize, min: minLen, max: maxLen } = windowLengths(S, L);
  let precision = 0;
  // the windows of searchWindows; a window's growth over weightless words changes neither sum
  for (
    let start = 0, before = 0;
    start < nl && lSize - before >= minLen;
    before += countable(L[start]) ? 1 : 0, start += 1
  ) {
    let lWeight = 0;
    let lCovered = 0;
    let len = 0;
    for (let end = start; end < nl; end += 1) {
      if (countable(L[end])) len += 1;
      if (len > maxLen) break;
      lWeight += L[end].weight;
      lCovered += L[end].weight * colMax[end];
      if (len < minLen || lWeight === 0) continue;
      precision = Math.max(precision, (lCovered + support) / (lWeight + support));
    }
  }
  return { recall, precision: Math.min(1, precision) };
}

/**
 * The word pairs that can be linked, as indices i × |L| + j, in the order the
 * greedy alignment takes them: most similar first, then nearest in position,
 * then in reading order. Sorted once per pair of quotes; each window takes
 * the pairs inside it in this order.
 */
function sortLinks(ns: number, nl: number, sim: Float64Array[]): Int32Array {
  let n = 0;
  for (let i = 0; i < ns; i += 1) for (let j = 0; j < nl; j += 1) if (sim[i][j] > 0) n += 1;
  const order = new Int32Array(n);
  n = 0;
  for (let i = 0; i < ns; i += 1) for (let j = 0; j < nl; j += 1) if (sim[i][j] > 0) order[n++] = i * nl + j;
  const iOf = (k: number) => Math.floor(k / nl);
  order.sort((x, y) => {
    const ix = iOf(x);
    const iy = iOf(y);
    const jx = x - ix * nl;
    const jy = y - iy * nl;
    return sim[iy][jy] - sim[ix][jx] || Math.abs(ix - jx) - Math.abs(iy - jy) || x - y;
  });
  return order;
}

/** Greedy one-to-one alignment of the shorter quote with a window of the longer, from the sorted word pairs. */
function alignWindow(
  S: ContentWord[],
  L: ContentWord[],
  sim: Float64Array[],
  order: Int32Array,
  sWeight: number,
  start: number,
  end: number,
): WindowMatch {
  const nl = L.length;
  const usedS = new Uint8Array(S.length);
  const usedL = new Uint8Array(nl);
  const links: Link[] = [];
  let left = Math.min(S.length, end - start);
  for (let k = 0; k < order.length && left > 0; k += 1) {
    const i = Math.floor(order[k] / nl);
    const j = order[k] - i * nl;
    if (j < start || j >= end || usedS[i] || usedL[j]) continue;
    usedS[i] = 1;
    usedL[j] = 1;
    links.push([i, j, sim[i][j]]);
    left -= 1;
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
  const order = sortLinks(S.length, nl, sim);
  for (const w of search.windows) {
    // windows come in falling order of their bound
    if (w.f1 <= best.f1 + 1e-9) break;
    const m = alignWindow(S, L, sim, order, sWeight, w.start, w.end);
    if (m.f1 > best.f1 + 1e-9) best = m;
  }
  // the window grows over the weightless words at its edges ("... by the end
  // of *2025*"): its F1 stays, and a shared value there can support the claim
  let { start, end } = best;
  while (start > 0 && L[start - 1].weight === 0) start -= 1;
  while (end < nl && L[end].weight === 0) end += 1;
  if (best.f1 > 0 && (start < best.start || end > best.end)) best = alignWindow(S, L, sim, order, sWeight, start, end);
  return { best, bound: search.bound };
}
