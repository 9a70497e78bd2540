/**
 * diff: the whole-article view of a comparison — two articles' paragraphs set
 * side by side, anchored at the paragraphs of their paired statements. Pure.
 */
import type { Paragraph } from '../ingest/paragraphs.js';

/** A row of the whole-article view: a paragraph on each side, or a gap. */
export interface AlignedRow {
  earlier: (Paragraph & { index: number }) | null;
  later: (Paragraph & { index: number }) | null;
  anchored: boolean;
}

/**
 * Align two paragraph lists using anchors (paragraph i of the earlier article pairs with
 * paragraph j of the later one): the largest set of anchors that keeps both orders
 * (longest increasing subsequence), and the paragraphs between anchors set
 * against each other or against a gap.
 */
export function alignParagraphs(earlier: Paragraph[], later: Paragraph[], anchors: [number, number][]): AlignedRow[] {
  const unique = [...new Map(anchors.map((a) => [`${a[0]}:${a[1]}`, a])).values()].sort(
    (p, q) => p[0] - q[0] || p[1] - q[1],
  );
  // longest chain increasing in both coordinates (n is small: the pairs of two articles)
  const best: number[] = unique.map(() => 1);
  const prev: number[] = unique.map(() => -1);
  for (let i = 0; i < unique.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      if (unique[j][0] < unique[i][0] && unique[j][1] < unique[i][1] && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        prev[i] = j;
      }
    }
  }
  let end = best.length ? best.indexOf(Math.max(...best)) : -1;
  const chain: [number, number][] = [];
  while (end >= 0) {
    chain.unshift(unique[end]);
    end = prev[end];
  }
  const rows: AlignedRow[] = [];
  const L = (i: number) => ({ ...earlier[i], index: i });
  const R = (j: number) => ({ ...later[j], index: j });
  let i = 0;
  let j = 0;
  for (const [ai, aj] of [...chain, [earlier.length, later.length] as [number, number]]) {
    // paragraphs between anchors: side by side while both have some, then against a gap
    while (i < ai && j < aj) rows.push({ earlier: L(i++), later: R(j++), anchored: false });
    while (i < ai) rows.push({ earlier: L(i++), later: null, anchored: false });
    while (j < aj) rows.push({ earlier: null, later: R(j++), anchored: false });
    if (ai < earlier.length && aj < later.length) rows.push({ earlier: L(i++), later: R(j++), anchored: true });
  }
  return rows;
}
